import { Prisma } from "~/generated/prisma/client";
import { db, reader, storedDate, writeNow } from "~/lib/db.server";
import { httpError, tooMany } from "~/lib/http.server";
import { actionLimits, consume } from "~/lib/rate-limit.server";
import type { MessageKey } from "~/lib/i18n";
import { mentionedHandles, renderMarkdown } from "~/lib/markdown.server";
import { ftsQuery, MARK_END, MARK_START } from "~/lib/search";
import { audit } from "./audit.server";
import { isClosed, transition, TREND_DAYS, type IdeaSort, type IdeaStatus } from "./ideas";
import { notify, notifyWatchers } from "./notifications.server";
import { assertCan, can } from "./policy";
import type { Actor } from "./roles";

type Tx = Prisma.TransactionClient;

export const IDEAS_PAGE_SIZE = 20;

/** Colleagues named as @nome.cognome in a text who have an active account. */
export async function resolveMentions(text: string) {
  const handles = mentionedHandles(text);
  if (handles.length === 0) return new Map<string, { id: string; displayName: string }>();
  const users = await db.user.findMany({
    where: { active: true, OR: handles.map((handle) => ({ email: { startsWith: `${handle}@` } })) },
    select: { id: true, email: true, displayName: true },
  });
  const found = new Map<string, { id: string; displayName: string }>();
  for (const user of users) found.set(user.email.split("@")[0]!, { id: user.id, displayName: user.displayName });
  return found;
}

/** Markdown rendered once, at write time, with the mentions that exist. */
export async function renderWithMentions(text: string) {
  const mentions = await resolveMentions(text);
  const names = new Map([...mentions].map(([handle, user]) => [handle, user.displayName]));
  return { html: renderMarkdown(text, names), mentioned: [...mentions.values()].map((user) => user.id) };
}

async function validTagIds(tagIds: string[]) {
  if (tagIds.length === 0) return [];
  const tags = await db.tag.findMany({ where: { id: { in: tagIds.slice(0, 20) } }, select: { id: true } });
  return tags.map((tag) => tag.id);
}

export type IdeaInput = { title: string; body: string; groupId: string; tagIds: string[] };

/** A new idea: the author follows it; mentioned colleagues are told. */
export async function createIdea(actor: Actor, input: IdeaInput) {
  assertCan(actor, "idea.create");
  const group = await db.workingGroup.findUnique({ where: { id: input.groupId }, select: { id: true } });
  if (!group) httpError(400, "ideas.groupInvalid");
  const wait = consume(actionLimits.idea, actor.id);
  if (wait) tooMany(wait);
  const [{ html, mentioned }, tagIds] = await Promise.all([renderWithMentions(input.body), validTagIds(input.tagIds)]);
  return db.$transaction(async (tx) => {
    const idea = await tx.idea.create({
      data: {
        title: input.title,
        body: input.body,
        bodyHtml: html,
        groupId: input.groupId,
        authorId: actor.id,
        tags: { create: tagIds.map((tagId) => ({ tagId })) },
      },
      select: { id: true, title: true },
    });
    await tx.ideaEvent.create({ data: { ideaId: idea.id, actorId: actor.id, kind: "CREATED", toStatus: "NUOVA" } });
    await tx.follow.create({ data: { ideaId: idea.id, userId: actor.id } });
    await notify(tx, {
      kind: "MENTION",
      recipients: mentioned,
      actorId: actor.id,
      ideaId: idea.id,
      data: { ideaTitle: idea.title },
    });
    return idea;
  });
}

/** What the policy and the writes need of an idea (read on the fast path: one prepared statement). */
async function loadIdeaRef(id: number) {
  const idea = reader().get<{
    id: number;
    title: string;
    body: string;
    groupId: string;
    authorId: string | null;
    status: IdeaStatus;
  }>(Prisma.sql`SELECT "id", "title", "body", "groupId", "authorId", "status" FROM "Idea" WHERE "id" = ${id}`);
  if (!idea) httpError(404);
  return idea;
}

