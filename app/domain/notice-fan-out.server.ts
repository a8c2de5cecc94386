import type { Connection } from "~/lib/db/connection.server";

/**
 * The fan-out of pending notices: one pending row, written in the transaction of the comment,
 * status change or new idea that caused it (notifications.server.ts), becomes one Notification
 * per person of its audience. Run by the background worker (app/background-worker.ts) on its own
 * connection and its own thread, so that a comment on an idea with six hundred followers does not
 * hold the pages' event loop while six hundred rows are written (decision 0032). Plain SQL: the
 * worker loads no Prisma.
 */

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
 * How many notices one transaction writes at most: a few milliseconds of holding the write lock,
 * so that a request that writes meanwhile waits no longer than that (its thread is blocked while
 * it waits). Fifty comments on an idea with 600 followers are 30,000 rows, written in turns.
 */
const FAN_OUT_ROWS = 200;

/**
 * The time prefix of a notification's id. Ids that start with the time, like Prisma's cuids: the
 * rows of one fan-out sit side by side at the end of the id index instead of on a random page
 * each (a comment on an idea with a few hundred followers wrote a few hundred scattered pages).
 */
export function noticeIdPrefix(now: Date) {
  return `n${now.getTime().toString(36).padStart(9, "0")}`;
}

const WATCHERS = `SELECT f."userId" FROM "Follow" f JOIN "User" u ON u."id" = f."userId" AND u."active" = 1
    WHERE f."ideaId" = ?
  UNION SELECT "id" FROM "User" WHERE "id" = ?`;
const MEMBERS = `SELECT m."userId" FROM "Membership" m JOIN "User" u ON u."id" = m."userId" AND u."active" = 1
    WHERE m."groupId" = ? AND (? = 0 OR m."isLeader" = 1)`;
/** The actor as the notice names them, if they still exist (an erased account is no one). */
const insertFrom = (audience: string) => `
  INSERT INTO "Notification" ("id", "userId", "kind", "ideaId", "commentId", "actorId", "data", "createdAt")
  SELECT ? || lower(hex(randomblob(8))), "userId", ?, ?, ?, (SELECT "id" FROM "User" WHERE "id" = ?), ?, ?
  FROM (${audience})
  WHERE "userId" NOT IN (SELECT "value" FROM json_each(?))`;
const INSERT_WATCHERS = insertFrom(WATCHERS);
const INSERT_MEMBERS = insertFrom(MEMBERS);

/** One pending notice's rows: one statement whatever the audience's size; how many it wrote. */
function fanOutOne(sql: Connection, row: PendingRow, now: Date, prefix: string): number {
  const skip = JSON.stringify([row.actorId ?? "", ...(JSON.parse(row.except) as string[])]);
  const head = [prefix, row.kind, row.ideaId, row.commentId, row.actorId, row.data, now];
  return row.audience === "WATCHERS"
    ? sql.run(INSERT_WATCHERS, ...head, row.ideaId, row.authorId, skip)
    : sql.run(INSERT_MEMBERS, ...head, row.groupId, row.audience === "LEADERS" ? 1 : 0, skip);
}

/**
 * Turns pending notices into one Notification per person, oldest first, and removes them, in one
 * transaction: each notice is fanned out exactly once, and a kill in the middle leaves it pending
 * for the next start. Many notices in one transaction touch each person's index pages once: fifty
 * comments on a followed idea write its followers' pages once, not fifty times; a transaction
 * stops after FAN_OUT_ROWS rows. The audience is read now (a follower who left meanwhile is not
 * told). Whether pending notices remain.
 */
export function fanOutPending(sql: Connection): boolean {
  // A look without the write lock first: most looks find nothing.
  if (!sql.get(`SELECT 1 AS "one" FROM "PendingNotice" LIMIT 1`)) return false;
  return sql.immediate(() => {
    const rows = sql.all<PendingRow>(
      `SELECT "id", "audience", "kind", "ideaId", "commentId", "groupId", "authorId", "actorId", "data", "except"
       FROM "PendingNotice" ORDER BY "id" LIMIT ?`,
      FAN_OUT_BATCH,
    );
    if (rows.length === 0) return false;
    const now = new Date();
    const prefix = noticeIdPrefix(now);
    let written = 0;
    let done = 0;
    while (done < rows.length && written < FAN_OUT_ROWS) written += fanOutOne(sql, rows[done++]!, now, prefix);
    sql.run(`DELETE FROM "PendingNotice" WHERE "id" <= ?`, rows[done - 1]!.id);
    return done < rows.length || rows.length === FAN_OUT_BATCH;
  });
}
