import { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db/client.server";
import { reader } from "~/lib/db/fast.server";
import type { Actor } from "~/lib/actor";
import { MAIL_DEFAULTS, MAIL_KINDS, type MailKind } from "./mail-preferences";
import { log } from "~/lib/log.server";
import { outsideRequest } from "~/lib/request-context.server";

type Tx = Prisma.TransactionClient;

export type NotificationKind = MailKind;

/** What a notification's message needs, frozen when it is created (also for the e-mails). */
export type NotificationData = {
  /** The idea's title; for a notice about an objective, the objective's. */
  ideaTitle: string;
  actorName?: string;
  fromStatus?: string;
  toStatus?: string;
  reason?: string;
  originalId?: number;
  originalTitle?: string;
  /** OBJECTIVE: the objective's progress and status after the change; the carried idea's title. */
  progress?: number;
  objectiveStatus?: string;
  carriedTitle?: string;
  /** NEW_IDEA, REPORT, MEETING, CHALLENGE: the group. */
  groupName?: string;
  /** MEETING (ideaTitle is the meeting's title): the event as it was when the notice was made. */
  meeting?: MeetingNotice;
};

/** A meeting's invitation, change or cancellation, frozen for the e-mail and its calendar event. */
export type MeetingNotice = {
  change: "NEW" | "CHANGED" | "CANCELLED";
  sequence: number;
  startsAt: string;
  endsAt: string;
  place: string;
  videoUrl: string;
  agenda: string[];
};

/**
 * Tells each recipient once (the actor is never told of their own action). Runs inside the
 * caller's transaction, so a notification exists exactly when what it reports does.
 */
export async function notify(
  tx: Tx,
  input: {
    kind: NotificationKind;
    recipients: Iterable<string>;
    actorId: string | null;
    ideaId?: number;
    objectiveId?: number;
    commentId?: number;
    meetingId?: string;
    challengeId?: string;
    data: NotificationData;
    /** People told of the same event by another notice: one event, one notice per person. */
    except?: Iterable<string>;
  },
) {
  const skip = new Set([input.actorId, ...(input.except ?? [])]);
  const recipients = [...new Set(input.recipients)].filter((id) => !skip.has(id));
  if (recipients.length === 0) return [];
  const data = JSON.stringify(input.data);
  await tx.notification.createMany({
    data: recipients.map((userId) => ({
      userId,
      kind: input.kind,
      ideaId: input.ideaId ?? null,
      objectiveId: input.objectiveId ?? null,
      commentId: input.commentId ?? null,
      meetingId: input.meetingId ?? null,
      challengeId: input.challengeId ?? null,
      actorId: input.actorId,
      data,
    })),
  });
  return recipients;
}

/**
 * The time and id prefix of one fan-out. Ids that start with the time, like Prisma's cuids: the
 * rows of one fan-out sit side by side at the end of the id index instead of on a random page
 * each (a comment on an idea with a few hundred followers wrote a few hundred scattered pages).
 */
function fanOutIds() {
  const now = new Date();
  return { now, prefix: `n${now.getTime().toString(36).padStart(9, "0")}` };
}

/**
 * Tells the active members of a group (or only its leaders), but the actor: a new idea in the
 * group, a report waiting in it. Written as one pending notice in the caller's transaction and
 * fanned out moments later (see fanOutPending).
 */
export async function notifyGroup(
  tx: Tx,
  input: {
    kind: NotificationKind;
    groupId: string;
    leadersOnly: boolean;
    actorId: string | null;
    ideaId: number;
    commentId?: number;
    data: NotificationData;
    except?: string[];
  },
) {
  await pend(tx, input.leadersOnly ? "LEADERS" : "GROUP", input, { groupId: input.groupId });
}

/**
 * Tells an idea's author and its active followers (but the actor and `except`). An idea followed
 * by a thousand colleagues is one comment away from a thousand notices: written as one pending
 * notice in the caller's transaction and fanned out moments later (see fanOutPending).
 */
export async function notifyWatchers(
  tx: Tx,
  input: {
    kind: NotificationKind;
    ideaId: number;
    authorId: string | null;
    actorId: string | null;
    commentId?: number;
    data: NotificationData;
    except?: string[];
  },
) {
  await pend(tx, "WATCHERS", input, { authorId: input.authorId });
}

/** One pending notice in the caller's transaction, and a fan-out soon after (see fanOutPending). */
async function pend(
  tx: Tx,
  audience: "WATCHERS" | "GROUP" | "LEADERS",
  input: {
    kind: NotificationKind;
    ideaId: number;
    actorId: string | null;
    commentId?: number;
    data: NotificationData;
    except?: string[];
  },
  whom: { groupId?: string; authorId?: string | null },
) {
  await tx.pendingNotice.create({
    data: {
      audience,
      kind: input.kind,
      ideaId: input.ideaId,
      ...whom,
      commentId: input.commentId ?? null,
      actorId: input.actorId,
      data: JSON.stringify(input.data),
      except: JSON.stringify(input.except ?? []),
    },
  });
  fanOutSoon();
}

type PendingRow = {
  id: number;
  audience: string;
  kind: string;
  ideaId: number | null;
  commentId: number | null;
  groupId: string | null;
  authorId: string | null;
  actorId: string | null;
  data: string;
  except: string;
};

/** How many pending notices one fan-out reads at most. */
const FAN_OUT_BATCH = 50;
/**
 * How many notices one transaction writes at most (a few tens of milliseconds of holding the
 * write lock): fifty comments on an idea with 600 followers are 30,000 rows, written in turns that
 * leave the other writers (a support, the mail worker) their moments in between.
 */
const FAN_OUT_ROWS = 4000;

/** One pending notice's rows: one statement whatever the audience's size; how many it wrote. */
async function fanOutOne(tx: Tx, row: PendingRow, now: Date, prefix: string): Promise<number> {
  const skip = [row.actorId ?? "", ...(JSON.parse(row.except) as string[])];
  // The actor as the notice names them, if they still exist (an erased account is no one).
  const actor = Prisma.sql`(SELECT "id" FROM "User" WHERE "id" = ${row.actorId})`;
  const audience =
    row.audience === "WATCHERS"
      ? Prisma.sql`SELECT f."userId" FROM "Follow" f JOIN "User" u ON u."id" = f."userId" AND u."active" = 1
          WHERE f."ideaId" = ${row.ideaId}
        UNION SELECT "id" FROM "User" WHERE "id" = ${row.authorId}`
      : Prisma.sql`SELECT m."userId" FROM "Membership" m JOIN "User" u ON u."id" = m."userId" AND u."active" = 1
          WHERE m."groupId" = ${row.groupId} AND (${row.audience === "LEADERS" ? 1 : 0} = 0 OR m."isLeader" = 1)`;
  return tx.$executeRaw`
    INSERT INTO "Notification" ("id", "userId", "kind", "ideaId", "commentId", "actorId", "data", "createdAt")
    SELECT ${prefix} || lower(hex(randomblob(8))), "userId", ${row.kind}, ${row.ideaId}, ${row.commentId},
      ${actor}, ${row.data}, ${now}
    FROM (${audience})
    WHERE "userId" NOT IN (${Prisma.join(skip)})`;
}

/**
 * Turns pending notices into one Notification per person, oldest first, and removes them, in one
 * transaction: each notice is fanned out exactly once, and a kill in the middle leaves it pending
 * for the next start. Many notices in one transaction touch each person's index pages once: fifty
 * comments on a followed idea write its followers' pages once, not fifty times; a transaction
 * stops after FAN_OUT_ROWS rows. The audience is read now (a follower who left meanwhile is not
 * told). Whether pending notices remain.
 */
async function fanOutPending(): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<PendingRow[]>`
      SELECT "id", "audience", "kind", "ideaId", "commentId", "groupId", "authorId", "actorId", "data", "except"
      FROM "PendingNotice" ORDER BY "id" LIMIT ${FAN_OUT_BATCH}`;
    if (rows.length === 0) return false;
    const { now, prefix } = fanOutIds();
    let written = 0;
    let done = 0;
    while (done < rows.length && written < FAN_OUT_ROWS) written += await fanOutOne(tx, rows[done++]!, now, prefix);
    await tx.$executeRaw`DELETE FROM "PendingNotice" WHERE "id" <= ${rows[done - 1]!.id}`;
    return done < rows.length || rows.length === FAN_OUT_BATCH;
  });
}

