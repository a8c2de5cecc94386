import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { once } from "node:events";
import {
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { tmpPath, type ReceivedFile } from "~/lib/files.server";
import type { Message } from "~/lib/i18n";

/**
 * Files sent with a form (multipart), streamed to the upload folder as they arrive, never held in
 * memory. The limits are checked while reading: the file past the count is refused before any of
 * its bytes are read, a file past the size as soon as it passes it; either way every file
 * received so far is removed, as it is when the connection drops half-way.
 */

/** Refused, `fields` still holds the text fields that came before the refused file. */
export type Upload =
  | { ok: true; fields: FormData; files: ReceivedFile[] }
  | { ok: false; problem: Message; status: 400 | 413; fields: FormData };

class Refused extends Error {
  constructor(
    readonly problem: Message,
    readonly status: 400 | 413,
  ) {
    super(problem.key);
  }
}

export function isMultipart(request: Request) {
  return (request.headers.get("content-type") ?? "").startsWith("multipart/form-data");
}

export async function readUpload(
  request: Request,
  limits: { maxFiles: number; maxFileBytes: number; field?: string; perPage?: number },
): Promise<Upload> {
  const files: ReceivedFile[] = [];
  const written: string[] = [];
  const field = limits.field ?? "file";
  const toDisk: UploadHandler = async ({ name, filename, data }) => {
    if (name !== field || filename === undefined) return undefined;
    // A form sent with no file chosen still carries an empty part.
    if (filename === "") {
      for await (const chunk of data) if (chunk.length > 0) break;
      return undefined;
    }
    if (files.length >= limits.maxFiles)
      throw new Refused({ key: "files.tooMany", params: { max: limits.perPage ?? limits.maxFiles } }, 400);
    const target = await tmpPath();
    written.push(target);
    const out = createWriteStream(target);
    // The stream's own errors are kept, never left unheard: a write still in flight when the file
    // is refused (and the stream destroyed) reports one after the fact, and an 'error' event
    // without a listener would stop the whole server (seen in CI: ERR_STREAM_DESTROYED).
    let broken: Error | null = null;
    out.on("error", (error) => (broken ??= error));
    let size = 0;
    try {
      for await (const chunk of data) {
        if (broken) throw broken;
        size += chunk.length;
        if (size > limits.maxFileBytes)
          throw new Refused(
            { key: "files.tooBig", params: { name: filename, mb: Math.round(limits.maxFileBytes / 1048576) } },
            413,
          );
        if (!out.write(chunk)) await once(out, "drain");
      }
      out.end();
      await once(out, "close");
      if (broken) throw broken;
    } catch (error) {
      out.destroy();
      throw error;
    }
    if (size > 0) files.push({ path: target, name: filename, size });
    return filename;
  };
  // The text fields read so far are kept aside: a form refused for its file comes back with
  // what the person wrote (a new idea's text, say) instead of empty.
  const seen = new FormData();
  const inMemory = unstable_createMemoryUploadHandler({ maxPartSize: 64 * 1024 });
  const text: UploadHandler = async (part) => {
    const value = await inMemory(part);
    if (typeof value === "string") seen.append(part.name, value);
    return value;
  };
  try {
    const fields = await unstable_parseMultipartFormData(request, unstable_composeUploadHandlers(toDisk, text));
    return { ok: true, fields, files };
  } catch (error) {
    await discard(written);
    if (error instanceof Refused) return { ok: false, problem: error.problem, status: error.status, fields: seen };
    // A field past 64 KB, or a body that stopped half-way.
    return { ok: false, problem: { key: "files.broken" }, status: 400, fields: seen };
  }
}

/** Received files that will not be kept (a form sent back to be corrected). */
export async function discardReceived(files: ReceivedFile[]) {
  await discard(files.map((file) => file.path));
}

async function discard(paths: string[]) {
  await Promise.all(paths.map((file) => rm(file, { force: true })));
}
