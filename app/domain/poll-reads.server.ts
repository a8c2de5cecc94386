import { Prisma } from "~/generated/prisma/client";
import { reader } from "~/lib/db/fast.server";
import { audienceOf } from "./audience";
import type { PollResults } from "./polls";

/**
 * The list of polls (/sondaggi) and a poll's page, read on the read connection with statements
 * compiled once (decision 0013): through Prisma, its queries and Prisma's own work were most of
 * these pages' time. Votes are written through Prisma (polls.server.ts).
 */

type ListedRow = {
  id: string;
  question: string;
  endsAt: Date;
  groupId: string | null;
  showResults: PollResults;
  groupName: string | null;
  groupSlug: string | null;
  voters: number;
};

/** The open polls (`open`, ending soonest first) or the 50 that ended last, with their audience and voters. */
export function readPolls(open: boolean, now: Date) {
  const rows = reader().all<ListedRow>(
    Prisma.sql`
      SELECT p."id", p."question", p."endsAt", p."groupId", p."showResults",
             g."name" AS "groupName", g."slug" AS "groupSlug",
             (SELECT COUNT(*) FROM "PollBallot" b WHERE b."pollId" = p."id") AS "voters"
      FROM "Poll" p LEFT JOIN "WorkingGroup" g ON g."id" = p."groupId"
      ${
        open
          ? Prisma.sql`WHERE p."endsAt" > ${now} ORDER BY p."endsAt", p."id"`
          : Prisma.sql`WHERE p."endsAt" <= ${now} ORDER BY p."endsAt" DESC, p."id" LIMIT 50`
      }`,
    { endsAt: "date" },
  );
  return rows.map(({ groupName, groupSlug, ...poll }) => ({ ...poll, group: audienceOf({ groupName, groupSlug }) }));
}

export type ListedPoll = ReturnType<typeof readPolls>[number];

/** Which of these ballots' keys have a ballot (one person's keys, one per open poll). */
export function ballotsAmong(voterKeys: string[]): string[] {
  if (voterKeys.length === 0) return [];
  return reader()
    .all<{ voterKey: string }>(
      Prisma.sql`SELECT "voterKey" FROM "PollBallot" WHERE "voterKey" IN (${Prisma.join(voterKeys)})`,
    )
    .map((row) => row.voterKey);
}

type PollRow = {
  id: string;
  question: string;
  description: string;
  multiple: boolean;
  showResults: PollResults;
  endsAt: Date;
  groupId: string | null;
  createdAt: Date;
  groupName: string | null;
  groupSlug: string | null;
  authorName: string | null;
  /** JSON: the options in their order, `[{ id, label }]` */
  options: string;
  voters: number;
};

/** One poll for its page: its audience, author, options in order and how many voted, in one statement. */
export function readPoll(id: string) {
  const row = reader().get<PollRow>(
    Prisma.sql`
      SELECT p."id", p."question", p."description", p."multiple", p."showResults", p."endsAt", p."groupId",
             p."createdAt", g."name" AS "groupName", g."slug" AS "groupSlug", u."displayName" AS "authorName",
             (SELECT json_group_array(json_object('id', o."id", 'label', o."label")) FROM (
                SELECT "id", "label" FROM "PollOption" WHERE "pollId" = p."id" ORDER BY "position") o) AS "options",
             (SELECT COUNT(*) FROM "PollBallot" b WHERE b."pollId" = p."id") AS "voters"
      FROM "Poll" p
      LEFT JOIN "WorkingGroup" g ON g."id" = p."groupId"
      LEFT JOIN "User" u ON u."id" = p."createdById"
      WHERE p."id" = ${id}`,
    { multiple: "boolean", endsAt: "date", createdAt: "date" },
  );
  if (!row) return null;
  const { groupName, groupSlug, authorName, options, ...poll } = row;
  return {
    ...poll,
    group: audienceOf({ groupName, groupSlug }),
    createdBy: authorName === null ? null : { displayName: authorName },
    options: JSON.parse(options) as { id: string; label: string }[],
  };
}

/** The options this ballot chose, or null when there is no ballot with this key. */
export function ballotChoices(pollId: string, voterKey: string): string[] | null {
  const rows = reader().all<{ optionId: string | null }>(
    Prisma.sql`
      SELECT c."optionId" FROM "PollBallot" b LEFT JOIN "PollChoice" c ON c."ballotId" = b."id"
      WHERE b."pollId" = ${pollId} AND b."voterKey" = ${voterKey}`,
  );
  if (rows.length === 0) return null;
  return rows.flatMap((row) => (row.optionId === null ? [] : [row.optionId]));
}

/** How many ballots chose each of a poll's options (options nobody chose are absent). */
export function optionCounts(pollId: string) {
  return reader().all<{ optionId: string; count: number }>(
    Prisma.sql`
      SELECT c."optionId", COUNT(*) AS "count"
      FROM "PollOption" o JOIN "PollChoice" c ON c."optionId" = o."id"
      WHERE o."pollId" = ${pollId}
      GROUP BY c."optionId"`,
  );
}
