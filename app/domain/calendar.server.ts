import { createHash, randomBytes } from "node:crypto";
import { db } from "~/lib/db/client.server";
import { addDays } from "~/lib/days";
import type { Actor } from "~/lib/actor";

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

const escape = (text: string) =>
  text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");

/** RFC 5545 lines are folded at 75 octets. */
function fold(line: string) {
  const bytes = Buffer.from(line, "utf8");
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let rest = line;
  while (Buffer.byteLength(rest, "utf8") > 75) {
    let cut = 75;
    while (Buffer.byteLength(rest.slice(0, cut), "utf8") > 75) cut--;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  parts.push(rest);
  return parts.join("\r\n ");
}

const compact = (day: string) => day.replace(/-/g, "");

/**
 * The person's feed: due days of the objectives of their groups (and of those they own) and
 * the milestones of the project and of their groups, as all-day events. null: no such token.
 */
export async function calendarFeed(token: string, origin: string) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const row = await db.calendarToken.findUnique({
    where: { tokenHash: hash(token) },
    select: { user: { select: { id: true, active: true, memberships: { select: { groupId: true } } } } },
  });
  if (!row || !row.user.active) return null;
  const groupIds = row.user.memberships.map((m) => m.groupId);
  const [objectives, milestones] = await Promise.all([
    db.objective.findMany({
      where: { OR: [{ groupId: { in: groupIds } }, { ownerId: row.user.id }], status: { notIn: ["ANNULLATO"] } },
      select: { id: true, title: true, dueOn: true, updatedAt: true, group: { select: { name: true } } },
    }),
    db.milestone.findMany({
      where: { OR: [{ groupId: null }, { groupId: { in: groupIds } }] },
      select: { id: true, title: true, date: true, createdAt: true, group: { select: { name: true } } },
    }),
  ]);
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
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
  ];
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Comune di Cesena//Pionieri//IT",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escape("Pionieri · scadenze e traguardi")}`,
    "X-WR-TIMEZONE:Europe/Rome",
    ...events.flat(),
    "END:VCALENDAR",
  ]
    .map(fold)
    .join("\r\n")
    .concat("\r\n");
}
