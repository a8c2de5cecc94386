import { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/lib/actor";
import { db } from "~/lib/db/client.server";
import { reader, writeNow } from "~/lib/db/fast.server";
import { httpError, tooMany } from "~/lib/http.server";
import { actionLimits, consume } from "~/lib/rate-limit.server";
import { audit } from "./audit.server";
import type { ShownComment } from "./comments";
import { renderWithMentions } from "./mentions.server";
import { handleOf } from "./people";
import { noticeRows, notify, notifyGroup, pendingRow } from "./notifications.server";
import { wakeWorker } from "./worker.server";
import { assertCan, can } from "./policy.server";

async function loadComment(id: number) {
  const comment = await db.comment.findUnique({
    where: { id },
    select: {
      id: true,
      ideaId: true,
      authorId: true,
      parentId: true,
      deletedAt: true,
      hiddenAt: true,
      idea: { select: { groupId: true, title: true, group: { select: { name: true } } } },
    },
  });
  if (!comment) httpError(404);
  return { ...comment, ideaGroupId: comment.idea.groupId };
}

function recountComments(tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], ideaId: number) {
  return tx.$executeRaw`UPDATE "Idea" SET "commentCount" = (SELECT COUNT(*) FROM "Comment" WHERE "ideaId" = ${ideaId}
    AND "deletedAt" IS NULL AND "hiddenAt" IS NULL) WHERE "id" = ${ideaId}`;
}

/**
 * A comment or a reply (one level: a reply to a reply hangs under the same top-level comment).
 * The commenter follows the idea; followers, the replied-to and the mentioned are told. The
 * second busiest write after a support: on the fast path (decision 0013), one synchronous
 * transaction, Prisma's only when one of its transactions holds the connection.
 */
export async function addComment(actor: Actor, ideaId: number, input: { body: string; parentId?: number }) {
  const idea = reader().get<{ title: string; groupId: string; authorId: string | null; status: string }>(
    Prisma.sql`SELECT "title", "groupId", "authorId", "status" FROM "Idea" WHERE "id" = ${ideaId}`,
  );
  if (!idea) httpError(404);
  assertCan(actor, "comment.create", idea);
  const wait = consume(actionLimits.comment, actor.id);
  if (wait) tooMany(wait);
  let parentId: number | null = null;
  let parentAuthorId: string | null = null;
  if (input.parentId !== undefined) {
    const parent = reader().get<{ id: number; ideaId: number; parentId: number | null; authorId: string | null }>(
      Prisma.sql`SELECT "id", "ideaId", "parentId", "authorId" FROM "Comment" WHERE "id" = ${input.parentId}`,
    );
    if (!parent || parent.ideaId !== ideaId) httpError(400, "comments.parentInvalid");
    parentId = parent.parentId ?? parent.id;
    parentAuthorId = parent.authorId;
  }
  const { html, mentioned } = await renderWithMentions(input.body);
  const now = new Date();
  const insert = Prisma.sql`INSERT INTO "Comment" ("ideaId", "authorId", "parentId", "body", "bodyHtml", "createdAt")
    VALUES (${ideaId}, ${actor.id}, ${parentId}, ${input.body}, ${html}, ${now}) RETURNING "id"`;
  // A new comment is visible: one more, without counting the idea's thousand others again.
  const touch = Prisma.sql`UPDATE "Idea" SET "lastActivityAt" = ${now}, "commentCount" = "commentCount" + 1
    WHERE "id" = ${ideaId}`;
  const follow = Prisma.sql`INSERT OR IGNORE INTO "Follow" ("ideaId", "userId", "createdAt")
    VALUES (${ideaId}, ${actor.id}, ${now})`;
  // One comment, one notice per person, the most specific: a mention, else a reply to one's
  // comment, else a comment on an idea one wrote or follows (fanned out later).
  const notices = (commentId: number) => {
    const data = { ideaTitle: idea.title };
    const base = { actorId: actor.id, ideaId, commentId, data };
    const mention = noticeRows({ ...base, kind: "MENTION", recipients: mentioned });
    const reply = noticeRows({
      ...base,
      kind: "REPLY",
      recipients: parentAuthorId ? [parentAuthorId] : [],
      except: mention.recipients,
    });
    const watchers = pendingRow(
      "WATCHERS",
      { ...base, kind: "COMMENT", except: [...mention.recipients, ...reply.recipients] },
      { authorId: idea.authorId },
    );
    return [mention.statement, reply.statement, watchers].filter((statement) => statement !== null);
  };
  let id = writeNow((sql) => {
    const comment = sql.get<{ id: number }>(insert)!;
    sql.run(touch);
    sql.run(follow);
    for (const statement of notices(comment.id)) sql.run(statement);
    return comment.id;
  });
  // One of Prisma's transactions is open on the connection: the same statements, through Prisma.
  id ??= await db.$transaction(async (tx) => {
    const [comment] = await tx.$queryRaw<{ id: number }[]>(insert);
    await tx.$executeRaw(touch);
    await tx.$executeRaw(follow);
    for (const statement of notices(Number(comment!.id))) await tx.$executeRaw(statement);
    return Number(comment!.id);
  });
  wakeWorker("notices");
  return { id };
}