/**
 * When the pending notices are fanned out: FAN_OUT_FIRST_MS after the first of a quiet moment
 * (after its transaction commits: the fan-out's own waits for the connection), then at most once
 * every FAN_OUT_EVERY_MS, each time all that came meanwhile, so that the work per comment shrinks
 * as comments come faster.
 */
const FAN_OUT_FIRST_MS = 10;
const FAN_OUT_EVERY_MS = 250;
const RETRY_MS = 5000;
let fanOutTimer: NodeJS.Timeout | null = null;
let fanning: Promise<void> | null = null;
let lastFanOut = 0;
let fanOutStopped = false;

function fanOutSoon(wait = Math.max(FAN_OUT_FIRST_MS, lastFanOut + FAN_OUT_EVERY_MS - Date.now())) {
  if (fanOutTimer || fanOutStopped) return;
  fanOutTimer = outsideRequest(() =>
    setTimeout(() => {
      fanOutTimer = null;
      fanning = runFanOut();
    }, wait),
  );
}

async function runFanOut() {
  await fanning;
  lastFanOut = Date.now();
  try {
    // More waiting: the next turn at once, after the requests that came meanwhile.
    if (await fanOutPending()) fanOutSoon(0);
  } catch (error) {
    // A database that cannot be written now (busy, disk full): the notices wait, none is lost.
    const why = error instanceof Response ? `risposta ${error.status}` : String(error);
    log.warn(`Notifiche: invio ai destinatari rimandato di ${RETRY_MS / 1000} s (${why}).`);
    fanOutSoon(RETRY_MS);
  }
}

