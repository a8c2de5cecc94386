import type { HeadersFunction, MetaDescriptor } from "@remix-run/node";
import { DEFAULT_LOCALE, isLocale, pageTranslatorFor, type MessageKey, type MessageParams } from "./i18n";

type Match = { id: string; data: unknown; handle?: unknown };

/** The page title in the reader's language: "<page> · Pionieri". */
export function pageTitle(matches: readonly Match[], key: MessageKey, params?: MessageParams): MetaDescriptor[] {
  const root = matches.find((match) => match.id === "root")?.data as { locale?: unknown } | undefined;
  const locale = isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE;
  const t = pageTranslatorFor(locale, matches);
  return [{ title: `${t(key, params)} · ${t("app.name")}` }];
}

/** Passes Retry-After from a 429 (thrown or returned) on to the document response. */
export const retryAfterHeaders: HeadersFunction = ({ errorHeaders, actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = errorHeaders?.get("Retry-After") ?? actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

/**
 * The citizens' pages (issue 15): never cached, never indexed, and a 429's Retry-After passed on.
 */
export const citizenHeaders: HeadersFunction = (args) => {
  const headers = new Headers(retryAfterHeaders(args));
  headers.set("Cache-Control", "no-store");
  headers.set("X-Robots-Tag", "noindex");
  return headers;
};
