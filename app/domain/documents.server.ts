import type { Actor } from "~/lib/actor";
import { db } from "~/lib/db/client.server";
import { rm } from "node:fs/promises";
import type { ReceivedFile } from "~/lib/files.server";
import { httpError } from "~/lib/http.server";
import type { Message } from "~/lib/i18n";
import { cleanText } from "~/lib/text";
import { DOCUMENT_LIMITS } from "./attachments";
import { attachFiles, toView, viewSelect } from "./attachments.server";
import { assertCan, can, type AttachTarget } from "./policy.server";

/**
 * A working group's documents (issue 17): a title, a short description, and versions (each an
 * attachment, the newest first, the older ones kept). Searched by title.
 */

async function groupBySlug(slug: string) {
  const group = await db.workingGroup.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } });
  if (!group) httpError(404);
  return group;
}

export async function listDocuments(actor: Actor, slug: string, query: string) {
  const group = await groupBySlug(slug);
  const page: AttachTarget = { kind: "document", groupId: group.id, authorId: null };
  const documents = await db.groupDocument.findMany({
    where: { groupId: group.id, ...(query ? { title: { contains: query } } : {}) },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      title: true,
      description: true,
      updatedAt: true,
      createdById: true,
      versions: { orderBy: { createdAt: "desc" }, select: viewSelect },
    },
  });
  return {
    group,
    canAdd: can(actor, "attachment.add", page),
    documents: documents.map((document) => ({
      id: document.id,
      title: document.title,
      description: document.description,
      updatedAt: document.updatedAt,
      versions: document.versions.map((version) => toView(actor, { ...page, authorId: document.createdById }, version)),
    })),
  };
}

/** Who may add to the group's documents: checked before the upload is read. */
export async function assertCanAddDocument(actor: Actor, slug: string) {
  const group = await groupBySlug(slug);
  assertCan(actor, "attachment.add", { kind: "document", groupId: group.id, authorId: null });
  return group;
}

export type DocumentResult =
  | { ok: true; title: string; page: string }
  | { ok: false; problem: Message; status: 400 | 413; field?: "title" | "description" };

/** What is wrong with a new document's title or description, if anything. */
function documentProblem(input: { title: string; description: string }): DocumentResult | null {
  const title = cleanText(input.title).trim();
  const description = cleanText(input.description).trim();
  if (!title) return { ok: false, problem: { key: "v.required" }, status: 400, field: "title" };
  if (title.length > DOCUMENT_LIMITS.title)
    return {
      ok: false,
      problem: { key: "v.tooLong", params: { max: DOCUMENT_LIMITS.title } },
      status: 400,
      field: "title",
    };
  if (description.length > DOCUMENT_LIMITS.description)
    return {
      ok: false,
      problem: { key: "v.tooLong", params: { max: DOCUMENT_LIMITS.description } },
      status: 400,
      field: "description",
    };
  return null;
}

/** A new document with its first version; nothing stays if the file or the title is refused. */
export async function createDocument(
  actor: Actor,
  slug: string,
  input: { title: string; description: string },
  file: ReceivedFile[],
): Promise<DocumentResult> {
  const group = await assertCanAddDocument(actor, slug);
  const problem = documentProblem(input);
  if (problem) {
    await Promise.all(file.map((received) => rm(received.path, { force: true })));
    return problem;
  }
  const title = cleanText(input.title).trim();
  const description = cleanText(input.description).trim();
  const document = await db.groupDocument.create({
    data: { groupId: group.id, title, description, createdById: actor.id },
    select: { id: true },
  });
  const attached = await attachFiles(actor, { kind: "document", id: document.id }, file);
  if (!attached.ok) {
    await db.groupDocument.delete({ where: { id: document.id } });
    return attached;
  }
  return { ok: true, title, page: attached.page };
}

/** A newer version of a document of this group. */
export async function addVersion(actor: Actor, slug: string, documentId: string, file: ReceivedFile[]) {
  const group = await groupBySlug(slug);
  const document = await db.groupDocument.findFirst({
    where: { id: documentId, groupId: group.id },
    select: { id: true, title: true },
  });
  if (!document) httpError(404);
  const attached = await attachFiles(actor, { kind: "document", id: document.id }, file);
  return attached.ok ? { ...attached, title: document.title } : attached;
}
