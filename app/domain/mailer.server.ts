import { db } from "~/lib/db/client.server";
import { romeDay, romeHour } from "~/lib/dates";
import { env } from "~/lib/env.server";
import { deliver, mailOrigin, setMailOrigin } from "~/lib/mail.server";
import { digestMail, noticeMail, type NoticeForMail } from "./mail-messages.server";
import { noticesForDigest, noticesToMail, type MailableNotice, type NotificationData } from "./notifications.server";
import { enqueueMail } from "./outbox.server";
import { unsubscribeUrl } from "./unsubscribe.server";

/**
 * The sender inside the server (docs/decisions/0018-email-outbox.md). Every few seconds it
 *   1. turns the notices to be mailed at once into outbox rows (and marks them mailed),
 *   2. at the digest hour, once a day, queues each person's digest,
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
const MAX_PAUSE_MS = 60 * 60 * 1000;
/** A mail that could not be delivered for this long is given up. */
const GIVE_UP_MS = 48 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

let timer: NodeJS.Timeout | null = null;
let current: Promise<void> | null = null;
let stopping = false;
let lastLook = 0;

export function startMailer(serverOrigin: string) {
  if (env.mail.mode === "off") {
    console.error(
      "Posta elettronica spenta: SMTP_URL non è impostato. Pionieri funziona, ma non invia e-mail: " +
        "i link di invito e di accesso si copiano a mano da /admin/utenti.",
    );
    return;
  }
  setMailOrigin(env.mail.origin ?? serverOrigin);
  if (env.mail.mode === "mailbox")
    console.log(`E-mail della demo: nella cartella ${env.mail.mailboxDir} e in /admin/posta.`);
  lastLook = Date.now() - FIRST_LOOK_MS;
  current = recoverInterrupted().then(() => schedule(0));
}

/** Lets the delivery in progress finish (a signal to stop the server). */
export async function stopMailer() {
  stopping = true;
  if (timer) clearTimeout(timer);
  await current;
}

function schedule(ms: number) {
  if (stopping) return;
  timer = setTimeout(() => {
    current = tick();
  }, ms);
}

async function tick() {
  let more = false;
  try {
    more = (await mailNotices()) || more;
    await digestIfDue(new Date());
    more = (await sendDue()) || more;
  } catch (error) {
    console.error("Posta: errore del mittente", error);
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

/** 1. Notices to be mailed at once become outbox rows, each with its notice marked, together. */
async function mailNotices(): Promise<boolean> {
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
      });
    });
  }
  const full = rows.length === BATCH;
  lastLook = full ? rows.at(-1)!.createdAt.getTime() : started;
  return full;
}

/** 2. Once a day at DIGEST_HOUR (Rome), each person's digest, never an empty one. */
async function digestIfDue(now: Date) {
  const today = romeDay(now);
  if (romeHour(now) < env.mail.digestHour) return;
  const done = await db.setting.findUnique({ where: { key: "mail-digest-day" }, select: { value: true } });
  if (done && (JSON.parse(done.value) as string) >= today) return;
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

/** 3. Delivers what is due, one row at a time; true when more is waiting. */
async function sendDue(): Promise<boolean> {
  for (let sent = 0; sent < BATCH; sent++) {
    if (stopping) return false;
    const now = new Date();
    const row = await db.outboxMail.findFirst({
      where: { status: "QUEUED", nextAttemptAt: { lte: now } },
      orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
      include: { user: { select: { active: true } } },
    });
    if (!row) return false;
    const claimed = await db.outboxMail.updateMany({
      where: { id: row.id, status: "QUEUED" },
      data: { status: "SENDING", attempts: { increment: 1 } },
    });
    if (claimed.count !== 1) continue;
    // A person switched off (or anonymised) since the mail was queued gets nothing.
    if (row.userId && !row.user?.active) {
      await db.outboxMail.update({
        where: { id: row.id },
        data: { status: "FAILED", lastError: "Account disattivato: non inviata." },
      });
      continue;
    }
    const result = await deliver({
      id: row.id,
      to: { name: row.toName, address: row.toAddress },
      subject: row.subject,
      text: row.text ?? "",
      html: row.html ?? "",
      headers: JSON.parse(row.headers) as Record<string, string>,
    });
    if (result.ok) {
      await db.outboxMail.update({
        where: { id: row.id },
        // The bodies may hold a one-time link: once delivered they are not kept (but in the demo's mailbox).
        data: {
          status: "SENT",
          sentAt: new Date(),
          lastError: null,
          ...(env.mail.mode === "mailbox" ? {} : { text: null, html: null }),
        },
      });
      continue;
    }
    const attempts = row.attempts + 1;
    const givenUp = result.permanent || now.getTime() - row.createdAt.getTime() > GIVE_UP_MS;
    await db.outboxMail.update({
      where: { id: row.id },
      data: givenUp
        ? { status: "FAILED", lastError: result.reason }
        : {
            status: "QUEUED",
            lastError: result.reason,
            nextAttemptAt: new Date(now.getTime() + Math.min(env.mail.retryMs * 2 ** (attempts - 1), MAX_PAUSE_MS)),
          },
    });
    // The relay is not answering: the other rows would fail the same way; wait for the next tick.
    if (!givenUp) return false;
  }
  return true;
}
