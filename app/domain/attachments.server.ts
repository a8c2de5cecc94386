import { rm } from "node:fs/promises";
import sharp, { type Metadata } from "sharp";
import type { Actor } from "~/lib/actor";
import { db } from "~/lib/db/client.server";
import { detectKind, type FileKind } from "~/lib/file-types.server";
import { pathOf, remove, store, tmpPath, type ReceivedFile } from "~/lib/files.server";
import { httpError } from "~/lib/http.server";
import type { Message } from "~/lib/i18n";
import { cleanText } from "~/lib/text";
import { audit } from "./audit.server";
import type { AttachmentView } from "./attachments";
import { assertCan, can, type AttachTarget } from "./policy.server";

/**
 * Files attached to ideas, objectives, progress updates and versions of a group's documents
 * (issue 17). Checked by content, images re-encoded (no EXIF, no GPS position, no polyglot
 * survives), stored once by content, removed from disk when nothing refers to them.
 * docs/decisions/0020-attachments.md
 */

export const ATTACHMENT_LIMITS = { perPage: 10, fileMb: 20, defaultQuotaMb: 500 };
export const MAX_FILE_BYTES = ATTACHMENT_LIMITS.fileMb * 1024 * 1024;
/** An image larger than this (in pixels) is refused before it is decoded: a bomb never fills memory. */
const MAX_PIXELS = 50_000_000;
const IMAGE_SIDE = 2560;
const THUMB_SIDE = 480;
const QUOTA_KEY = "attachments-quota-mb";

// One image at a time through libvips, without its cache: 16 colleagues uploading photos at
// once wait their turn instead of holding 16 decoded images in memory.
sharp.concurrency(1);
sharp.cache(false);
let imageQueue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const next = imageQueue.then(work, work);
  imageQueue = next.catch(() => undefined);
  return next;
}

export type Target =
  | { kind: "idea"; id: number }
  | { kind: "objective"; id: number }
  | { kind: "update"; id: string }
  | { kind: "document"; id: string };

/** Where the target's page is, and what the policy needs to know about it. 404 when it does not exist. */
async function resolve(target: Target): Promise<{ ref: AttachTarget; page: string }> {
  switch (target.kind) {
    case "idea": {
      const idea = await db.idea.findUnique({ where: { id: target.id }, select: { groupId: true, authorId: true } });
      if (!idea) httpError(404);
      return { ref: { kind: "idea", ...idea }, page: `/idee/${target.id}` };
    }
    case "objective": {
      const objective = await db.objective.findUnique({ where: { id: target.id }, select: { groupId: true } });
      if (!objective) httpError(404);
      return {
        ref: { kind: "objective", groupId: objective.groupId, authorId: null },
        page: `/obiettivi/${target.id}`,
      };
    }
    case "update": {
      const update = await db.progressUpdate.findUnique({
        where: { id: target.id },
        select: { objectiveId: true, objective: { select: { groupId: true } } },
      });
      if (!update) httpError(404);
      return {
        ref: { kind: "update", groupId: update.objective.groupId, authorId: null },
        page: `/obiettivi/${update.objectiveId}`,
      };
    }
    case "document": {
      const document = await db.groupDocument.findUnique({
        where: { id: target.id },
        select: { groupId: true, createdById: true, group: { select: { slug: true } } },
      });
      if (!document) httpError(404);
      return {
        ref: { kind: "document", groupId: document.groupId, authorId: document.createdById },
        page: `/gruppi/${document.group.slug}/documenti`,
      };
    }
  }
}

const ownerField = (target: Target) =>
  target.kind === "idea"
    ? { ideaId: target.id }
    : target.kind === "objective"
      ? { objectiveId: target.id }
      : target.kind === "update"
        ? { updateId: target.id }
        : { documentId: target.id };

export async function quotaMb() {
  const row = await db.setting.findUnique({ where: { key: QUOTA_KEY }, select: { value: true } });
  return row ? Number(row.value) : ATTACHMENT_LIMITS.defaultQuotaMb;
}

export async function setQuotaMb(actor: Actor, mb: number) {
  assertCan(actor, "attachment.quota");
  await db.$transaction(async (tx) => {
    await tx.setting.upsert({
      where: { key: QUOTA_KEY },
      create: { key: QUOTA_KEY, value: String(mb), updatedById: actor.id },
      update: { value: String(mb), updatedById: actor.id },
    });
    await audit(tx, actor.id, "setting.quota", QUOTA_KEY, { mb });
  });
}

