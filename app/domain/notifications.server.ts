import { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db/client.server";
import { reader } from "~/lib/db/fast.server";
import type { Actor } from "~/lib/actor";

type Tx = Prisma.TransactionClient;

export type NotificationKind = "COMMENT" | "REPLY" | "STATUS" | "MENTION" | "MERGE";

/** What a notification's message needs, frozen when it is created (also for an e-mail digest). */
export type NotificationData = {
  ideaTitle: string;
  actorName?: string;
  fromStatus?: string;
  toStatus?: string;
  reason?: string;
  originalId?: number;
  originalTitle?: string;
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
    ideaId: number;
    commentId?: number;
    data: NotificationData;
  },
) {
  const recipients = [...new Set(input.recipients)].filter((id) => id !== input.actorId);
  if (recipients.length === 0) return;
  const data = JSON.stringify(input.data);
  await tx.notification.createMany({
    data: recipients.map((userId) => ({
      userId,
      kind: input.kind,
      ideaId: input.ideaId,
      commentId: input.commentId ?? null,
      actorId: input.actorId,
      data,
    })),
  });
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
  // Ids that start with the time, like Prisma's cuids: the rows of one fan-out sit side by side
  // at the end of the id index instead of on a random page each (a comment on an idea with a few
  // hundred followers wrote a few hundred scattered index pages).
  const now = new Date();
  const prefix = `n${now.getTime().toString(36).padStart(9, "0")}`;
  await tx.$executeRaw`
    INSERT INTO "Notification" ("id", "userId", "kind", "ideaId", "commentId", "actorId", "data", "createdAt")
    SELECT ${prefix} || lower(hex(randomblob(8))), "userId", ${input.kind}, ${input.ideaId},
      ${input.commentId ?? null}, ${input.actorId}, ${JSON.stringify(input.data)}, ${now}
    FROM (SELECT f."userId" FROM "Follow" f JOIN "User" u ON u."id" = f."userId" AND u."active" = 1 WHERE f."ideaId" =
      ${input.ideaId}
          UNION SELECT ${input.authorId} WHERE ${input.authorId} IS NOT NULL)
    WHERE "userId" NOT IN (${Prisma.join(skip)})`;
}

/** On every page (the bell in the header): read on the fast path. */
export function unreadCount(userId: string) {
  const row = reader().get<{ n: number }>(
    Prisma.sql`SELECT COUNT(*) AS "n" FROM "Notification" WHERE "userId" = ${userId} AND "readAt" IS NULL`,
  );
  return row?.n ?? 0;
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
