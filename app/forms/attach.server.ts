import {
  ATTACHMENT_LIMITS,
  attachFiles,
  attachRoom,
  deleteAttachment,
  MAX_FILE_BYTES,
  type Target,
} from "~/domain/attachments.server";
import type { Actor } from "~/lib/actor";
import { redirectWithFlash } from "~/lib/flash.server";
import { field } from "~/lib/forms";
import { invalid } from "~/lib/forms.server";
import { readUpload } from "./uploads.server";

/**
 * The pages' two attachment actions. Uploading: who may attach and how many files the page
 * still takes are settled before the body is read (403, 404), then the files stream to disk
 * within the limits, then they are checked and attached, or refused with the reason (4xx, the
 * form "attach") and nothing kept.
 */
export async function receiveAttachments(actor: Actor, target: Target, request: Request) {
  const room = await attachRoom(actor, target);
  const upload = await readUpload(request, {
    maxFiles: room.files,
    maxFileBytes: MAX_FILE_BYTES,
    perPage: ATTACHMENT_LIMITS.perPage,
  });
  if (!upload.ok) return invalid({}, {}, { status: upload.status, formError: upload.problem, form: "attach" });
  const result = await attachFiles(actor, target, upload.files);
  if (!result.ok) return invalid({}, {}, { status: result.status, formError: result.problem, form: "attach" });
  return redirectWithFlash(result.page, "files.uploaded", { count: result.count });
}

/** Removing one, once the box is ticked. */
export async function removeAttachment(actor: Actor, form: FormData) {
  const id = field(form, "attachmentId");
  if (field(form, "confirm") !== "1")
    return invalid({ confirm: { key: "v.confirmRequired" } }, {}, { form: `delete-file-${id}` });
  const { page, name } = await deleteAttachment(actor, id);
  return redirectWithFlash(page, "files.deleted", { name });
}