/** Who uses the most space, for the administrator's page. */
export async function largestUsers(actor: Actor, limit = 20) {
  assertCan(actor, "attachment.quota");
  const rows = await db.attachment.groupBy({
    by: ["uploadedById"],
    _sum: { size: true },
    _count: { _all: true },
    orderBy: { _sum: { size: "desc" } },
    take: limit,
  });
  const people = await db.user.findMany({
    where: { id: { in: rows.map((row) => row.uploadedById).filter((id): id is string => id !== null) } },
    select: { id: true, displayName: true },
  });
  const name = new Map(people.map((person) => [person.id, person.displayName]));
  return rows.map((row) => ({
    name: row.uploadedById ? (name.get(row.uploadedById) ?? null) : null,
    bytes: row._sum.size ?? 0,
    files: row._count._all,
  }));
}

/** What a person's attachments weigh (each upload counted, also when its bytes are shared). */
async function usedBytes(userId: string) {
  const total = await db.attachment.aggregate({ where: { uploadedById: userId }, _sum: { size: true } });
  return total._sum.size ?? 0;
}

/**
 * Before the body is read: may this person attach to this page, and how many files may still
 * come. Throws 403 or 404; answers the room left.
 */
export async function attachRoom(actor: Actor, target: Target) {
  const { ref, page } = await resolve(target);
  assertCan(actor, "attachment.add", ref);
  const count = target.kind === "document" ? 0 : await db.attachment.count({ where: ownerField(target) });
  return { page, files: Math.max(0, ATTACHMENT_LIMITS.perPage - count) };
}

/** A name as it may be shown and sent back in a download: no path, no control characters, 200 at most. */
function cleanFileName(name: string) {
  const base = cleanText(name).replace(/\s+/g, " ").split(/[\\/]/).pop()!.replace(/^\.+/, "").trim();
  if (base.length <= 200) return base || "file";
  const dot = base.lastIndexOf(".");
  const extension = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : "";
  return base.slice(0, 200 - extension.length) + extension;
}

type Checked = { path: string; name: string; kind: FileKind; width?: number; height?: number; thumb?: string };

