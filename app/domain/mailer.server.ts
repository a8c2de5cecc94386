import { db } from "~/lib/db/client.server";
import { romeDay, romeHour } from "~/lib/dates";
import { env } from "~/lib/env.server";
import { mailOrigin, setMailOrigin } from "~/lib/mail.server";
import { digestMail, noticeMail, type NoticeForMail } from "./mail-messages.server";
import { noticesForDigest, noticesToMail, type MailableNotice, type NotificationData } from "./notifications.server";
import { enqueueMail } from "./outbox.server";
import { meetingInvitation } from "./meeting-calendar.server";
import { unsubscribeUrl } from "./unsubscribe.server";
import { log } from "~/lib/log.server";
import { outsideRequest } from "~/lib/request-context.server";
import { startWorker, wakeWorker } from "./worker.server";

/**
 * E-mail inside the server (docs/decisions/0018-email-outbox.md). Every few seconds the server
 *   1. turns the notices to be mailed at once into outbox rows (and marks them mailed),
 *   2. at the digest hour, once a day, queues each person's digest;
 * and the background worker, a thread of its own (app/background-worker.ts, decision 0022),
 *   3. delivers the outbox rows that are due, one at a time, each at most once: a row is marked
 *      SENDING before it goes out; a row found SENDING at start was interrupted mid-delivery and is
 *      not sent again blindly (it is marked failed; the administrator can send it again).
 * Temporary failures (no connection, 4xx) are retried after growing pauses; a 5xx is final.
 */

const BATCH = 100;
/** How far back the first look for unmailed notices goes (older ones are not mailed any more). */
const FIRST_LOOK_MS = 60 * 60 * 1000;
/** Notices are looked for again this far behind the last look: a transaction may commit late. */
const OVERLAP_MS = 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

let timer: NodeJS.Timeout | null = null;
let current: Promise<void> | null = null;
let stopping = false;
let lastLook = 0;

/**
 * Starts the mailer and the background worker, which fans out the notices whether e-mail is on
 * or not, and delivers the outbox when it is.
 */
export function startMailer(serverOrigin: string) {
  if (env.mail.mode === "off") {
    log.warn(
      "Posta elettronica spenta: SMTP_URL non è impostato. Pionieri funziona, ma non invia e-mail: " +
        "i link di invito e di accesso si copiano a mano da /admin/utenti.",
    );
    current = startWorker({ mail: false });
    return;
  }
  setMailOrigin(env.mail.origin ?? serverOrigin);
  if (env.mail.mode === "mailbox")
    log.info(`E-mail della demo: nella cartella ${env.mail.mailboxDir} e in /admin/posta.`);
  lastLook = Date.now() - FIRST_LOOK_MS;
  current = startWorker({ mail: true, beforeStart: recoverInterrupted }).then(() => schedule(0));
}

/** Stops turning notices into mail (the background worker is stopped after: worker.server.ts). */
export async function stopMailer() {
  stopping = true;
  if (timer) clearTimeout(timer);
  await current;
}

function schedule(ms: number) {
  if (stopping) return;
  timer = outsideRequest(() =>
    setTimeout(() => {
      current = tick();
    }, ms),
  );
}

async function tick() {
  let more = false;
  try {
    const queued = await mailNotices();
    more = queued === BATCH;
    // The worker looks every MAIL_POLL_MS; told at once when there is something new.
    if ((await digestIfDue(new Date())) || queued > 0) wakeWorker("mail");
  } catch (error) {
    log.error({ err: error }, "Posta: errore del mittente");
  }
  schedule(more ? 0 : env.mail.pollMs);
}

async function recoverInterrupted() {
  await db.outboxMail.updateMany({
    where: { status: "SENDING" },
    data: {
      status: "FAILED",
      lastError:
        "Interrotto durante l'invio (il server si è fermato): può essere arrivato o no. " +
        "Se serve, invialo di nuovo.",
    },
  });
}

function asNotice(row: MailableNotice): NoticeForMail {
  return {
    kind: row.kind,
    ideaId: row.ideaId,
    objectiveId: row.objectiveId,
    commentId: row.commentId,
    meetingId: row.meetingId,
    challengeId: row.challengeId,
    actorName: row.actorName,
    data: JSON.parse(row.data) as NotificationData,
  };
}

