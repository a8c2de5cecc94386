/**
 * Turns what a person typed into a safe FTS5 query: only letters and digits survive, each
 * word is quoted (so quotes, AND, NEAR, *, : and parentheses mean nothing) and matched as a
 * prefix. `mode: "all"` finds ideas with every word (search), `"any"` with some (similar ideas).
 */
export function ftsQuery(input: string, mode: "all" | "any" = "all"): string | null {
  const words = (input.normalize("NFC").match(/[\p{L}\p{N}]+/gu) ?? [])
    .map((word) => word.toLowerCase())
    .filter((word) => mode === "all" || word.length >= 4)
    .slice(0, 12);
  if (words.length === 0) return null;
  const terms = [...new Set(words)].map((word) => `"${word}"*`);
  return terms.join(mode === "all" ? " " : " OR ");
}

/** Markers the database puts around matched words in snippets (never typed by anyone). */
export const MARK_START = "\u0002";
export const MARK_END = "\u0003";

/** Splits a snippet into plain and highlighted parts, for rendering without any HTML. */
export function highlightParts(snippet: string): { text: string; mark: boolean }[] {
  const parts: { text: string; mark: boolean }[] = [];
  for (const [index, chunk] of snippet.split(MARK_START).entries()) {
    if (index === 0) {
      if (chunk) parts.push({ text: chunk.replaceAll(MARK_END, ""), mark: false });
      continue;
    }
    const [marked = "", rest = ""] = chunk.split(MARK_END);
    if (marked) parts.push({ text: marked, mark: true });
    if (rest) parts.push({ text: rest, mark: false });
  }
  return parts;
}
