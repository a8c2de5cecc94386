import { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db/client.server";
import { reader } from "~/lib/db/fast.server";
import type { Actor } from "~/lib/actor";
import { MAIL_DEFAULTS, MAIL_KINDS, type MailKind } from "./mail-preferences";
import { randomBytes } from "node:crypto";
import { noticeIdPrefix } from "./notice-fan-out.server";
import { wakeWorker } from "./worker.server";

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
export async function notify(tx: Tx, input: NoticeInput) {
  const { statement, recipients } = noticeRows(input);
  if (statement) await tx.$executeRaw(statement);
  return recipients;
}

type NoticeInput = {
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
};

/**
 * The statement that tells each recipient once (null when no one is left), for Prisma's
 * transactions (notify) and the fast path's (a comment: comments.server.ts) alike. Ids as the
 * fan-out makes them: the time, then chance.
 */
export function noticeRows(input: NoticeInput): { statement: Prisma.Sql | null; recipients: string[] } {
  const skip = new Set([input.actorId, ...(input.except ?? [])]);
  const recipients = [...new Set(input.recipients)].filter((id) => !skip.has(id));
  if (recipients.length === 0) return { statement: null, recipients };
  const now = new Date();
  const prefix = noticeIdPrefix(now);
  const data = JSON.stringify(input.data);
  const rows = recipients.map(
    (
      userId,
    ) => Prisma.sql`(${prefix + randomBytes(8).toString("hex")}, ${userId}, ${input.kind}, ${input.ideaId ?? null},
      ${input.objectiveId ?? null}, ${input.commentId ?? null}, ${input.meetingId ?? null},
      ${input.challengeId ?? null}, ${input.actorId}, ${data}, ${now})`,
  );
  return {
    statement: Prisma.sql`INSERT INTO "Notification" ("id", "userId", "kind", "ideaId", "objectiveId", "commentId",
      "meetingId", "challengeId", "actorId", "data", "createdAt") VALUES ${Prisma.join(rows)}`,
    recipients,
  };
}

/**
 * Tells the active members of a group (or only its leaders), but the actor: a new idea in the
 * group, a report waiting in it. Written as one pending notice in the caller's transaction and
 * fanned out moments later (notice-fan-out.server.ts).
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
 * notice in the caller's transaction and fanned out moments later (notice-fan-out.server.ts).
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

/** One pending notice in the caller's transaction, and a fan-out soon after (notice-fan-out.server.ts). */
async function pend(
  tx: Tx,
  audience: Audience,
  input: PendInput,
  whom: { groupId?: string; authorId?: string | null },
) {
  await tx.$executeRaw(pendingRow(audience, input, whom));
  // Fanned out by the background worker moments after the commit.
  wakeWorker("notices");
}

type Audience = "WATCHERS" | "GROUP" | "LEADERS";
type PendInput = {
  kind: NotificationKind;
  ideaId: number;
  actorId: string | null;
  commentId?: number;
  data: NotificationData;
  except?: string[];
};

/** The pending notice's row; the fast path writes it too (then wakes the worker itself). */
export function pendingRow(audience: Audience, input: PendInput, whom: { groupId?: string; authorId?: string | null }) {
  return Prisma.sql`INSERT INTO "PendingNotice" ("audience", "kind", "ideaId", "groupId", "authorId", "commentId",
    "actorId", "data", "except", "createdAt")
    VALUES (${audience}, ${input.kind}, ${input.ideaId}, ${whom.groupId ?? null}, ${whom.authorId ?? null},
      ${input.commentId ?? null}, ${input.actorId}, ${JSON.stringify(input.data)},
      ${JSON.stringify(input.except ?? [])}, ${new Date()})`;
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
  // Kind by kind (the kind's index, named: the planner does not see the kinds, decision 0043, and
  // would read every person's notices instead): the kinds mailed at once by default for everyone,
  // the others only for the few who chose so, read from those people. A burst of followers'
  // notices (COMMENT, a digest by default) is then never read again at every look, every two seconds.
  // Named, for the compound statement's ORDER BY.
  const columns = Prisma.sql`n."id" AS "id", n."userId", n."kind", n."ideaId", n."objectiveId", n."commentId",
    n."meetingId", n."challengeId", n."data", n."createdAt" AS "createdAt", a."displayName" AS "actorName", u."email",
    u."displayName", u."locale"`;
  const byDefault = MAIL_KINDS.filter((kind) => MAIL_DEFAULTS[kind] === "IMMEDIATE");
  const byChoice = MAIL_KINDS.filter((kind) => MAIL_DEFAULTS[kind] !== "IMMEDIATE");
  const chose = Prisma.join(
    byChoice.map((kind) => Prisma.sql`json_extract(u."mailPrefs", ${`$.${kind}`}) = 'IMMEDIATE'`),
    " OR ",
  );
  return reader().all<MailableNotice>(
    Prisma.sql`
    SELECT ${columns}
    FROM "Notification" n INDEXED BY "Notification_kind_createdAt_idx"
      JOIN "User" u ON u."id" = n."userId" LEFT JOIN "User" a ON a."id" = n."actorId"
    WHERE n."kind" IN (${Prisma.join(byDefault)}) AND n."createdAt" > ${since} AND n."emailedAt" IS NULL
      AND u."active" = 1 AND ${CHOICE_SQL} = 'IMMEDIATE'
    UNION ALL
    SELECT ${columns}
    FROM "User" u CROSS JOIN "Notification" n ON n."userId" = u."id" LEFT JOIN "User" a ON a."id" = n."actorId"
    WHERE (${chose}) AND u."active" = 1 AND n."kind" IN (${Prisma.join(byChoice)})
      AND n."createdAt" > ${since} AND n."emailedAt" IS NULL AND ${CHOICE_SQL} = 'IMMEDIATE'
    ORDER BY "createdAt", "id" LIMIT ${limit}`,
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
