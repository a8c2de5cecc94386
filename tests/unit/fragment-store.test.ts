import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { fragmentsForRender } from "~/lib/fragment-store.server";

async function chunksOf(stream: ReadableStream<Uint8Array>) {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
  return chunks;
}

/** The kept fragments (decisions 0033, 0048): what a page gets, and what the store holds. */
describe("kept fragments", () => {
  it("put the kept markup where the page marks it, drawn again only for a newer version", async () => {
    let drawn = 0;
    const draw = (text: string) => () => {
      drawn += 1;
      return createElement("p", { className: "card" }, text);
    };
    const page = async (version: string, text: string) => {
      const fragments = fragmentsForRender();
      const mark = fragments.store("test|card", version, draw(text));
      const chunks = await chunksOf(fragments.body(`<main>${mark}</main>`));
      return { html: Buffer.concat(chunks).toString("utf8"), kept: chunks[1]! };
    };
    expect((await page("1", "prima")).html).toBe('<main><p class="card">prima</p></main>');
    // The same version: the kept drawing, not the new text.
    expect((await page("1", "seconda")).html).toBe('<main><p class="card">prima</p></main>');
    expect(drawn).toBe(1);
    const newer = await page("2", "seconda");
    expect(newer.html).toBe('<main><p class="card">seconda</p></main>');
    expect(drawn).toBe(2);
    // A short fragment holds memory of its own, not a slice of Buffer's shared pool (64 KB slabs),
    // which a kept card of a few hundred bytes would otherwise keep whole.
    expect(newer.kept.byteLength).toBe(Buffer.byteLength('<p class="card">seconda</p>'));
    expect(newer.kept.buffer.byteLength).toBe(newer.kept.byteLength);
  });
});