/** The author edits title, text and tags while the idea is open to discussion; the old text is kept. */
export async function updateIdea(actor: Actor, id: number, input: Omit<IdeaInput, "groupId">) {
  const idea = await loadIdeaRef(id);
  assertCan(actor, "idea.edit", idea);
  const [{ html, mentioned }, tagIds] = await Promise.all([renderWithMentions(input.body), validTagIds(input.tagIds)]);
  const before = new Set(idea.body.match(/@[\w.-]+/g) ?? []);
  await db.$transaction(async (tx) => {
    await tx.ideaRevision.create({ data: { ideaId: id, title: idea.title, body: idea.body, editorId: actor.id } });
    const now = new Date();
    await tx.idea.update({
      where: { id },
      data: { title: input.title, body: input.body, bodyHtml: html, editedAt: now, lastActivityAt: now },
    });
    await tx.ideaTag.deleteMany({ where: { ideaId: id } });
    if (tagIds.length > 0) await tx.ideaTag.createMany({ data: tagIds.map((tagId) => ({ ideaId: id, tagId })) });
    await tx.ideaEvent.create({ data: { ideaId: id, actorId: actor.id, kind: "EDITED" } });
    // Only people newly mentioned by this edit are told.
    const added = await tx.user.findMany({ where: { id: { in: mentioned } }, select: { id: true, email: true } });
    const fresh = added.filter((user) => !before.has(`@${user.email.split("@")[0]}`)).map((user) => user.id);
    await notify(tx, {
      kind: "MENTION",
      recipients: fresh,
      actorId: actor.id,
      ideaId: id,
      data: { ideaTitle: input.title },
    });
  });
}

/** An idea's support count, recomputed from its rows (so it stays exact whatever races). */
function supportRecount(ideaId: number) {
  return Prisma.sql`UPDATE "Idea" SET "supportCount" = (SELECT COUNT(*) FROM "Support" WHERE "ideaId" = ${ideaId}) WHERE "id" = ${ideaId}`;
}

function recountSupports(tx: Tx, ideaId: number) {
  return tx.$executeRaw(supportRecount(ideaId));
}

/**
 * Sets one's support on or off (idempotent: the form says which). One row per person per
 * idea, guaranteed by the primary key; the count is recomputed in the same transaction.
 */
export async function setSupport(actor: Actor, ideaId: number, on: boolean) {
  const idea = await loadIdeaRef(ideaId);
  if (on) assertCan(actor, "idea.support", idea);
  const change = on
    ? Prisma.sql`INSERT OR IGNORE INTO "Support" ("ideaId", "userId", "createdAt") VALUES (${ideaId}, ${actor.id}, ${new Date()})`
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
    await recountSupports(tx, ideaId);
    const [row] = await tx.$queryRaw<{ supportCount: unknown }[]>(current);
    return Number(row!.supportCount);
  });
  return { supported: on, count };
}

export async function setFollow(actor: Actor, ideaId: number, on: boolean) {
  const idea = await loadIdeaRef(ideaId);
  assertCan(actor, "idea.follow", idea);
  if (on)
    await db.$executeRaw`INSERT OR IGNORE INTO "Follow" ("ideaId", "userId", "createdAt") VALUES (${ideaId}, ${actor.id}, ${new Date()})`;
  else await db.follow.deleteMany({ where: { ideaId, userId: actor.id } });
}

/**
 * Moves an idea along the workflow. The step must exist from the current status (409
 * otherwise), the actor must be one who may take it (403), and decisions need a public reason.
 * Author and followers are told, with the reason.
 */