/** At start: the notices a stop or a kill left pending. */
export function startNoticeFanOut() {
  fanOutStopped = false;
  fanOutSoon(0);
}

/** How long a stop waits for the last notices (a database that cannot write may never answer). */
const STOP_WAIT_MS = 2000;

/**
 * At stop: the notices of the last moments, so that none waits for the next start; no longer than
 * STOP_WAIT_MS (what is not committed by then stays pending, whole, for the next start).
 */
export async function stopNoticeFanOut() {
  fanOutStopped = true;
  if (fanOutTimer) clearTimeout(fanOutTimer);
  fanOutTimer = null;
  const drain = async () => {
    await fanning;
    while (await fanOutPending());
  };
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_WAIT_MS)));
  try {
    await Promise.race([drain(), late]);
  } catch (error) {
    log.error({ err: error }, "Notifiche: restano in attesa fino al prossimo avvio");
  } finally {
    clearTimeout(timer);
  }
}

const NOTIFICATIONS_PAGE = 30;

export async function listNotifications(actor: Actor, page = 1) {
  const rows = await db.notification.findMany({
    where: { userId: actor.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * NOTIFICATIONS_PAGE,
    take: NOTIFICATIONS_PAGE + 1,
    select: {
      id: true,
      kind: true,
      ideaId: true,
      commentId: true,
      objectiveId: true,
      meetingId: true,
      challengeId: true,
      data: true,
      createdAt: true,
      readAt: true,
      actor: { select: { displayName: true } },
    },
  });
  return {
    hasMore: rows.length > NOTIFICATIONS_PAGE,
    items: rows.slice(0, NOTIFICATIONS_PAGE).map(({ data, actor: who, ...row }) => ({
      ...row,
      actorName: who?.displayName ?? null,
      data: JSON.parse(data) as NotificationData,
    })),
  };
}

/** Marks one of one's own notifications read (someone else's is simply not found). */
export async function markRead(actor: Actor, id: string) {
  await db.notification.updateMany({ where: { id, userId: actor.id, readAt: null }, data: { readAt: new Date() } });
}

export async function markAllRead(actor: Actor) {
  await db.notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: new Date() } });
}

/** A notice as the e-mails need it: the recipient, the event, what the message says. */
export type MailableNotice = {
  id: string;
  userId: string;
  kind: NotificationKind;
  ideaId: number | null;
  objectiveId: number | null;
  commentId: number | null;
  meetingId: string | null;
  challengeId: string | null;
  actorName: string | null;
  data: string;
  createdAt: Date;
  email: string;
  displayName: string;
  locale: string;
};

/** The recipients' choice for a notice's kind, with the defaults where they chose nothing. */
const CHOICE_SQL = Prisma.sql`COALESCE(json_extract(u."mailPrefs", '$.' || n."kind"), CASE n."kind" ${Prisma.join(
  MAIL_KINDS.map((kind) => Prisma.sql`WHEN ${kind} THEN ${MAIL_DEFAULTS[kind]}`),
  " ",
)} ELSE 'IMMEDIATE' END)`;

/**
 * Notices to be mailed at once, not mailed yet, created after `since`, of active people, oldest
 * first. The choice is read in SQL, so that a thousand notices meant for the digest are not read
 * again and again while they wait for it.
 */
export function noticesToMail(since: Date, limit: number) {
  return reader().all<MailableNotice>(
    Prisma.sql`
    SELECT n."id", n."userId", n."kind", n."ideaId", n."objectiveId", n."commentId", n."meetingId", n."challengeId",
           n."data", n."createdAt",
           a."displayName" AS "actorName", u."email", u."displayName", u."locale"
    FROM "Notification" n JOIN "User" u ON u."id" = n."userId" LEFT JOIN "User" a ON a."id" = n."actorId"
    WHERE n."createdAt" > ${since} AND n."emailedAt" IS NULL AND u."active" = 1 AND ${CHOICE_SQL} = 'IMMEDIATE'
    ORDER BY n."createdAt", n."id" LIMIT ${limit}`,
    { createdAt: "date" },
  );
}

/** A person's notices waiting for the digest (not mailed yet, chosen for the digest), oldest first. */
export function noticesForDigest(userId: string, since: Date) {
  return reader().all<MailableNotice>(
    Prisma.sql`
    SELECT n."id", n."userId", n."kind", n."ideaId", n."objectiveId", n."commentId", n."meetingId", n."challengeId",
           n."data", n."createdAt",
           a."displayName" AS "actorName", u."email", u."displayName", u."locale"
    FROM "Notification" n JOIN "User" u ON u."id" = n."userId" LEFT JOIN "User" a ON a."id" = n."actorId"
    WHERE n."userId" = ${userId} AND n."createdAt" > ${since} AND n."emailedAt" IS NULL AND ${CHOICE_SQL} = 'DIGEST'
    ORDER BY n."createdAt", n."id" LIMIT 500`,
    { createdAt: "date" },
  );
}
