import MarkdownIt from "markdown-it";

/**
 * The one Markdown renderer of Pionieri. Raw HTML is escaped (html: false), `javascript:`,
 * `vbscript:`, `file:` and `data:` links are refused by markdown-it's validateLink, images are
 * not rendered (no remote content, no tracking pixels), links get rel="nofollow noopener
 * noreferrer", and `@nome.cognome` becomes a link to that colleague when they exist.
 */
const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
md.disable(["image"]);

const MENTION = /^@([a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?)/i;

/** A mentioned colleague: handle (the e-mail's local part) → display name. */
export type Mentions = ReadonlyMap<string, string>;

md.inline.ruler.after("emphasis", "mention", (state, silent) => {
  if (state.src.charCodeAt(state.pos) !== 0x40 /* @ */) return false;
  const before = state.pos > 0 ? state.src[state.pos - 1]! : " ";
  if (/[\p{L}\p{N}._-]/u.test(before)) return false;
  const match = MENTION.exec(state.src.slice(state.pos));
  const mentions = (state.env as { mentions?: Mentions }).mentions;
  const handle = match?.[1]?.toLowerCase();
  if (!match || !handle || !mentions?.has(handle)) return false;
  if (!silent) {
    const open = state.push("link_open", "a", 1);
    open.attrs = [
      ["href", `/persone/${encodeURIComponent(handle)}`],
      ["class", "mention"],
      ["title", mentions.get(handle)!],
    ];
    const text = state.push("text", "", 0);
    text.content = `@${handle}`;
    state.push("link_close", "a", -1);
  }
  state.pos += match[0].length;
  return true;
});

/**
 * Guards the link rule against quadratic work: markdown-it scans ahead for the "]" of every "[",
 * so 100,000 unclosed brackets take seconds. One pass marks the brackets that have a balanced
 * closer (escapes skipped; a "]" inside code still counts, which only means "try as usual");
 * the others cannot start a link and are taken as text straight away.
 */
function closedBrackets(src: string) {
  const closed = new Set<number>();
  const open: number[] = [];
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === 0x5c /* \ */) i += 1;
    else if (c === 0x5b /* [ */) open.push(i);
    else if (c === 0x5d /* ] */ && open.length) closed.add(open.pop()!);
  }
  return closed;
}
const bracketCache = new WeakMap<object, { src: string; closed: Set<number> }>();
md.inline.ruler.before("link", "unclosed_bracket", (state, silent) => {
  if (state.src.charCodeAt(state.pos) !== 0x5b /* [ */) return false;
  let entry = bracketCache.get(state.env as object);
  if (!entry || entry.src !== state.src) {
    entry = { src: state.src, closed: closedBrackets(state.src) };
    bracketCache.set(state.env as object, entry);
  }
  if (entry.closed.has(state.pos)) return false;
  if (!silent) state.pending += "[";
  state.pos += 1;
  return true;
});

const defaultLinkOpen =
  md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  if (token.attrGet("class") !== "mention") token.attrSet("rel", "nofollow noopener noreferrer");
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Handles written as @nome.cognome in a text (lower-cased, without duplicates). */
export function mentionedHandles(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/(^|[^\p{L}\p{N}._-])@([a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?)/giu)) {
    found.add(match[2]!.toLowerCase());
    if (found.size >= 20) break;
  }
  return [...found];
}

export function renderMarkdown(text: string, mentions: Mentions = new Map()): string {
  return md.render(text, { mentions });
}