export async function changeStatus(actor: Actor, ideaId: number, to: IdeaStatus, reason: string, privateNote = "") {
  const idea = await loadIdeaRef(ideaId);
  const step = transition(idea.status, to);
  if (!step) httpError(409, "ideas.transitionInvalid");
  assertCan(actor, "idea.changeStatus", { ...idea, to });
  if (privateNote) assertCan(actor, "board.privateNotes");
  if (step.reasonRequired && !reason)
    return { ok: false as const, fieldErrors: { reason: { key: "ideas.reasonRequired" as MessageKey } } };
  await db.$transaction(async (tx) => {
    const now = new Date();
    // Of two simultaneous changes from the same status, only the first applies.
    const moved = await tx.idea.updateMany({
      where: { id: ideaId, status: idea.status },
      data: { status: to, lastActivityAt: now },
    });
    if (moved.count !== 1) httpError(409, "ideas.transitionInvalid");
    await tx.ideaEvent.create({
      data: {
        ideaId,
        actorId: actor.id,
        kind: "STATUS",
        fromStatus: idea.status,
        toStatus: to,
        reason: reason || null,
        createdAt: now,
      },
    });
    await audit(tx, actor.id, "idea.status", String(ideaId), { from: idea.status, to, reason });
    if (privateNote)
      await tx.boardNote.create({ data: { ideaId, authorId: actor.id, note: privateNote, createdAt: now } });
    await notifyWatchers(tx, {
      kind: "STATUS",
      ideaId,
      authorId: idea.authorId,
      actorId: actor.id,
      data: { ideaTitle: idea.title, fromStatus: idea.status, toStatus: to, ...(reason ? { reason } : {}) },
    });
  });
  return { ok: true as const };
}

/**
 * Marks an idea as a duplicate of another: its supports and followers move to the original,
 * each person once, and both ideas' stories say so.
 */
export async function markDuplicate(actor: Actor, ideaId: number, originalId: number, reason: string) {
  const idea = await loadIdeaRef(ideaId);
  assertCan(actor, "idea.markDuplicate", idea);
  if (originalId === ideaId)
    return { ok: false as const, fieldErrors: { originalId: { key: "ideas.duplicateSelf" as MessageKey } } };
  const original = await db.idea.findUnique({
    where: { id: originalId },
    select: { id: true, title: true, status: true },
  });
  if (!original || original.status === "DUPLICATA") {
    return { ok: false as const, fieldErrors: { originalId: { key: "ideas.duplicateUnknown" as MessageKey } } };
  }
  await db.$transaction(async (tx) => {
    const now = new Date();
    const moved = await tx.idea.updateMany({
      where: { id: ideaId, status: idea.status },
      data: { status: "DUPLICATA", duplicateOfId: originalId, lastActivityAt: now },
    });
    if (moved.count !== 1) httpError(409, "ideas.transitionInvalid");
    await tx.$executeRaw`INSERT OR IGNORE INTO "Support" ("ideaId", "userId", "createdAt") SELECT ${originalId}, "userId", "createdAt" FROM "Support" WHERE "ideaId" = ${ideaId}`;
    await tx.$executeRaw`DELETE FROM "Support" WHERE "ideaId" = ${ideaId}`;
    await tx.$executeRaw`INSERT OR IGNORE INTO "Follow" ("ideaId", "userId", "createdAt") SELECT ${originalId}, "userId", "createdAt" FROM "Follow" WHERE "ideaId" = ${ideaId}`;
    await recountSupports(tx, ideaId);
    await recountSupports(tx, originalId);
    await tx.ideaEvent.createMany({
      data: [
        {
          ideaId,
          actorId: actor.id,
          kind: "MERGED_INTO",
          fromStatus: idea.status,
          toStatus: "DUPLICATA",
          reason: reason || null,
          relatedIdeaId: originalId,
          createdAt: now,
        },
        { ideaId: originalId, actorId: actor.id, kind: "MERGED_FROM", relatedIdeaId: ideaId, createdAt: now },
      ],
    });
    await audit(tx, actor.id, "idea.duplicate", String(ideaId), { originalId, reason });
    // The duplicate's followers were copied, not moved: they are still its watchers here.
    await notifyWatchers(tx, {
      kind: "MERGE",
      ideaId,
      authorId: idea.authorId,
      actorId: actor.id,
      data: { ideaTitle: idea.title, originalId, originalTitle: original.title, ...(reason ? { reason } : {}) },
    });
  });
  return { ok: true as const };
}