/** An image decoded and written again: oriented, at most 2560 px, no metadata; and its thumbnail. */
async function reencode(file: ReceivedFile, kind: FileKind): Promise<Checked | Message> {
  return oneAtATime(async (): Promise<Checked | Message> => {
    const name = cleanFileName(file.name);
    let meta: Metadata;
    try {
      // The header alone: how large it says it is, before anything is decoded.
      meta = await sharp(file.path, { limitInputPixels: false }).metadata();
    } catch {
      return { key: "files.badImage", params: { name } };
    }
    if (!meta.width || !meta.height) return { key: "files.badImage", params: { name } };
    if (meta.width * meta.height > MAX_PIXELS) return { key: "files.imageTooLarge", params: { name } };
    const out = await tmpPath();
    const thumb = await tmpPath();
    try {
      let image = sharp(file.path, { limitInputPixels: MAX_PIXELS, sequentialRead: true, failOn: "error" })
        .rotate()
        .resize({ width: IMAGE_SIDE, height: IMAGE_SIDE, fit: "inside", withoutEnlargement: true });
      image =
        kind.mime === "image/png"
          ? image.png()
          : kind.mime === "image/webp"
            ? image.webp()
            : image.jpeg({ quality: 85 });
      const info = await image.toFile(out);
      await sharp(out)
        .resize({ width: THUMB_SIDE, height: THUMB_SIDE, fit: "inside", withoutEnlargement: true })
        .webp({ quality: 75 })
        .toFile(thumb);
      return { path: out, name, kind, width: info.width, height: info.height, thumb };
    } catch {
      await Promise.all([rm(out, { force: true }), rm(thumb, { force: true })]);
      return { key: "files.badImage", params: { name } };
    }
  });
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/**
 * The rows for files already moved into the store, in one transaction; if it fails, the bytes that
 * no row refers to leave the disk again before the error goes on.
 */
async function recordOrForget(stored: readonly Stored[], write: (tx: Tx) => Promise<void>) {
  try {
    await db.$transaction(write);
  } catch (error) {
    await forgetUnrecorded(stored);
    throw error;
  }
}

/** Removes from disk the stored bytes among `stored` that no row refers to (a write that failed). */
async function forgetUnrecorded(stored: readonly Stored[]) {
  const known = await db.storedFile.findMany({
    where: { hash: { in: stored.map((file) => file.hash) } },
    select: { hash: true },
  });
  const kept = new Set(known.map((file) => file.hash));
  await removeFiles(
    stored
      .filter((file) => !kept.has(file.hash))
      .flatMap((file) => [file.hash, ...(file.thumbHash ? [file.thumbHash] : [])]),
  );
}

type Refusal = { ok: false; problem: Message; status: 400 | 413 };
export type AttachResult = { ok: true; page: string; count: number } | Refusal;

type Stored = Checked & { hash: string; size: number; thumbHash: string | null };
/** Received files checked and moved into the store, waiting for the rows that will own them. */
export type PreparedFiles = { readonly stored: readonly Stored[] };

/**
 * Checks received files for a page that takes `room` more: their number, the person's total
 * against the quota, each by its content (images re-encoded into `temporary` paths the caller
 * removes); then moves them into the store. Nothing is recorded yet.
 */
async function checkAndStore(
  actor: Actor,
  files: ReceivedFile[],
  room: number,
  temporary: string[],
): Promise<PreparedFiles | Refusal> {
  if (files.length === 0) return { ok: false, problem: { key: "files.none" }, status: 400 };
  if (files.length > room)
    return { ok: false, problem: { key: "files.tooMany", params: { max: ATTACHMENT_LIMITS.perPage } }, status: 400 };
  const quota = (await quotaMb()) * 1024 * 1024;
  const adding = files.reduce((sum, f) => sum + f.size, 0);
  if ((await usedBytes(actor.id)) + adding > quota)
    return { ok: false, problem: { key: "files.quota", params: { mb: quota / 1048576 } }, status: 413 };
  const checked: Checked[] = [];
  for (const file of files) {
    const name = cleanFileName(file.name);
    const kind = await detectKind(file.path, file.size, name);
    if (!kind) return { ok: false, problem: { key: "files.badType", params: { name } }, status: 400 };
    if (!kind.image) {
      checked.push({ path: file.path, name, kind });
      continue;
    }
    const image = await reencode(file, kind);
    if ("key" in image) return { ok: false, problem: image, status: 400 };
    temporary.push(image.path, image.thumb!);
    checked.push(image);
  }
  const stored: Stored[] = [];
  for (const file of checked) {
    const thumb = file.thumb ? await store(file.thumb) : null;
    stored.push({ ...file, ...(await store(file.path)), thumbHash: thumb?.hash ?? null });
  }
  return { stored };
}

/** The rows of prepared files on their page, inside the caller's transaction. */
export async function recordAttachments(tx: Tx, actor: Actor, target: Target, files: PreparedFiles) {
  for (const file of files.stored) {
    await tx.storedFile.upsert({
      where: { hash: file.hash },
      create: {
        hash: file.hash,
        size: file.size,
        mime: file.kind.mime,
        width: file.width ?? null,
        height: file.height ?? null,
        thumbHash: file.thumbHash,
      },
      update: {},
    });
    const attachment = await tx.attachment.create({
      data: { fileHash: file.hash, name: file.name, size: file.size, uploadedById: actor.id, ...ownerField(target) },
      select: { id: true },
    });
    // The idea's first image becomes its picture in the list.
    if (target.kind === "idea" && file.kind.image)
      await tx.idea.updateMany({ where: { id: target.id, coverId: null }, data: { coverId: attachment.id } });
  }
  if (target.kind === "document")
    await tx.groupDocument.update({ where: { id: target.id }, data: { updatedAt: new Date() } });
}

/**
 * Attaches the received files: each checked by its content (images re-encoded), the person's
 * total against the quota, then all stored and recorded together, or none. The received files
 * are gone from the upload folder afterwards either way.
 */
export async function attachFiles(actor: Actor, target: Target, files: ReceivedFile[]): Promise<AttachResult> {
  const temporary = files.map((f) => f.path);
  try {
    const room = await attachRoom(actor, target);
    const prepared = await checkAndStore(actor, files, room.files, temporary);
    if ("ok" in prepared) return prepared;
    await recordOrForget(prepared.stored, (tx) => recordAttachments(tx, actor, target, prepared));
    return { ok: true, page: room.page, count: prepared.stored.length };
  } finally {
    await Promise.all(temporary.map((file) => rm(file, { force: true })));
  }
}

/**
 * Files sent with the form of a page that does not exist yet (a new idea, issue 23): checked and
 * stored before it is written, so that `write` records the page and its files in one transaction
 * (`recordAttachments`). When a check refuses them, `write` is not called; when `write` fails,
 * the stored bytes no row refers to are removed before the error goes on. The received files
 * leave the upload folder either way.
 */
export async function withNewFiles<T>(
  actor: Actor,
  files: ReceivedFile[],
  write: (prepared: PreparedFiles | null) => Promise<T>,
): Promise<{ ok: true; value: T } | Refusal> {
  const temporary = files.map((f) => f.path);
  try {
    if (files.length === 0) return { ok: true, value: await write(null) };
    const prepared = await checkAndStore(actor, files, ATTACHMENT_LIMITS.perPage, temporary);
    if ("ok" in prepared) return prepared;
    try {
      return { ok: true, value: await write(prepared) };
    } catch (error) {
      await forgetUnrecorded(prepared.stored);
      throw error;
    }
  } finally {
    await Promise.all(temporary.map((file) => rm(file, { force: true })));
  }
}

/** Removes an attachment; its bytes go too once nothing refers to them. */
export async function deleteAttachment(actor: Actor, id: string) {
  const attachment = await db.attachment.findUnique({ where: { id } });
  if (!attachment) httpError(404);
  const target = targetOf(attachment);
  const { ref, page } = await resolve(target);
  assertCan(actor, "attachment.delete", { ...ref, uploadedById: attachment.uploadedById });
  const gone = await db.$transaction(async (tx) => {
    await tx.attachment.delete({ where: { id } });
    // A document whose only version goes, goes with it.
    if (
      attachment.documentId !== null &&
      (await tx.attachment.count({ where: { documentId: attachment.documentId } })) === 0
    )
      await tx.groupDocument.delete({ where: { id: attachment.documentId } });
    if (attachment.ideaId !== null) {
      const next = await tx.attachment.findFirst({
        where: { ideaId: attachment.ideaId, file: { mime: { startsWith: "image/" } } },
        orderBy: { createdAt: "asc" },
        select: { id: true },
      });
      await tx.idea.update({ where: { id: attachment.ideaId }, data: { coverId: next?.id ?? null } });
    }
    return forgetUnused(tx, [attachment.fileHash]);
  });
  await removeFiles(gone);
  return { page, name: attachment.name };
}

/** The stored files among `hashes` that nothing refers to any more: their rows go, their paths are returned. */
async function forgetUnused(tx: Tx, hashes: string[]) {
  const gone: string[] = [];
  for (const hash of new Set(hashes)) {
    if ((await tx.attachment.count({ where: { fileHash: hash } })) > 0) continue;
    const file = await tx.storedFile.delete({ where: { hash }, select: { thumbHash: true } });
    gone.push(hash, ...(file.thumbHash ? [file.thumbHash] : []));
  }
  return gone;
}

async function removeFiles(hashes: string[]) {
  await Promise.all(hashes.map((hash) => remove(hash)));
}

function targetOf(attachment: {
  ideaId: number | null;
  objectiveId: number | null;
  updateId: string | null;
  documentId: string | null;
}): Target {
  if (attachment.ideaId !== null) return { kind: "idea", id: attachment.ideaId };
  if (attachment.objectiveId !== null) return { kind: "objective", id: attachment.objectiveId };
  if (attachment.updateId !== null) return { kind: "update", id: attachment.updateId };
  return { kind: "document", id: attachment.documentId! };
}

export const viewSelect = {
  id: true,
  name: true,
  createdAt: true,
  uploadedById: true,
  ideaId: true,
  objectiveId: true,
  updateId: true,
  documentId: true,
  file: { select: { mime: true, size: true, width: true, height: true } },
  uploadedBy: { select: { displayName: true } },
} as const;

/** An attachment row (read with `viewSelect`) as the pages show it, with whether this person may remove it. */
export function toView(
  actor: Actor,
  ref: AttachTarget,
  row: {
    id: string;
    name: string;
    createdAt: Date;
    uploadedById: string | null;
    updateId: string | null;
    file: { mime: string; size: number; width: number | null; height: number | null };
    uploadedBy: { displayName: string } | null;
  },
): AttachmentView {
  return {
    id: row.id,
    name: row.name,
    mime: row.file.mime,
    size: row.file.size,
    image: row.file.mime.startsWith("image/"),
    width: row.file.width,
    height: row.file.height,
    uploader: row.uploadedBy?.displayName ?? null,
    createdAt: row.createdAt,
    updateId: row.updateId,
    canDelete: can(actor, "attachment.delete", { ...ref, uploadedById: row.uploadedById }),
  };
}

/** A page's attachments, oldest first, with whether this person may remove each. */
export async function listAttachments(
  actor: Actor,
  owner: { ideaId: number } | { objectiveId: number } | { updateId: { in: string[] } },
  ref: AttachTarget,
): Promise<AttachmentView[]> {
  const rows = await db.attachment.findMany({ where: owner, orderBy: { createdAt: "asc" }, select: viewSelect });
  return rows.map((row) => toView(actor, ref, row));
}

/**
 * A file to send: the attachment's bytes (or its thumbnail), for a signed-in person who may see
 * the page it belongs to (every page with attachments is open to every colleague). 404 otherwise.
 */
export async function fileForDownload(actor: Actor, id: string, thumbnail: boolean) {
  assertCan(actor, "intranet.read");
  const attachment = await db.attachment.findUnique({
    where: { id },
    select: { name: true, file: { select: { hash: true, mime: true, size: true, thumbHash: true } } },
  });
  if (!attachment) httpError(404);
  const { file } = attachment;
  if (thumbnail && !file.thumbHash) httpError(404);
  return {
    path: pathOf(thumbnail ? file.thumbHash! : file.hash),
    name: attachment.name,
    mime: thumbnail ? "image/webp" : file.mime,
    image: file.mime.startsWith("image/"),
  };
}
