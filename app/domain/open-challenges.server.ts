import { whileUnchanged } from "~/lib/db/cache.server";
import { Prisma } from "~/generated/prisma/client";
import { reader } from "~/lib/db/fast.server";
import { today, type Day } from "~/lib/days";

/**
 * The open challenges (the home page, the idea form): kept while nothing changes, per day, so
 * the home page reads nothing more when it is cached (decision 0016).
 */
export function openChallenges(day: Day = today()) {
  return whileUnchanged(`challenges.open.${day}`, async () =>
    // One statement on the fast path (decision 0013): the home page's cold cost.
    reader().all<{ id: string; title: string; closesOn: string; groupName: string | null; ideaCount: number }>(
      Prisma.sql`
      SELECT c."id", c."title", c."closesOn", g."name" AS "groupName",
             (SELECT COUNT(*) FROM "Idea" i WHERE i."challengeId" = c."id") AS "ideaCount"
      FROM "Challenge" c LEFT JOIN "WorkingGroup" g ON g."id" = c."groupId"
      WHERE c."opensOn" <= ${day} AND c."closesOn" >= ${day} AND c."concludedAt" IS NULL
      ORDER BY c."closesOn", c."createdAt" LIMIT 20`,
    ),
  );
}
