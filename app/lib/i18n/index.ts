import type { MessageKey } from "./it";
import { coreMessages } from "./messages/core";

export type { MessageKey };
export const LOCALES = ["it", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "it";

/** Some of a catalogue's messages: a part of the Italian one (messages/*.ts). */
type Messages = { readonly [K in MessageKey]?: string };

/**
 * Italian is the reference. A page's JavaScript carries its core and the parts the page's routes
 * list in their handle (`handle = { messages: [ideas, forms] }`, read by `partsOf`), so no page
 * ships messages it cannot show; every other language is one whole catalogue, a chunk loaded
 * before hydrating an English page. The server registers every whole catalogue at start
 * (entry.server.tsx) for what it translates outside a page: flash messages, exports, e-mails.
 */
const whole: Partial<Record<Locale, Messages>> = {};

export function registerCatalogue(locale: Locale, messages: Record<MessageKey, string>) {
  whole[locale] = messages;
}

/** Loads a language's whole catalogue where it is not here yet (a separate chunk in the browser). */
export async function loadCatalogue(locale: Locale) {
  if (locale === "en" && !whole.en) registerCatalogue("en", (await import("./en")).en);
}

export function hasCatalogue(locale: Locale) {
  return locale === "it" || whole[locale] !== undefined;
}

/** What a route declares in its `handle`: the Italian parts its page shows besides the core. */
export type PageHandle = {
  messages?: readonly Messages[];
  /** The citizens' pages (issue 15): "public" hides the intranet's doors, "kiosk" every way out. */
  chrome?: "public" | "kiosk";
  /**
   * false: the page is drawn whole on the server (its charts and tables included) and its forms
   * work as plain HTML, so its document carries no JavaScript at all (decision 0022). The browser's
   * route table leaves it out: a click from a hydrated page loads it as a document (decision 0034).
   */
  hydrate?: false;
  /**
   * true: a hydrated page's form or fetcher calls this route (the support button on /idee posts to
   * the idea's page). The browser's route table lists only the routes it draws or calls; every
   * other address is asked of the server as a document (scripts/trim-manifest.mjs, routes/$.tsx).
   */
  calledFromHydratedPages?: true;
};

/** Whether the matched routes' document loads the app's JavaScript (see PageHandle.hydrate). */
export function hydrates(matches: readonly { handle?: unknown }[]): boolean {
  return !matches.some((match) => (match.handle as PageHandle | undefined)?.hydrate === false);
}

/** The parts the matched routes declare (root to leaf): the page's Italian catalogue besides the core. */
function partsOf(matches: readonly { handle?: unknown }[]): Messages[] {
  return matches.flatMap((match) => (match.handle as PageHandle | undefined)?.messages ?? []);
}

export type MessageParams = Record<string, string | number>;
export type Translate = ((key: MessageKey, params?: MessageParams) => string) & {
  /** Whether `key` is a message this translator has (a key handed over by the server, say). */
  has(key: unknown): key is MessageKey;
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

function makeTranslator(catalogue: Messages, fallback: Messages): Translate {
  const t = (key: MessageKey, params?: MessageParams) => {
    const template = catalogue[key] ?? fallback[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      Object.hasOwn(params, name) ? String(params[name]) : whole,
    );
  };
  return Object.assign(t, {
    has: (key: unknown): key is MessageKey => typeof key === "string" && Object.hasOwn(catalogue, key),
  });
}

/**
 * A translator for a page: Italian is the core and the page's parts, on the server as in the
 * browser, so a part a route forgot to list shows in the server's HTML too (and in the parts
 * test), not only after hydration.
 */
function pageTranslator(locale: Locale, parts: readonly Messages[]): Translate {
  const italian: Messages = Object.assign({}, coreMessages, ...parts);
  return makeTranslator(locale === "it" ? italian : (whole[locale] ?? italian), italian);
}

/** One translator per language and set of routes: a page's components and its title share it. */
const translators = new Map<string, Translate>();

/**
 * The translator of the page the matched routes draw: made once per language, catalogue loaded
 * or not, and routes (root to leaf), then reused by every component and by the page's title.
 */
export function pageTranslatorFor(locale: Locale, matches: readonly { id: string; handle?: unknown }[]): Translate {
  const key = `${locale}:${hasCatalogue(locale)}:${matches.map((match) => match.id).join(",")}`;
  let t = translators.get(key);
  if (!t) {
    t = pageTranslator(locale, partsOf(matches));
    translators.set(key, t);
  }
  return t;
}

/** A translator outside any page (the server's flash messages, exports, e-mails): the whole catalogue. */
export function translator(locale: Locale): Translate {
  const italian = whole.it ?? coreMessages;
  return makeTranslator(whole[locale] ?? italian, italian);
}

/** A message to show later (flash, field error): a key and its parameters, translated at render. */
export type Message = { key: MessageKey; params?: MessageParams };
