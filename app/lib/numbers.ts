import type { Locale } from "./i18n";

/** One formatter per language, made once: making one is most of the cost of formatting a number. */
const formatters = new Map<Locale, Intl.NumberFormat>();

/** A number as the pages write it: one decimal at most, Italian or English separators. */
export function formatNumber(value: number, locale: Locale) {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale === "it" ? "it-IT" : "en-GB", { maximumFractionDigits: 1 });
    formatters.set(locale, formatter);
  }
  return formatter.format(value);
}
