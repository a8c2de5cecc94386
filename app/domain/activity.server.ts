import { Prisma } from "~/generated/prisma/client";
import { reader } from "~/lib/db/fast.server";

/**
 * The latest things that happened across the intranet (the home page's feed): idea events and
 * comments, merged, in one statement on the fast path. Nothing dated after `now` is shown, so a
 * clock set wrong or data imported with future dates cannot pin itself to the top.
 */
export async function recentActivity(limit = 10, now = new Date()) {
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
