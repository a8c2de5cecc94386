import type { Locale } from "./i18n";

/** Every date the app shows is in Rome's time, whatever the server's or the browser's zone. */
export const TIME_ZONE = "Europe/Rome";

const intlLocale: Record<Locale, string> = { it: "it-IT", en: "en-GB" };

const styles = {
  date: { day: "numeric", month: "long", year: "numeric" },
  short: { day: "2-digit", month: "2-digit", year: "numeric" },
  dateTime: { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateStyle = keyof typeof styles;

const cache = new Map<string, Intl.DateTimeFormat>();

/** The one date formatter: server and browser render the same text, so hydration agrees. */
export function formatDate(value: Date | string | number, locale: Locale, style: DateStyle = "date"): string {
  const key = `${locale}:${style}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale[locale], { ...styles[style], timeZone: TIME_ZONE });
    cache.set(key, format);
  }
  return format.format(new Date(value));
}

/** The calendar day in Rome (YYYY-MM-DD) on which an instant falls. */
export function romeDay(value: Date | string | number): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(value));
  return parts;
}
