import { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/lib/actor";
import { db } from "~/lib/db/client.server";
import { reader } from "~/lib/db/fast.server";
import { isClosed } from "./ideas";
import { handleOf } from "./people";
import type { AttachmentView } from "./attachments";
import type { EvidenceSnapshot } from "./evidence";
import { can, type AttachTarget } from "./policy.server";

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
    createdAt: Date;
    editedAt: Date | null;
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
    challengeId: string | null;
    challengeTitle: string | null;
    shortlisted: boolean;
    supportedByMe: boolean;
    followingByMe: boolean;
  };
  const row = read.get<IdeaRow>(
    Prisma.sql`
    SELECT i."id", i."title", i."body", i."bodyHtml", i."status", i."supportCount", i."commentCount",
           i."createdAt", i."editedAt",
           i."groupId", i."authorId",
           g."slug" AS "groupSlug", g."name" AS "groupName", g."colour" AS "groupColour",
           u."displayName" AS "authorName", u."office" AS "authorOffice", u."email" AS "authorEmail",
           d."id" AS "duplicateOfId", d."title" AS "duplicateOfTitle",
           c."id" AS "challengeId", c."title" AS "challengeTitle", i."shortlisted",
           EXISTS (SELECT 1 FROM "Support" s WHERE s."ideaId" = i."id" AND s."userId" = ${actor.id}) AS "supportedByMe",
           EXISTS (SELECT 1 FROM "Follow" f WHERE f."ideaId" = i."id" AND f."userId" = ${actor.id}) AS "followingByMe"
    FROM "Idea" i JOIN "WorkingGroup" g ON g."id" = i."groupId"
    LEFT JOIN "User" u ON u."id" = i."authorId"
    LEFT JOIN "Idea" d ON d."id" = i."duplicateOfId"
    LEFT JOIN "Challenge" c ON c."id" = i."challengeId"
    WHERE i."id" = ${id}`,
    { createdAt: "date", editedAt: "date", supportedByMe: "boolean", followingByMe: "boolean", shortlisted: "boolean" },
  );
  if (!row) return null;
  const tags = read.all<{ id: string; kind: string; name: string }>(Prisma.sql`
    SELECT t."id", t."kind", t."name" FROM "IdeaTag" it JOIN "Tag" t ON t."id" = it."tagId"
    WHERE it."ideaId" = ${id} ORDER BY t."position"`);
  const carriedBy = read
    .all<{ id: number; title: string; progress: number; status: string; groupName: string }>(
      Prisma.sql`
      SELECT o."id", o."title", o."progress", o."status", g."name" AS "groupName"
      FROM "ObjectiveIdea" oi JOIN "Objective" o ON o."id" = oi."objectiveId"
      JOIN "WorkingGroup" g ON g."id" = o."groupId"
      WHERE oi."ideaId" = ${id}`,
    )
    .map(({ groupName, ...objective }) => ({ ...objective, group: { name: groupName } }));
  const revisions = read
    .all<{ id: string; title: string; body: string; createdAt: Date; editorName: string | null }>(
      Prisma.sql`
      SELECT r."id", r."title", r."body", r."createdAt", u."displayName" AS "editorName"
      FROM "IdeaRevision" r LEFT JOIN "User" u ON u."id" = r."editorId"
      WHERE r."ideaId" = ${id} ORDER BY r."createdAt" DESC`,
      { createdAt: "date" },
    )
    .map(({ editorName, ...revision }) => ({
      ...revision,
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
      createdAt: Date;
      actorName: string | null;
      relatedTitle: string | null;
      meetingId: string | null;
      meetingTitle: string | null;
    }>(
      Prisma.sql`
      SELECT e."id", e."kind", e."fromStatus", e."toStatus", e."reason", e."relatedIdeaId", e."createdAt",
             u."displayName" AS "actorName", r."title" AS "relatedTitle", e."meetingId", m."title" AS "meetingTitle"
      FROM "IdeaEvent" e LEFT JOIN "User" u ON u."id" = e."actorId" LEFT JOIN "Idea" r ON r."id" = e."relatedIdeaId"
      LEFT JOIN "Meeting" m ON m."id" = e."meetingId"
      WHERE e."ideaId" = ${id} ORDER BY e."createdAt", e."id"`,
      { createdAt: "date" },
    )
    .map((event) => ({
      ...event,
      actor: event.actorName === null ? null : { displayName: event.actorName },
    }));
  // Its attachments, with whether this person may remove each (domain/attachments.server.ts).
  const page: AttachTarget = { kind: "idea", groupId: row.groupId, authorId: row.authorId };
  const files = read
    .all<{
      id: string;
      name: string;
      createdAt: Date;
      uploadedById: string | null;
      mime: string;
      size: number;
      width: number | null;
      height: number | null;
      uploader: string | null;
    }>(
      Prisma.sql`
      SELECT a."id", a."name", a."createdAt", a."uploadedById", f."mime", f."size", f."width", f."height",
             u."displayName" AS "uploader"
      FROM "Attachment" a JOIN "StoredFile" f ON f."hash" = a."fileHash" LEFT JOIN "User" u ON u."id" = a."uploadedById"
      WHERE a."ideaId" = ${id} ORDER BY a."createdAt", a."id"`,
      { createdAt: "date" },
    )
    .map(({ uploadedById, ...file }): AttachmentView => ({
      ...file,
      image: file.mime.startsWith("image/"),
      updateId: null,
      canDelete: can(actor, "attachment.delete", { ...page, uploadedById }),
    }));
  // The figures it cites (issue 15), frozen as they were the day it was written.
  const evidence = read
    .all<{ snapshot: string; asOf: string }>(
      Prisma.sql`SELECT "snapshot", "asOf" FROM "IdeaEvidence" WHERE "ideaId" = ${id} ORDER BY "createdAt"`,
    )
    .map((cited) => ({ ...(JSON.parse(cited.snapshot) as EvidenceSnapshot), asOf: cited.asOf }));
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
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    groupId: row.groupId,
    authorId: row.authorId,
    group: { id: row.groupId, slug: row.groupSlug, name: row.groupName, colour: row.groupColour },
    duplicateOf: row.duplicateOfId === null ? null : { id: row.duplicateOfId, title: row.duplicateOfTitle ?? "" },
    challenge:
      row.challengeId === null
        ? null
        : { id: row.challengeId, title: row.challengeTitle ?? "", shortlisted: row.shortlisted },
    revisions,
    carriedBy,
    files,
    evidence,
    boardNotes: boardNotes.map((n) => ({ id: n.id, note: n.note, at: n.createdAt, by: n.author?.displayName ?? null })),
    author:
      row.authorName !== null && row.authorEmail !== null
        ? { displayName: row.authorName, office: row.authorOffice ?? "", handle: handleOf(row.authorEmail) }
        : null,
    tags,
    events,
    supportedByMe: row.supportedByMe,
    followingByMe: row.followingByMe,
    closed: isClosed(row.status),
  };
}