export async function editComment(actor: Actor, id: number, body: string) {
  const comment = await loadComment(id);
  assertCan(actor, "comment.edit", comment);
  const { html } = await renderWithMentions(body);
  await db.comment.update({ where: { id }, data: { body, bodyHtml: html, editedAt: new Date() } });
  return comment;
}

/** The author removes their comment: "commento rimosso" stays in its place, replies stay. */
export async function deleteComment(actor: Actor, id: number) {
  const comment = await loadComment(id);
  assertCan(actor, "comment.delete", comment);
  await db.$transaction(async (tx) => {
    await tx.comment.update({ where: { id }, data: { deletedAt: new Date(), body: "", bodyHtml: "" } });
    await recountComments(tx, comment.ideaId);
  });
  return comment;
}

/** Leaders of the idea's group, the board and the admin hide a comment; the reason is kept. */
export async function hideComment(actor: Actor, id: number, reason: string) {
  const comment = await loadComment(id);
  assertCan(actor, "comment.hide", comment);
  await db.$transaction(async (tx) => {
    const now = new Date();
    await tx.comment.update({ where: { id }, data: { hiddenAt: now, hiddenById: actor.id, hiddenReason: reason } });
    await tx.commentReport.updateMany({
      where: { commentId: id, resolvedAt: null },
      data: { resolvedAt: now, resolvedById: actor.id },
    });
    await recountComments(tx, comment.ideaId);
    await audit(tx, actor.id, "comment.hide", String(id), { ideaId: comment.ideaId, reason });
    // The author learns that and why (the reason is also shown in the comment's place).
    await notify(tx, {
      kind: "HIDDEN",
      recipients: comment.authorId ? [comment.authorId] : [],
      actorId: actor.id,
      ideaId: comment.ideaId,
      commentId: id,
      data: { ideaTitle: comment.idea.title, reason },
    });
  });
  return comment;
}

/** Anyone may report a comment once; reports reach the group's leaders and the admin. */
export async function reportComment(actor: Actor, id: number, reason: string) {
  const comment = await loadComment(id);
  assertCan(actor, "comment.report", comment);
  await db.$transaction(async (tx) => {
    const existing = await tx.commentReport.findUnique({
      where: { commentId_reporterId: { commentId: id, reporterId: actor.id } },
      select: { id: true },
    });
    if (existing) return;
    await tx.commentReport.create({ data: { commentId: id, reporterId: actor.id, reason } });
    // The group's leaders have a report waiting (the reporter stays unnamed in the notice).
    await notifyGroup(tx, {
      kind: "REPORT",
      groupId: comment.ideaGroupId,
      leadersOnly: true,
      actorId: null,
      ideaId: comment.ideaId,
      commentId: id,
      data: { ideaTitle: comment.idea.title, groupName: comment.idea.group.name },
    });
  });
  return comment;
}

