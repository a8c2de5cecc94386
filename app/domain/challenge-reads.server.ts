import { Prisma } from "~/generated/prisma/client";
import { reader } from "~/lib/db/fast.server";
import { audienceOf } from "./audience";

/**
 * A challenge's page, read on the read connection with statements compiled once (decision 0013):
 * through Prisma, the challenge with its count of ideas cost more than the page's 50 ideas.
 * Conclusions are written through Prisma (challenges.server.ts).
 */

type ChallengeRow = {
  id: string;
  title: string;
  description: string;
  descriptionHtml: string;
  groupId: string | null;
  opensOn: string;
  closesOn: string;
  conclusion: string | null;
  conclusionHtml: string | null;
  concludedAt: Date | null;
  evidenceSnapshot: string | null;
  evidenceAsOf: string | null;
  groupName: string | null;
  groupSlug: string | null;
  ideaCount: number;
};

/** One challenge with its audience (a group, or null for everyone) and its count of ideas. */
export function readChallenge(id: string) {
  const row = reader().get<ChallengeRow>(
    Prisma.sql`
      SELECT c."id", c."title", c."description", c."descriptionHtml", c."groupId", c."opensOn", c."closesOn",
             c."conclusion", c."conclusionHtml", c."concludedAt", c."evidenceSnapshot", c."evidenceAsOf",
             g."name" AS "groupName", g."slug" AS "groupSlug",
             (SELECT COUNT(*) FROM "Idea" i WHERE i."challengeId" = c."id") AS "ideaCount"
      FROM "Challenge" c
      LEFT JOIN "WorkingGroup" g ON g."id" = c."groupId"
      WHERE c."id" = ${id}`,
    { concludedAt: "date" },
  );
  if (!row) return null;
  const { groupName, groupSlug, ...challenge } = row;
  return { ...challenge, group: audienceOf({ groupName, groupSlug }) };
}

/** The ideas the Cabina chose among the challenge's, most supported first. */
export function readShortlist(id: string) {
  return reader().all<{ id: number; title: string; supportCount: number }>(
    Prisma.sql`
      SELECT "id", "title", "supportCount" FROM "Idea"
      WHERE "challengeId" = ${id} AND "shortlisted" = 1
      ORDER BY "supportCount" DESC, "id"`,
  );
}
