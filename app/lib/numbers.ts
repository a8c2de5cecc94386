import type { Locale } from "./i18n";

/** A number as the pages write it: one decimal at most, Italian or English separators. */
export function formatNumber(value: number, locale: Locale) {
  return new Intl.NumberFormat(locale === "it" ? "it-IT" : "en-GB", { maximumFractionDigits: 1 }).format(value);
}
