import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { fileForDownload } from "~/domain/attachments.server";
import { requireUser } from "~/lib/auth.server";
import { httpError } from "~/lib/http.server";

/** A download name that keeps its accents (RFC 6266 / 5987), with a plain ASCII fallback. */
function disposition(kind: "inline" | "attachment", name: string) {
  const ascii =
    name
      .normalize("NFD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\]/g, "_") || "file";
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * An attachment's bytes (`?anteprima=1`: its thumbnail), for signed-in colleagues only. Images
 * open in the browser; everything else is a download, never rendered as a page, and no answer
 * can be sniffed into another type (X-Content-Type-Options: nosniff, set for every answer in
 * server.ts).
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const thumbnail = new URL(request.url).searchParams.has("anteprima");
  const file = await fileForDownload(user.actor, params.id ?? "", thumbnail);
  const size = await stat(file.path).then(
    (info) => info.size,
    () => httpError(404),
  );
  return new Response(createReadableStreamFromReadable(createReadStream(file.path)), {
    headers: {
      "Content-Type": file.mime,
      "Content-Length": String(size),
      "Content-Disposition": disposition(file.image ? "inline" : "attachment", file.name),
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      // The bytes behind an id never change.
      "Cache-Control": "private, max-age=86400, immutable",
    },
  });
}
