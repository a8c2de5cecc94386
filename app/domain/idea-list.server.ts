import { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/lib/actor";
import { whileUnchanged } from "~/lib/db/cache.server";
import { reader } from "~/lib/db/fast.server";
import { httpError } from "~/lib/http.server";
import { ftsQuery, MARK_END, MARK_START } from "~/lib/search";
import { TREND_DAYS, type IdeaListItem, type IdeaSort, type IdeaStatus } from "./ideas";

/**
 * The idea lists and search: filters, four sorts, relevance, cursor pagination and the similar
 * ideas shown while one writes. One SQL statement per list on the fast path: Prisma cannot join
 * FTS5 or express the trend sort (decisions 0007 and 0013).
 */

const IDEAS_PAGE_SIZE = 20;
/**
 * How many best matches of a search are kept, with their snippets, while nothing is written:
 * ranking every match (bm25 over 6,000 of 20,000 ideas for a common word) was most of a
 * search's time, the same for every colleague and every page of the results.
 */
const RANKED = 200;

export type IdeaFilters = {
  groupId?: string;
  /** The ideas answering a challenge (issue 23); with `shortlisted`, only those the Cabina chose. */
  challengeId?: string;
  shortlisted?: boolean;
  status?: IdeaStatus;
  tagId?: string;
  mine?: boolean;
  supported?: boolean;
  q?: string;
  sort?: IdeaSort;
  cursor?: string;
};

type Cursor = { k: number | string; i: number } | { o: number };

/** A cursor comes from our own "next page" link: anything else is answered 400, not guessed at. */
function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  if (value.length > 200) httpError(400, "v.cursorInvalid");
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (parsed && typeof parsed === "object") {
      const c = parsed as Record<string, unknown>;
      if (Number.isSafeInteger(c.o) && (c.o as number) >= 0 && (c.o as number) < 100_000) return { o: c.o as number };
      if ((typeof c.k === "number" && Number.isFinite(c.k)) || (typeof c.k === "string" && c.k.length < 40)) {
        if (Number.isSafeInteger(c.i)) return { k: c.k as number | string, i: c.i as number };
      }
    }
  } catch {
    // Not base64 JSON: the same answer as any other cursor that is not ours.
  }
  httpError(400, "v.cursorInvalid");
}

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString("base64url");

function cursorKey(value: unknown): number | string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return Number(value);
  return typeof value === "number" ? value : String(value);
}

type Ranked = { id: number; snippet: string | null; titleHighlighted: string | null };

/**
 * The best RANKED + 1 matches of a search under these conditions, in order, with their snippets:
 * kept while the content is unchanged. The key is the conditions' own SQL and values, so a
 * condition that names the person (mine, supported) keeps its own list.
 */
function bestMatches(match: string, condition: Prisma.Sql, snippet: Prisma.Sql) {
  return whileUnchanged(`search|${match}|${condition.sql}|${JSON.stringify(condition.values)}`, async () =>
    reader().all<Ranked>(Prisma.sql`
      SELECT i."id", ${snippet}
      FROM "idea_fts"
      JOIN "Idea" i ON i."id" = "idea_fts".rowid
      WHERE "idea_fts" MATCH ${match} AND ${condition}
      ORDER BY "idea_fts"."rank"
      LIMIT ${RANKED + 1}`),
  );
}

/** What the cards show for these ideas, in this order (the reader's own support included). */
function cardsOf(page: Ranked[], columns: Prisma.Sql) {
  if (page.length === 0) return [];
  const rows = reader().all<Record<string, unknown>>(Prisma.sql`
    SELECT ${columns}
    FROM "Idea" i
    JOIN "WorkingGroup" g ON g."id" = i."groupId"
    LEFT JOIN "User" u ON u."id" = i."authorId"
    WHERE i."id" IN (SELECT "value" FROM json_each(${JSON.stringify(page.map((entry) => entry.id))}))`);
  const byId = new Map(rows.map((row) => [Number(row.id), row]));
  return page.flatMap((entry): Record<string, unknown>[] => {
    const row = byId.get(entry.id);
    return row ? [{ ...row, snippet: entry.snippet, titleHighlighted: entry.titleHighlighted }] : [];
  });
}

/**
 * The idea list: filters, four sorts, full-text search and cursor pagination, in one SQL
 * statement (Prisma cannot express FTS5 or the trend subquery).
 */
