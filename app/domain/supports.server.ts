import { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db/client.server";
import { reader, writeNow } from "~/lib/db/fast.server";
import { httpError } from "~/lib/http.server";
import type { Actor } from "~/lib/actor";
import { assertCan } from "./policy.server";

type Tx = Prisma.TransactionClient;

/**
 * Supports ("sostegni"): one row per person per idea (the primary key), the idea's count
 * recomputed from the rows in the same transaction, so that it stays exact whatever races. The
 * toggle is the busiest write of the intranet, so it runs on the fast path (decision 0013).
 */

/** An idea's support count, recomputed from its rows. */
function supportRecount(ideaId: number) {
  return Prisma.sql`UPDATE "Idea" SET "supportCount" = (SELECT COUNT(*) FROM "Support" WHERE "ideaId" = ${ideaId})
    WHERE "id" = ${ideaId}`;
}

/**
 * Sets one's support on or off (idempotent: the form says which, never "toggle"). Withdrawing is
 * always allowed; adding needs an idea still open.
 */
export async function setSupport(actor: Actor, ideaId: number, on: boolean) {
  const idea = reader().get<{ groupId: string; authorId: string | null; status: string }>(
    Prisma.sql`SELECT "groupId", "authorId", "status" FROM "Idea" WHERE "id" = ${ideaId}`,
  );
  if (!idea) httpError(404);
  if (on) assertCan(actor, "idea.support", idea);
  const change = on
    ? Prisma.sql`INSERT OR IGNORE INTO "Support" ("ideaId", "userId", "createdAt")
        VALUES (${ideaId}, ${actor.id}, ${new Date()})`
    : Prisma.sql`DELETE FROM "Support" WHERE "ideaId" = ${ideaId} AND "userId" = ${actor.id}`;
  const current = Prisma.sql`SELECT "supportCount" FROM "Idea" WHERE "id" = ${ideaId}`;
  const fast = writeNow((sql) => {
    sql.run(change);
    sql.run(supportRecount(ideaId));
    return sql.get<{ supportCount: number }>(current)!.supportCount;
  });
  if (fast !== null) return { supported: on, count: fast };
  // One of Prisma's transactions is open on the connection: the same statements, through Prisma.
  const count = await db.$transaction(async (tx) => {
    await tx.$executeRaw(change);
    await tx.$executeRaw(supportRecount(ideaId));
    const [row] = await tx.$queryRaw<{ supportCount: unknown }[]>(current);
    return Number(row!.supportCount);
  });
  return { supported: on, count };
}

/**
 * A duplicate's supports and followers move to the original, each person once (the primary keys
 * drop the second), inside the caller's transaction; both counts are recomputed.
 */
export async function moveSupportsAndFollows(tx: Tx, fromId: number, toId: number) {
  await tx.$executeRaw`INSERT OR IGNORE INTO "Support" ("ideaId", "userId", "createdAt")
    SELECT ${toId}, "userId", "createdAt" FROM "Support" WHERE "ideaId" = ${fromId}`;
  await tx.$executeRaw`DELETE FROM "Support" WHERE "ideaId" = ${fromId}`;
  await tx.$executeRaw`INSERT OR IGNORE INTO "Follow" ("ideaId", "userId", "createdAt")
    SELECT ${toId}, "userId", "createdAt" FROM "Follow" WHERE "ideaId" = ${fromId}`;
  await tx.$executeRaw(supportRecount(fromId));
  await tx.$executeRaw(supportRecount(toId));
}