/** Reported comments the actor may act on: their groups' for leaders, all for the admin. */
export async function moderationQueue(actor: Actor) {
  const groups = await db.workingGroup.findMany({ select: { id: true, name: true } });
  const visible = groups.filter((group) => can(actor, "moderation.view", group));
  if (visible.length === 0) httpError(403);
  const reports = await db.commentReport.findMany({
    where: { resolvedAt: null, comment: { idea: { groupId: { in: visible.map((g) => g.id) } } } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      reason: true,
      createdAt: true,
      reporter: { select: { displayName: true } },
      comment: {
        select: {
          id: true,
          bodyHtml: true,
          hiddenAt: true,
          deletedAt: true,
          author: { select: { displayName: true } },
          idea: { select: { id: true, title: true, group: { select: { name: true } } } },
        },
      },
    },
  });
  return { groups: visible, reports };
}

/** Dismisses a report without hiding the comment. */
export async function dismissReport(actor: Actor, reportId: string) {
  const report = await db.commentReport.findUnique({
    where: { id: reportId },
    select: { id: true, comment: { select: { idea: { select: { groupId: true } } } } },
  });
  if (!report) httpError(404);
  assertCan(actor, "moderation.view", { id: report.comment.idea.groupId });
  await db.commentReport.update({ where: { id: reportId }, data: { resolvedAt: new Date(), resolvedById: actor.id } });
}

/**
 * Threads shown at first on an idea's page: the latest 20 with their replies (a phone's worth of
 * reading, and half the page a long discussion used to weigh); the earlier ones are one link away.
 */
export const THREADS_SHOWN = 20;

type CommentColumns = Omit<ShownComment, "authorHandle"> & { authorEmail: string | null };

/** A comment's row as the page shows it: a handle for the author's page, no text once removed or hidden. */
function shownComment({ authorEmail, ...row }: CommentColumns): ShownComment {
  const gone = row.deletedAt !== null || row.hiddenAt !== null;
  return { ...row, authorHandle: authorEmail ? handleOf(authorEmail) : null, bodyHtml: gone ? "" : row.bodyHtml };
}

/**
 * An idea's comments as threads (one level of replies), oldest first: the latest `shown`
 * threads with their replies, how many threads there are and how many comments. One statement:
 * the rows of threads not shown are never read (an idea with 200 comments used to load and
 * convert all of them to show 36).
 */
export async function listComments(ideaId: number, shown?: number) {
  type Row = CommentColumns & { threads: number; comments: number };
  const rows = reader().all<Row>(
    Prisma.sql`
    WITH "latest" AS (
      SELECT "id" FROM "Comment" WHERE "ideaId" = ${ideaId} AND "parentId" IS NULL
      ORDER BY "createdAt" DESC, "id" DESC LIMIT ${shown ?? -1}
    )
    SELECT c."id", c."parentId", c."bodyHtml", c."createdAt", c."editedAt", c."deletedAt", c."hiddenAt",
           c."hiddenReason", c."authorId", u."displayName" AS "authorName", u."email" AS "authorEmail",
           (SELECT count(*) FROM "Comment" WHERE "ideaId" = ${ideaId} AND "parentId" IS NULL) AS "threads",
           (SELECT count(*) FROM "Comment" WHERE "ideaId" = ${ideaId}) AS "comments"
    FROM "Comment" c LEFT JOIN "User" u ON u."id" = c."authorId"
    WHERE c."ideaId" = ${ideaId} AND (c."id" IN "latest" OR c."parentId" IN "latest")
    ORDER BY c."createdAt", c."id"`,
    { createdAt: "date", editedAt: "date", deletedAt: "date", hiddenAt: "date" },
  );
  const replies = new Map<number, ShownComment[]>();
  for (const row of rows) if (row.parentId === null) replies.set(row.id, []);
  for (const row of rows) if (row.parentId !== null) replies.get(row.parentId)?.push(shownComment(row));
  const threads = rows
    .filter((row) => row.parentId === null)
    .map((row) => ({ ...shownComment(row), replies: replies.get(row.id)! }));
  return { threads, total: rows[0]?.threads ?? 0, comments: rows[0]?.comments ?? 0 };
}
