import { Prisma } from "~/generated/prisma/client";
import { contentVersion, whileUnchanged } from "~/lib/db/cache.server";
import { reader } from "~/lib/db/fast.server";

/**
 * The latest things that happened across the intranet (the home page's feed): idea events and
 * comments, merged, in one statement on the fast path. Nothing dated after `now` is shown, so a
 * clock set wrong or data imported with future dates cannot pin itself to the top.
 *
 * The feed is the same for every colleague: it is kept while nothing changes, and read again at
 * least once a minute (so a row dated a little ahead shows within the minute it comes due).
 * `drawing` names it and its version for the home page's kept markup
 * (components/cached-fragment.tsx); the version is read before the rows, as for the timeline.
 */
export async function recentActivity(limit = 10, now = new Date()) {
  const minute = String(Math.floor(now.getTime() / 60_000));
  const drawing = { view: `activity|${limit}`, version: `${contentVersion()}/${minute}` };
  const items = await whileUnchanged(`activity.${limit}`, () => readActivity(limit, now), minute);
  return { items, drawing };
}

async function readActivity(limit: number, now: Date) {
  type Row = {
    id: string;
    kind: "CREATED" | "STATUS" | "MERGED_INTO" | "COMMENT";
    toStatus: string | null;
    at: Date;
    ideaId: number;
    ideaTitle: string;
    who: string | null;
  };
  return reader().all<Row>(
    Prisma.sql`
    SELECT * FROM (
      SELECT 'e' || e."id" AS "id", e."kind" AS "kind", e."toStatus" AS "toStatus", e."createdAt" AS "at",
             i."id" AS "ideaId", i."title" AS "ideaTitle", u."displayName" AS "who"
      FROM "IdeaEvent" e JOIN "Idea" i ON i."id" = e."ideaId" LEFT JOIN "User" u ON u."id" = e."actorId"
      WHERE e."kind" IN ('CREATED', 'STATUS', 'MERGED_INTO') AND e."createdAt" <= ${now}
      ORDER BY e."createdAt" DESC LIMIT ${limit})
    UNION ALL
    SELECT * FROM (
      SELECT 'c' || c."id", 'COMMENT', NULL, c."createdAt", i."id", i."title", u."displayName"
      FROM "Comment" c JOIN "Idea" i ON i."id" = c."ideaId" LEFT JOIN "User" u ON u."id" = c."authorId"
      WHERE c."deletedAt" IS NULL AND c."hiddenAt" IS NULL AND c."createdAt" <= ${now}
      ORDER BY c."createdAt" DESC LIMIT ${limit})
    ORDER BY "at" DESC LIMIT ${limit}`,
    { at: "date" },
  );
}