export async function listIdeas(actor: Actor, filters: IdeaFilters, pageSize = IDEAS_PAGE_SIZE) {
  const where: Prisma.Sql[] = [];
  if (filters.groupId) where.push(Prisma.sql`i."groupId" = ${filters.groupId}`);
  if (filters.challengeId) where.push(Prisma.sql`i."challengeId" = ${filters.challengeId}`);
  if (filters.shortlisted) where.push(Prisma.sql`i."shortlisted" = 1`);
  if (filters.status) where.push(Prisma.sql`i."status" = ${filters.status}`);
  else where.push(Prisma.sql`i."status" <> 'DUPLICATA'`);
  if (filters.tagId)
    where.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "IdeaTag" t WHERE t."ideaId" = i."id" AND t."tagId" = ${filters.tagId})`,
    );
  if (filters.mine) where.push(Prisma.sql`i."authorId" = ${actor.id}`);
  if (filters.supported)
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "Support" s WHERE s."ideaId" = i."id" AND s."userId" = ${actor.id})`);

  const match = filters.q ? ftsQuery(filters.q) : null;
  if (filters.q && !match) return { items: [] as IdeaListItem[], nextCursor: null };
  const sort = filters.sort ?? (match ? undefined : "recenti");
  const since = new Date(Date.now() - TREND_DAYS * 86400_000);
  const key =
    sort === "sostegni"
      ? Prisma.sql`i."supportCount"`
      : sort === "discusse"
        ? Prisma.sql`i."commentCount"`
        : sort === "tendenza"
          ? Prisma.sql`COALESCE(trend."n", 0)`
          : Prisma.sql`i."createdAt"`;

  const cursor = decodeCursor(filters.cursor);
  const offset = cursor && "o" in cursor ? cursor.o : 0;
  // Dates travel in the cursor as ISO text and go back to the database as dates, so that they
  // are compared in the format the adapter stores them in.
  const key0 = cursor && "k" in cursor ? (sort === "recenti" ? new Date(cursor.k) : cursor.k) : null;
  const after =
    cursor && "k" in cursor && sort && !(key0 instanceof Date && Number.isNaN(key0.getTime()))
      ? Prisma.sql`WHERE ("sortKey" < ${key0} OR ("sortKey" = ${key0} AND "id" < ${cursor.i}))`
      : Prisma.empty;

  const fts = match
    ? Prisma.sql`JOIN "idea_fts" ON "idea_fts".rowid = i."id" AND "idea_fts" MATCH ${match}`
    : Prisma.empty;
  // Supports of the last days counted once per idea, not once per idea and candidate row
  // (the "tendenza" sort took 600 ms over 20,000 ideas, now 30).
  const trend =
    sort === "tendenza"
      ? Prisma.sql`LEFT JOIN (SELECT "ideaId", COUNT(*) AS "n" FROM "Support" WHERE "createdAt" >= ${since} GROUP BY
        "ideaId") trend ON trend."ideaId" = i."id"`
      : Prisma.empty;
  // Snippets are made only for the rows of the page: they cost far more than the match itself.
  // The ellipsis as char(8230): the server's bundle stays Latin-1 (scripts/latin1-bundle.mjs).
  const snippet = Prisma.sql`snippet("idea_fts", 1, ${MARK_START}, ${MARK_END}, char(8230), 14) AS "snippet",
    highlight("idea_fts", 0, ${MARK_START}, ${MARK_END}) AS "titleHighlighted"`;

  const columns = Prisma.sql`
    i."id", i."title", i."status", i."supportCount", i."commentCount", i."createdAt", i."coverId",
    g."name" AS "groupName", g."slug" AS "groupSlug", g."colour" AS "groupColour",
    u."displayName" AS "authorName",
    EXISTS (SELECT 1 FROM "Support" m WHERE m."ideaId" = i."id" AND m."userId" = ${actor.id}) AS "supportedByMe"`;
  // The page's ids in order first (only the sort key is computed for every candidate), then
  // what the cards show, for those rows alone.
  const sorted = Prisma.sql`
    SELECT ${columns}, page."sortKey" AS "sortKey"
    FROM (
      SELECT * FROM (
        SELECT i."id" AS "id", ${key} AS "sortKey"
        FROM "Idea" i
        ${fts}
        ${trend}
        WHERE ${Prisma.join(where, " AND ")}
      )
      ${after}
      ORDER BY "sortKey" DESC, "id" DESC
      LIMIT ${pageSize + 1}
    ) page
    JOIN "Idea" i ON i."id" = page."id"
    JOIN "WorkingGroup" g ON g."id" = i."groupId"
    LEFT JOIN "User" u ON u."id" = i."authorId"
    ORDER BY page."sortKey" DESC, page."id" DESC`;
  let rows: Record<string, unknown>[];
  if (!match) {
    rows = reader().all(Prisma.sql`SELECT p.*, NULL AS "snippet", NULL AS "titleHighlighted" FROM (${sorted}) p`);
  } else if (sort) {
    // Another order: the page first, then the snippets of its rows.
    rows = reader().all(Prisma.sql`
      SELECT p.*, ${snippet}
      FROM (${sorted}) p
      JOIN "idea_fts" ON "idea_fts".rowid = p."id" AND "idea_fts" MATCH ${match}
      ORDER BY p."sortKey" DESC, p."id" DESC`);
  } else {
    // Best match first, from the kept ranking while the page is within it.
    const ranked = await bestMatches(match, Prisma.join(where, " AND "), snippet);
    rows =
      offset + pageSize + 1 <= ranked.length || ranked.length <= RANKED
        ? cardsOf(ranked.slice(offset, offset + pageSize + 1), columns)
        : // Past it: FTS5 orders by its rank column (bm25 with the title weighing ten times the
          // body, set by a migration) and the page stops after its rows, so snippets and joins
          // are computed for the rows shown, not for every idea matching a common word.
          reader().all(Prisma.sql`
            SELECT ${columns}, ${snippet}
            FROM "idea_fts"
            JOIN "Idea" i ON i."id" = "idea_fts".rowid
            JOIN "WorkingGroup" g ON g."id" = i."groupId"
            LEFT JOIN "User" u ON u."id" = i."authorId"
            WHERE "idea_fts" MATCH ${match} AND ${Prisma.join(where, " AND ")}
            ORDER BY "idea_fts"."rank"
            LIMIT ${pageSize + 1} OFFSET ${offset}`);
  }

  const items: IdeaListItem[] = rows.slice(0, pageSize).map((row) => ({
    id: Number(row.id),
    title: String(row.title),
    status: row.status as IdeaStatus,
    supportCount: Number(row.supportCount),
    commentCount: Number(row.commentCount),
    createdAt: new Date(String(row.createdAt)).toISOString(),
    groupName: String(row.groupName),
    groupSlug: String(row.groupSlug),
    groupColour: String(row.groupColour),
    authorName: row.authorName === null ? null : String(row.authorName),
    supportedByMe: Boolean(Number(row.supportedByMe)),
    snippet: row.snippet === null ? null : String(row.snippet),
    titleHighlighted: row.titleHighlighted === null ? null : String(row.titleHighlighted),
    coverId: row.coverId === null || row.coverId === undefined ? null : String(row.coverId),
  }));
  const last = rows[pageSize - 1];
  const nextCursor =
    rows.length > pageSize && last
      ? encodeCursor(sort ? { k: cursorKey(last.sortKey), i: Number(last.id) } : { o: offset + pageSize })
      : null;
  return { items, nextCursor };
}

/** Up to five existing ideas that look like `text` (any of its longer words), best first. */
export async function similarIdeas(text: string, excludeId?: number) {
  const match = ftsQuery(text, "any");
  if (!match) return [];
  const rows = reader().all<{ id: unknown; title: unknown; status: unknown; supportCount: unknown }>(Prisma.sql`
    SELECT i."id", i."title", i."status", i."supportCount"
    FROM "idea_fts" JOIN "Idea" i ON i."id" = "idea_fts".rowid
    WHERE "idea_fts" MATCH ${match} AND i."status" <> 'DUPLICATA' AND i."id" <> ${excludeId ?? -1}
    ORDER BY bm25("idea_fts", 10.0, 1.0)
    LIMIT 5`);
  return rows.map((row) => ({
    id: Number(row.id),
    title: String(row.title),
    status: row.status as IdeaStatus,
    supportCount: Number(row.supportCount),
  }));
}