/** Everything the idea page shows, in a handful of queries. */
export async function getIdeaPage(actor: Actor, id: number) {
  // The most visited page: plain statements on the fast path, one per part of the page.
  const read = reader();
  type IdeaRow = {
    id: number;
    title: string;
    body: string;
    bodyHtml: string;
    status: string;
    supportCount: number;
    commentCount: number;
    createdAt: string;
    editedAt: string | null;
    groupId: string;
    authorId: string | null;
    groupSlug: string;
    groupName: string;
    groupColour: string;
    authorName: string | null;
    authorOffice: string | null;
    authorEmail: string | null;
    duplicateOfId: number | null;
    duplicateOfTitle: string | null;
    supportedByMe: number;
    followingByMe: number;
  };
  const row = read.get<IdeaRow>(Prisma.sql`
    SELECT i."id", i."title", i."body", i."bodyHtml", i."status", i."supportCount", i."commentCount", i."createdAt", i."editedAt",
           i."groupId", i."authorId", g."slug" AS "groupSlug", g."name" AS "groupName", g."colour" AS "groupColour",
           u."displayName" AS "authorName", u."office" AS "authorOffice", u."email" AS "authorEmail",
           d."id" AS "duplicateOfId", d."title" AS "duplicateOfTitle",
           EXISTS (SELECT 1 FROM "Support" s WHERE s."ideaId" = i."id" AND s."userId" = ${actor.id}) AS "supportedByMe",
           EXISTS (SELECT 1 FROM "Follow" f WHERE f."ideaId" = i."id" AND f."userId" = ${actor.id}) AS "followingByMe"
    FROM "Idea" i JOIN "WorkingGroup" g ON g."id" = i."groupId"
    LEFT JOIN "User" u ON u."id" = i."authorId"
    LEFT JOIN "Idea" d ON d."id" = i."duplicateOfId"
    WHERE i."id" = ${id}`);
  if (!row) return null;
  const tags = read.all<{ id: string; kind: string; name: string }>(Prisma.sql`
    SELECT t."id", t."kind", t."name" FROM "IdeaTag" it JOIN "Tag" t ON t."id" = it."tagId" WHERE it."ideaId" = ${id} ORDER BY t."position"`);
  const carriedBy = read
    .all<{ id: number; title: string; progress: number; status: string; groupName: string }>(
      Prisma.sql`
      SELECT o."id", o."title", o."progress", o."status", g."name" AS "groupName"
      FROM "ObjectiveIdea" oi JOIN "Objective" o ON o."id" = oi."objectiveId" JOIN "WorkingGroup" g ON g."id" = o."groupId"
      WHERE oi."ideaId" = ${id}`,
    )
    .map(({ groupName, ...objective }) => ({ ...objective, group: { name: groupName } }));
  const revisions = read
    .all<{ id: string; title: string; body: string; createdAt: string; editorName: string | null }>(
      Prisma.sql`
      SELECT r."id", r."title", r."body", r."createdAt", u."displayName" AS "editorName"
      FROM "IdeaRevision" r LEFT JOIN "User" u ON u."id" = r."editorId"
      WHERE r."ideaId" = ${id} ORDER BY r."createdAt" DESC`,
    )
    .map(({ editorName, createdAt, ...revision }) => ({
      ...revision,
      createdAt: storedDate(createdAt),
      editor: editorName === null ? null : { displayName: editorName },
    }));
  const events = read
    .all<{
      id: string;
      kind: string;
      fromStatus: string | null;
      toStatus: string | null;
      reason: string | null;
      relatedIdeaId: number | null;
      createdAt: string;
      actorName: string | null;
      relatedTitle: string | null;
    }>(
      Prisma.sql`
      SELECT e."id", e."kind", e."fromStatus", e."toStatus", e."reason", e."relatedIdeaId", e."createdAt",
             u."displayName" AS "actorName", r."title" AS "relatedTitle"
      FROM "IdeaEvent" e LEFT JOIN "User" u ON u."id" = e."actorId" LEFT JOIN "Idea" r ON r."id" = e."relatedIdeaId"
      WHERE e."ideaId" = ${id} ORDER BY e."createdAt", e."id"`,
    )
    .map(({ createdAt, ...event }) => ({
      ...event,
      createdAt: storedDate(createdAt),
      actor: event.actorName === null ? null : { displayName: event.actorName },
    }));
  // The board's private notes reach only the board.
  const boardNotes = can(actor, "board.privateNotes")
    ? await db.boardNote.findMany({
        where: { ideaId: id },
        orderBy: { createdAt: "asc" },
        select: { id: true, note: true, createdAt: true, author: { select: { displayName: true } } },
      })
    : [];
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    bodyHtml: row.bodyHtml,
    status: row.status,
    supportCount: row.supportCount,
    commentCount: row.commentCount,
    createdAt: storedDate(row.createdAt),
    editedAt: row.editedAt ? storedDate(row.editedAt) : null,
    groupId: row.groupId,
    authorId: row.authorId,
    group: { id: row.groupId, slug: row.groupSlug, name: row.groupName, colour: row.groupColour },
    duplicateOf: row.duplicateOfId === null ? null : { id: row.duplicateOfId, title: row.duplicateOfTitle ?? "" },
    revisions,
    carriedBy,
    boardNotes: boardNotes.map((n) => ({ id: n.id, note: n.note, at: n.createdAt, by: n.author?.displayName ?? null })),
    author:
      row.authorName !== null && row.authorEmail !== null
        ? { displayName: row.authorName, office: row.authorOffice ?? "", handle: row.authorEmail.split("@")[0]! }
        : null,
    tags,
    events,
    supportedByMe: row.supportedByMe === 1,
    followingByMe: row.followingByMe === 1,
    closed: isClosed(row.status),
  };
}

