import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readUpload } from "~/forms/uploads.server";
import { env } from "~/lib/env.server";

/**
 * A file refused for its size while its earlier pieces are still being written: the upload's
 * stream is destroyed with a write in flight and another waiting, which makes Node report an
 * error after the fact. Unheard, that error stopped the whole server (a CI run lost the
 * attachments file's server to ERR_STREAM_DESTROYED); vitest fails a run with an uncaught error.
 */
const BOUNDARY = "----pionieri-prova";

function multipart(fileBytes: number, piece = 4096) {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="title"\r\n\r\nUn'idea con un file enorme\r\n` +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="enorme.pdf"\r\n` +
      `Content-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === 0) controller.enqueue(head);
      if (sent >= fileBytes) {
        controller.enqueue(tail);
        controller.close();
        return;
      }
      const size = Math.min(piece, fileBytes - sent);
      controller.enqueue(Buffer.alloc(size, sent % 251));
      sent += size;
    },
  });
}

const uploadFolder = () => path.join(path.resolve(env.filesDir), "tmp");

describe("readUpload, a file past its limit", () => {
  it("is refused with 413 and the text before it, leaves nothing behind and never stops the process", async () => {
    for (let round = 0; round < 25; round++) {
      const request = new Request("http://localhost/idee/nuova", {
        method: "POST",
        headers: { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}` },
        body: multipart(400 * 1024),
        duplex: "half",
      } as RequestInit);
      const upload = await readUpload(request, { maxFiles: 10, maxFileBytes: 100 * 1024 });
      expect(upload.ok).toBe(false);
      if (upload.ok) continue;
      expect(upload.status).toBe(413);
      expect(upload.problem.key).toBe("files.tooBig");
      expect(upload.fields.get("title")).toBe("Un'idea con un file enorme");
    }
    // Errors reported after the fact arrive on a later turn: give them time to surface.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(existsSync(uploadFolder()) ? readdirSync(uploadFolder()) : []).toEqual([]);
  });
});
