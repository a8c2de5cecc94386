import { randomBytes } from "node:crypto";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";

/**
 * The fragments the server keeps (components/cached-fragment.tsx, drawn by
 * lib/kept-fragment.server.tsx; entry.server.tsx gives each render its store), as UTF-8
 * bytes: a kept fragment goes out in the response as it is kept, never encoded or copied again
 * (encoding the crono-programma's 200 KB of markup was a quarter of its request). Most recently used last, up
 * to MAX_BYTES in all: a few views of the crono-programma, in each language and filter. One entry
 * per part: drawn again for a newer version, it replaces the old.
 */
const MAX_BYTES = 8 * 1024 * 1024;
const kept = new Map<string, { version: string; markup: Buffer }>();
let bytes = 0;

function keptFragment(name: string, version: string, render: () => ReactElement): Buffer {
  const hit = kept.get(name);
  if (hit) {
    kept.delete(name);
    bytes -= hit.markup.length;
  }
  const markup = hit?.version === version ? hit.markup : ownBytes(renderToStaticMarkup(render()));
  kept.set(name, { version, markup });
  bytes += markup.length;
  for (const [oldest, value] of kept) {
    if (bytes <= MAX_BYTES || oldest === name) break;
    kept.delete(oldest);
    bytes -= value.markup.length;
  }
  return markup;
}

/**
 * The markup's bytes in memory of their own. `Buffer.from` takes a short text's bytes from a
 * shared pool (slabs of 64 KB in Node 24): a kept card of 1 KB would hold its whole slab, and the
 * store holds hundreds of cards and comments.
 */
function ownBytes(markup: string): Buffer {
  const own = Buffer.allocUnsafeSlow(Buffer.byteLength(markup));
  own.write(markup);
  return own;
}

/**
 * Where a kept fragment goes in the page: a comment no page's content can contain (React escapes
 * every "<" of text and attributes; markdown is rendered without raw HTML), with this process's
 * own random word in it.
 */
const MARK = `pionieri-fragment-${randomBytes(6).toString("hex")}`;
const MARKS = new RegExp(`<!--${MARK}:(\\d+)-->`);

/** A store for one render, and how to turn that render's HTML into the response's bytes. */
export function fragmentsForRender() {
  const parts: Buffer[] = [];
  return {
    store(name: string, version: string, render: () => ReactElement): string {
      parts.push(keptFragment(name, version, render));
      return `<!--${MARK}:${parts.length - 1}-->`;
    },
    /**
     * The page as a body of bytes, each mark replaced by its fragment: the kept fragments go out
     * as they are kept, never copied into one buffer per response (the crono-programma's 200 KB
     * were copied twice per request, once here and once by `Response`, which copies a buffer it
     * is given; decision 0044).
     */
    body(html: string): ReadableStream<Uint8Array> {
      // split() with a group alternates: text, index, text, index, …, text.
      const pieces = parts.length === 0 ? [html] : html.split(MARKS);
      return new ReadableStream<Uint8Array>({
        start(controller) {
          pieces.forEach((piece, i) => {
            if (i % 2 === 1) controller.enqueue(parts[Number(piece)]!);
            else if (piece) controller.enqueue(Buffer.from(piece));
          });
          controller.close();
        },
      });
    },
  };
}