export type IdeaFilters = {
  groupId?: string;
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

export type IdeaListItem = {
  id: number;
  title: string;
  status: IdeaStatus;
  supportCount: number;
  commentCount: number;
  createdAt: string;
  groupName: string;
  groupSlug: string;
  groupColour: string;
  authorName: string | null;
  supportedByMe: boolean;
  snippet: string | null;
  titleHighlighted: string | null;
};

/**
 * The idea list: filters, four sorts, full-text search and cursor pagination, in one SQL
 * statement (Prisma cannot express FTS5 or the trend subquery).
 */
export async function listIdeas(actor: Actor, filters: IdeaFilters, pageSize = IDEAS_PAGE_SIZE) {
  const where: Prisma.Sql[] = [];
  if (filters.groupId) where.push(Prisma.sql`i."groupId" = ${filters.groupId}`);
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
      ? Prisma.sql`LEFT JOIN (SELECT "ideaId", COUNT(*) AS "n" FROM "Support" WHERE "createdAt" >= ${since} GROUP BY "ideaId") trend ON trend."ideaId" = i."id"`
      : Prisma.empty;
  // Snippets are made only for the rows of the page: they cost far more than the match itself.
  const snippet = Prisma.sql`snippet("idea_fts", 1, ${MARK_START}, ${MARK_END}, '…', 14) AS "snippet", highlight("idea_fts", 0, ${MARK_START}, ${MARK_END}) AS "titleHighlighted"`;

  const columns = Prisma.sql`
    i."id", i."title", i."status", i."supportCount", i."commentCount", i."createdAt",
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
  const rows = !match
    ? reader().all<Record<string, unknown>>(
        Prisma.sql`SELECT p.*, NULL AS "snippet", NULL AS "titleHighlighted" FROM (${sorted}) p`,
      )
    : !sort
      ? // Best match first: FTS5 orders by its rank column (bm25 with the title weighing ten times
        // the body, set by a migration) and the page stops after its rows, so snippets and joins
        // are computed for the rows shown, not for every idea matching a common word.
        reader().all<Record<string, unknown>>(Prisma.sql`
          SELECT ${columns}, ${snippet}
          FROM "idea_fts"
          JOIN "Idea" i ON i."id" = "idea_fts".rowid
          JOIN "WorkingGroup" g ON g."id" = i."groupId"
          LEFT JOIN "User" u ON u."id" = i."authorId"
          WHERE "idea_fts" MATCH ${match} AND ${Prisma.join(where, " AND ")}
          ORDER BY "idea_fts"."rank"
          LIMIT ${pageSize + 1} OFFSET ${offset}`)
      : // Another order: the page first, then the snippets of its rows.
        reader().all<Record<string, unknown>>(Prisma.sql`
          SELECT p.*, ${snippet}
          FROM (${sorted}) p
          JOIN "idea_fts" ON "idea_fts".rowid = p."id" AND "idea_fts" MATCH ${match}
          ORDER BY p."sortKey" DESC, p."id" DESC`);

  const items: IdeaListItem[] = rows.slice(0, pageSize).map((row) => ({
    id: Number(row.id),
    title: String(row.title),
    status: row.status as IdeaStatus,
    supportCount: Number(row.supportCount),
    commentCount: Number(row.commentCount),
    createdAt: storedDate(row.createdAt).toISOString(),
    groupName: String(row.groupName),
    groupSlug: String(row.groupSlug),
    groupColour: String(row.groupColour),
    authorName: row.authorName === null ? null : String(row.authorName),
    supportedByMe: Boolean(Number(row.supportedByMe)),
    snippet: row.snippet === null ? null : String(row.snippet),
    titleHighlighted: row.titleHighlighted === null ? null : String(row.titleHighlighted),
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

/** The latest things that happened across the intranet (home page). */
export async function recentActivity(limit = 10) {
  // The home page's feed: the latest idea events and comments, merged, on the fast path.
  type Row = {
    id: string;
    kind: "CREATED" | "STATUS" | "MERGED_INTO" | "COMMENT";
    toStatus: string | null;
    at: string;
    ideaId: number;
    ideaTitle: string;
    who: string | null;
  };
  const rows = reader().all<Row>(Prisma.sql`
    SELECT * FROM (
      SELECT 'e' || e."id" AS "id", e."kind" AS "kind", e."toStatus" AS "toStatus", e."createdAt" AS "at",
             i."id" AS "ideaId", i."title" AS "ideaTitle", u."displayName" AS "who"
      FROM "IdeaEvent" e JOIN "Idea" i ON i."id" = e."ideaId" LEFT JOIN "User" u ON u."id" = e."actorId"
      WHERE e."kind" IN ('CREATED', 'STATUS', 'MERGED_INTO')
      ORDER BY e."createdAt" DESC LIMIT ${limit})
    UNION ALL
    SELECT * FROM (
      SELECT 'c' || c."id", 'COMMENT', NULL, c."createdAt", i."id", i."title", u."displayName"
      FROM "Comment" c JOIN "Idea" i ON i."id" = c."ideaId" LEFT JOIN "User" u ON u."id" = c."authorId"
      WHERE c."deletedAt" IS NULL AND c."hiddenAt" IS NULL
      ORDER BY c."createdAt" DESC LIMIT ${limit})
    ORDER BY "at" DESC LIMIT ${limit}`);
  return rows.map((row) => ({ ...row, at: storedDate(row.at) }));
}

/** Which status changes this actor could make on this idea now (for the page's controls). */
export function possibleTransitions(actor: Actor, idea: { groupId: string; authorId: string | null; status: string }) {
  return ["IN_DISCUSSIONE", "IN_VALUTAZIONE", "ACCOLTA", "NON_ACCOLTA", "IN_REALIZZAZIONE", "REALIZZATA"].filter((to) =>
    can(actor, "idea.changeStatus", { ...idea, to }),
  ) as IdeaStatus[];
}

/** The idea as its author edits it; anyone else (or a closed discussion) gets 403. */
export async function getIdeaForEdit(actor: Actor, param: string | undefined) {
  if (!param || !/^\d{1,10}$/.test(param)) httpError(404);
  const idea = await db.idea.findUnique({
    where: { id: Number(param) },
    select: {
      id: true,
      title: true,
      body: true,
      groupId: true,
      authorId: true,
      status: true,
      tags: { select: { tagId: true } },
    },
  });
  if (!idea) httpError(404);
  assertCan(actor, "idea.edit", idea);
  const { tags, ...rest } = idea;
  return { ...rest, tagIds: tags.map((tag) => tag.tagId) };
}
