import { it, type MessageKey } from "./it";

export type { MessageKey };
export const LOCALES = ["it", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "it";

/**
 * Italian is the reference and always here. Other languages are registered when needed: the
 * server registers them all at start (entry.server.tsx), the browser loads the page's language
 * before hydrating (entry.client.tsx), so no page ships a language it does not show.
 */
const catalogues: Partial<Record<Locale, Record<MessageKey, string>>> = { it };

export function registerCatalogue(locale: Locale, messages: Record<MessageKey, string>) {
  catalogues[locale] = messages;
}

export function hasCatalogue(locale: Locale) {
  return catalogues[locale] !== undefined;
}

/** Loads a language's messages (a separate chunk in the browser). */
export async function loadCatalogue(locale: Locale) {
  if (hasCatalogue(locale)) return;
  if (locale === "en") registerCatalogue("en", (await import("./en")).en);
}

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === "string" && Object.hasOwn(it, value);
}

export function translator(locale: Locale): Translate {
  const catalogue = catalogues[locale] ?? it;
  return (key, params) => {
    const template = catalogue[key] ?? it[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      Object.hasOwn(params, name) ? String(params[name]) : whole,
    );
  };
}

/** A message to show later (flash, field error): a key and its parameters, translated at render. */
export type Message = { key: MessageKey; params?: MessageParams };