async function footerLinks(userId: string, kind: Parameters<typeof unsubscribeUrl>[2]) {
  const origin = mailOrigin();
  const unsubscribe = await unsubscribeUrl(origin, userId, kind);
  return {
    links: { preferences: `${origin}/profilo#posta`, unsubscribe },
    headers: { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}

/** The sender as a calendar's ORGANIZER: MAIL_FROM's name and address. */
function organizer() {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(env.mail.from);
  return match
    ? { name: match[1] || "Pionieri", address: match[2]! }
    : { name: "Pionieri", address: env.mail.from.trim() };
}

/** A meeting's notice carries its event: the invitation, or the cancellation, for this person. */
function calendarFor(row: MailableNotice, notice: NoticeForMail) {
  const meeting = notice.data.meeting;
  if (row.kind !== "MEETING" || !row.meetingId || !meeting) return null;
  return meetingInvitation(
    {
      id: row.meetingId,
      title: notice.data.ideaTitle,
      groupName: notice.data.groupName ?? "",
      startsAt: new Date(meeting.startsAt),
      endsAt: new Date(meeting.endsAt),
      place: meeting.place,
      videoUrl: meeting.videoUrl,
      agenda: meeting.agenda,
      sequence: meeting.sequence,
      cancelled: meeting.change === "CANCELLED",
    },
    { origin: mailOrigin(), organizer: organizer(), attendee: { name: row.displayName, address: row.email } },
  );
}

/** 1. Notices to be mailed at once become outbox rows, each with its notice marked, together; how many. */
async function mailNotices(): Promise<number> {
  const started = Date.now();
  const rows = noticesToMail(new Date(lastLook - OVERLAP_MS), BATCH);
  for (const row of rows) {
    const notice = asNotice(row);
    const { links, headers } = await footerLinks(row.userId, row.kind);
    const mail = noticeMail({ locale: row.locale, origin: mailOrigin(), notice, links });
    await db.$transaction(async (tx) => {
      const claimed = await tx.notification.updateMany({
        where: { id: row.id, emailedAt: null },
        data: { emailedAt: new Date() },
      });
      if (claimed.count !== 1) return;
      await enqueueMail(tx, {
        userId: row.userId,
        to: { name: row.displayName, address: row.email },
        kind: "NOTICE",
        mail,
        headers,
        calendar: calendarFor(row, notice),
      });
    });
  }
  lastLook = rows.length === BATCH ? rows.at(-1)!.createdAt.getTime() : started;
  return rows.length;
}

/** 2. Once a day at DIGEST_HOUR (Rome), each person's digest, never an empty one. */
async function digestIfDue(now: Date) {
  const today = romeDay(now);
  if (romeHour(now) < env.mail.digestHour) return false;
  const done = await db.setting.findUnique({ where: { key: "mail-digest-day" }, select: { value: true } });
  if (done && (JSON.parse(done.value) as string) >= today) return false;
  await db.setting.upsert({
    where: { key: "mail-digest-day" },
    create: { key: "mail-digest-day", value: JSON.stringify(today) },
    update: { value: JSON.stringify(today) },
  });
  const people = await db.user.findMany({
    where: {
      active: true,
      OR: [
        { digest: "DAILY" },
        {
          digest: "WEEKLY",
          OR: [{ lastDigestAt: null }, { lastDigestAt: { lte: new Date(now.getTime() - 6.5 * DAY_MS) } }],
        },
      ],
    },
    select: { id: true, email: true, displayName: true, locale: true, digest: true, lastDigestAt: true },
  });
  for (const person of people) if (!stopping) await queueDigest(person, now);
  // Sent e-mails are kept three months for the administrator's list, then forgotten.
  await db.outboxMail.deleteMany({
    where: { status: "SENT", createdAt: { lt: new Date(now.getTime() - 90 * DAY_MS) } },
  });
  return true;
}

async function queueDigest(
  person: { id: string; email: string; displayName: string; locale: string; digest: string; lastDigestAt: Date | null },
  now: Date,
) {
  const weekly = person.digest === "WEEKLY";
  const period = weekly ? 7 * DAY_MS : DAY_MS;
  const since = person.lastDigestAt ?? new Date(now.getTime() - period);
  const notices = noticesForDigest(person.id, new Date(now.getTime() - 8 * DAY_MS));
  // The board's decisions of the period, but those the person was already told of as a notice.
  const told = await db.notification.findMany({
    where: { userId: person.id, kind: "STATUS", createdAt: { gt: since } },
    select: { ideaId: true },
  });
  const known = new Set(told.map((n) => n.ideaId));
  const decisions = (
    await db.ideaEvent.findMany({
      where: {
        kind: "STATUS",
        toStatus: { in: ["ACCOLTA", "NON_ACCOLTA"] },
        createdAt: { gt: since, lte: now },
        // Not the person's own decisions (a member of the board made them).
        OR: [{ actorId: null }, { actorId: { not: person.id } }],
      },
      orderBy: { createdAt: "asc" },
      take: 50,
      select: { ideaId: true, toStatus: true, reason: true, idea: { select: { title: true } } },
    })
  )
    .filter((d) => !known.has(d.ideaId))
    .map((d) => ({ ideaId: d.ideaId, title: d.idea.title, status: d.toStatus ?? "", reason: d.reason }));
  if (notices.length === 0 && decisions.length === 0) return;
  const { links, headers } = await footerLinks(person.id, "DIGEST");
  const mail = digestMail({
    locale: person.locale,
    origin: mailOrigin(),
    weekly,
    notices: notices.map(asNotice),
    decisions,
    links,
  });
  await db.$transaction(async (tx) => {
    await tx.notification.updateMany({
      where: { id: { in: notices.map((n) => n.id) }, emailedAt: null },
      data: { emailedAt: now },
    });
    await tx.user.update({ where: { id: person.id }, data: { lastDigestAt: now } });
    await enqueueMail(tx, {
      userId: person.id,
      to: { name: person.displayName, address: person.email },
      kind: "DIGEST",
      mail,
      headers,
    });
  });
}
