import { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db/client.server";
import { reader } from "~/lib/db/fast.server";
import type { Actor } from "~/lib/actor";
import { MAIL_DEFAULTS, MAIL_KINDS, type MailKind } from "./mail-preferences";

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
  /** NEW_IDEA, REPORT: the group. */
  groupName?: string;
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
 * group, a report waiting in it. One statement whatever the group's size.
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
  const skip = [input.actorId ?? "", ...(input.except ?? [])];
  const { now, prefix } = fanOutIds();
  await tx.$executeRaw`
    INSERT INTO "Notification" ("id", "userId", "kind", "ideaId", "commentId", "actorId", "data", "createdAt")
    SELECT ${prefix} || lower(hex(randomblob(8))), m."userId", ${input.kind}, ${input.ideaId},
      ${input.commentId ?? null}, ${input.actorId}, ${JSON.stringify(input.data)}, ${now}
    FROM "Membership" m JOIN "User" u ON u."id" = m."userId" AND u."active" = 1
    WHERE m."groupId" = ${input.groupId} AND (${input.leadersOnly ? 1 : 0} = 0 OR m."isLeader" = 1)
      AND m."userId" NOT IN (${Prisma.join(skip)})`;
}

/**
 * Tells an idea's author and its active followers (but the actor and `except`): one statement
 * whatever their number, since an idea followed by a thousand colleagues is one comment away
 * from a thousand notices (docs/decisions/0013-database-access.md).
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
  const skip = [input.actorId ?? "", ...(input.except ?? [])];
  const { now, prefix } = fanOutIds();
  await tx.$executeRaw`
    INSERT INTO "Notification" ("id", "userId", "kind", "ideaId", "commentId", "actorId", "data", "createdAt")
    SELECT ${prefix} || lower(hex(randomblob(8))), "userId", ${input.kind}, ${input.ideaId},
      ${input.commentId ?? null}, ${input.actorId}, ${JSON.stringify(input.data)}, ${now}
    FROM (SELECT f."userId" FROM "Follow" f JOIN "User" u ON u."id" = f."userId" AND u."active" = 1 WHERE f."ideaId" =
      ${input.ideaId}
          UNION SELECT ${input.authorId} WHERE ${input.authorId} IS NOT NULL)
    WHERE "userId" NOT IN (${Prisma.join(skip)})`;
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
    SELECT n."id", n."userId", n."kind", n."ideaId", n."objectiveId", n."commentId", n."data", n."createdAt",
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
    SELECT n."id", n."userId", n."kind", n."ideaId", n."objectiveId", n."commentId", n."data", n."createdAt",
           a."displayName" AS "actorName", u."email", u."displayName", u."locale"
    FROM "Notification" n JOIN "User" u ON u."id" = n."userId" LEFT JOIN "User" a ON a."id" = n."actorId"
    WHERE n."userId" = ${userId} AND n."createdAt" > ${since} AND n."emailedAt" IS NULL AND ${CHOICE_SQL} = 'DIGEST'
    ORDER BY n."createdAt", n."id" LIMIT 500`,
    { createdAt: "date" },
  );
}
