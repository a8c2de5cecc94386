import type { MessageKey } from "./it";
import { core } from "./messages/core";

export type { MessageKey };
export const LOCALES = ["it", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "it";

/**
 * Italian is the reference and always here: its core at once, each other part of it when the
 * route or component using it is loaded (messages/*.ts call addItalian). Other languages are
 * registered when needed: the server registers them all at start (entry.server.tsx), the browser
 * loads the page's language before hydrating (entry.client.tsx), so no page ships a language it
 * does not show.
 */
const italian: Partial<Record<MessageKey, string>> = { ...core };
const catalogues: Partial<Record<Locale, Partial<Record<MessageKey, string>>>> = { it: italian };

/** Adds a part of the Italian catalogue (messages/*.ts do it when they are loaded). */
export function addItalian(messages: Partial<Record<MessageKey, string>>) {
  Object.assign(italian, messages);
}

export function registerCatalogue(locale: Locale, messages: Record<MessageKey, string>) {
  if (locale === "it") addItalian(messages);
  else catalogues[locale] = messages;
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

/** A key whose text in `locale` is here (on the server: every key; in the browser: the parts loaded). */
export function isMessageKey(value: unknown, locale: Locale = DEFAULT_LOCALE): value is MessageKey {
  return typeof value === "string" && Object.hasOwn(catalogues[locale] ?? italian, value);
}

export function translator(locale: Locale): Translate {
  const catalogue = catalogues[locale] ?? italian;
  return (key, params) => {
    const template = catalogue[key] ?? italian[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      Object.hasOwn(params, name) ? String(params[name]) : whole,
    );
  };
}

/** A message to show later (flash, field error): a key and its parameters, translated at render. */
export type Message = { key: MessageKey; params?: MessageParams };
