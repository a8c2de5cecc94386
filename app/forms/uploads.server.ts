import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { once } from "node:events";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import Busboy, { type BusboyFileStream } from "@fastify/busboy";
import { tmpPath, type ReceivedFile } from "~/lib/files.server";
import type { Message } from "~/lib/i18n";

/**
 * Files sent with a form (multipart), streamed to the upload folder as they arrive, never held in
 * memory. The limits are checked while reading: the file past the count is refused before any of
 * its bytes are read, a file past the size as soon as it passes it; either way every file
 * received so far is removed, as it is when the connection drops half-way.
 *
 * Parsed by busboy (decision 0033): Remix's own parser copied every chunk two or three times,
 * and sixteen colleagues sending 20 MB each left some 60 MB of garbage to the allocator.
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

/** A text field is a title or a description: past this, the form is not ours. */
const FIELD_BYTES = 64 * 1024;

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
  // The text fields read so far are kept aside: a form refused for its file comes back with
  // what the person wrote (a new idea's text, say) instead of empty.
  const fields = new FormData();
  let started = 0;

  /** One file to the upload folder, its size counted as it comes. */
  async function save(data: BusboyFileStream, filename: string, slot: number) {
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
      for await (const chunk of data as AsyncIterable<Buffer>) {
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
      // Closed before it is removed: a file still being opened would otherwise appear after.
      out.destroy();
      if (!out.closed) await once(out, "close");
      throw error;
    }
    // In the order sent, whichever is written first.
    if (size > 0) files[slot] = { path: target, name: filename, size };
    fields.append(field, filename);
  }

  const type = request.headers.get("content-type") ?? "";
  let failure: unknown = null;
  const saving: Promise<void>[] = [];
  try {
    if (!request.body) throw new Error("no body");
    const parser = Busboy({ headers: { "content-type": type }, limits: { fieldSize: FIELD_BYTES } });
    const input = Readable.fromWeb(request.body as WebReadableStream<Uint8Array>);
    const reading = new Set<BusboyFileStream>();
    await new Promise<void>((resolve, reject) => {
      // The first problem stops the reading.
      const stop = (error: unknown) => {
        failure ??= error;
        // The rest of the body is left unread (server.ts reads it away once the answer is sent): the
        // person's browser then gets the answer, not a connection cut while it still sends.
        input.unpipe(parser);
        // A file still being written would wait for bytes that no longer come.
        for (const data of reading) data.destroy();
        reject(failure);
      };
      parser.on("field", (name, value, _nameTruncated, valueTruncated) => {
        if (valueTruncated) stop(new Error("field too long"));
        else fields.append(name, value);
      });
      parser.on("file", (name, data, filename) => {
        // Its errors reach us through the reading below or through the parser: never unheard.
        data.on("error", () => undefined);
        // Another file field, or a form sent with no file chosen (an empty part): not read.
        if (name !== field || !filename) return void data.resume();
        if (started >= limits.maxFiles) {
          data.resume();
          return stop(new Refused({ key: "files.tooMany", params: { max: limits.perPage ?? limits.maxFiles } }, 400));
        }
        started += 1;
        reading.add(data);
        saving.push(
          save(data, filename, started - 1)
            .catch((error: unknown) => stop(error))
            .finally(() => reading.delete(data)),
        );
      });
      parser.on("finish", () => void Promise.all(saving).then(() => (failure ? reject(failure) : resolve())));
      parser.on("error", stop);
      input.on("error", stop);
      input.pipe(parser);
    });
    return { ok: true, fields, files: files.filter(Boolean) };
  } catch (error) {
    await Promise.allSettled(saving);
    await discard(written);
    const reason = failure ?? error;
    if (reason instanceof Refused) return { ok: false, problem: reason.problem, status: reason.status, fields };
    // A field past 64 KB, a body that is not multipart, or one that stopped half-way.
    return { ok: false, problem: { key: "files.broken" }, status: 400, fields };
  }
}

/** Received files that will not be kept (a form sent back to be corrected). */
export async function discardReceived(files: ReceivedFile[]) {
  await discard(files.map((file) => file.path));
}

async function discard(paths: string[]) {
  await Promise.all(paths.map((file) => rm(file, { force: true })));
}
