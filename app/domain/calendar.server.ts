import { createHash, randomBytes } from "node:crypto";
import { db } from "~/lib/db/client.server";
import { addDays } from "~/lib/days";
import type { Actor } from "~/lib/actor";
import { calendarText, compactDay as compact, escapeText as escape, ROME_VTIMEZONE, utcStamp } from "~/lib/ical";
import { meetingEventLines } from "./meeting-calendar.server";
import { env } from "~/lib/env.server";

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new secret for the person's calendar feed; the previous link stops working at once. */
export async function regenerateCalendarToken(actor: Actor) {
  const token = randomBytes(24).toString("base64url");
  await db.calendarToken.upsert({
    where: { userId: actor.id },
    create: { userId: actor.id, tokenHash: hash(token) },
    update: { tokenHash: hash(token), createdAt: new Date() },
  });
  return token;
}

export async function revokeCalendarToken(actor: Actor) {
  await db.calendarToken.deleteMany({ where: { userId: actor.id } });
}

/** When the person's calendar address was made, or null when they have none active. */
export async function calendarSince(actor: Actor) {
  const token = await db.calendarToken.findUnique({ where: { userId: actor.id }, select: { createdAt: true } });
  return token?.createdAt.toISOString() ?? null;
}

/**
 * The person's feed: due days of the objectives of their groups (and of those they own) and
 * the milestones of the project and of their groups, as all-day events, and their groups'
 * meetings of the last three months and to come (a cancelled one as CANCELLED, with the same UID
 * and SEQUENCE as its invitation's). null: no such token.
 */
export async function calendarFeed(token: string, origin: string) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const row = await db.calendarToken.findUnique({
    where: { tokenHash: hash(token) },
    select: { user: { select: { id: true, active: true, memberships: { select: { groupId: true } } } } },
  });
  if (!row || !row.user.active) return null;
  const groupIds = row.user.memberships.map((m) => m.groupId);
  const [objectives, milestones, meetings] = await Promise.all([
    db.objective.findMany({
      where: { OR: [{ groupId: { in: groupIds } }, { ownerId: row.user.id }], status: { notIn: ["ANNULLATO"] } },
      select: { id: true, title: true, dueOn: true, updatedAt: true, group: { select: { name: true } } },
    }),
    db.milestone.findMany({
      where: { OR: [{ groupId: null }, { groupId: { in: groupIds } }] },
      select: { id: true, title: true, date: true, createdAt: true, group: { select: { name: true } } },
    }),
    db.meeting.findMany({
      where: { groupId: { in: groupIds }, startsAt: { gte: new Date(Date.now() - 92 * 86_400_000) } },
      orderBy: { startsAt: "asc" },
      take: 500,
      select: {
        id: true,
        title: true,
        startsAt: true,
        endsAt: true,
        place: true,
        videoUrl: true,
        status: true,
        sequence: true,
        group: { select: { name: true } },
        items: { orderBy: { position: "asc" }, select: { title: true } },
      },
    }),
  ]);
  const now = new Date();
  const stamp = utcStamp(now);
  const host = new URL(origin).host;
  const events = [
    ...objectives.map((o) => [
      "BEGIN:VEVENT",
      `UID:obiettivo-${o.id}@${host}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(o.dueOn)}`,
      `DTEND;VALUE=DATE:${compact(addDays(o.dueOn, 1))}`,
      `SUMMARY:${escape(`Scadenza: ${o.title} (${o.group.name})`)}`,
      `URL:${origin}/obiettivi/${o.id}`,
      "END:VEVENT",
    ]),
    ...milestones.map((m) => [
      "BEGIN:VEVENT",
      `UID:traguardo-${m.id}@${host}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(m.date)}`,
      `DTEND;VALUE=DATE:${compact(addDays(m.date, 1))}`,
      `SUMMARY:${escape(`Traguardo: ${m.title}${m.group ? ` (${m.group.name})` : ""}`)}`,
      `URL:${origin}/crono-programma`,
      "END:VEVENT",
    ]),
    ...meetings.map((m) =>
      meetingEventLines(
        {
          id: m.id,
          title: m.title,
          groupName: m.group.name,
          startsAt: m.startsAt,
          endsAt: m.endsAt,
          place: m.place,
          videoUrl: m.videoUrl,
          agenda: m.items.map((item) => item.title),
          sequence: m.sequence,
          cancelled: m.status === "ANNULLATA",
        },
        { origin, organizer: { name: "Pionieri", address: senderAddress() }, now },
      ),
    ),
  ];
  return calendarText([
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Comune di Cesena//Pionieri//IT",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escape("Pionieri · scadenze, traguardi e riunioni")}`,
    "X-WR-TIMEZONE:Europe/Rome",
    ...(meetings.length > 0 ? ROME_VTIMEZONE : []),
    ...events.flat(),
    "END:VCALENDAR",
  ]);
}

/** MAIL_FROM's address: the meetings' ORGANIZER in the feed. */
function senderAddress() {
  return /<([^>]+)>/.exec(env.mail.from)?.[1] ?? env.mail.from.trim();
}
