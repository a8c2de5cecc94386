import type { Locale } from "./i18n";

/** Every date the app shows is in Rome's time, whatever the server's or the browser's zone. */
const TIME_ZONE = "Europe/Rome";

const intlLocale: Record<Locale, string> = { it: "it-IT", en: "en-GB" };

const styles = {
  date: { day: "numeric", month: "long", year: "numeric" },
  short: { day: "2-digit", month: "2-digit", year: "numeric" },
  dateTime: { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateStyle = keyof typeof styles;

const cache = new Map<string, Intl.DateTimeFormat>();

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/**
 * Texts already made, by hour for a day and by minute for a time: Rome's offset is a whole number
 * of hours and changes only on the hour, so every instant of one UTC hour falls on the same day in
 * Rome, and every instant of one UTC minute on the same minute. A page of a hundred dates asks
 * Intl a few times instead of a hundred (Intl was a tenth of the crono-programma's CPU, and a
 * thirtieth of an idea page's, whose comments show their time). Bounded: emptied past 20,000 entries.
 */
const made = new Map<string, string>();
function remember(key: string, make: () => string): string {
  let text = made.get(key);
  if (text === undefined) {
    if (made.size >= 20_000) made.clear();
    text = make();
    made.set(key, text);
  }
  return text;
}

function makeFormat(key: string, locale: Locale, style: DateStyle) {
  const format = new Intl.DateTimeFormat(intlLocale[locale], { ...styles[style], timeZone: TIME_ZONE });
  cache.set(key, format);
  return format;
}

/** The one date formatter: server and browser render the same text, so hydration agrees. */
export function formatDate(value: Date | string | number, locale: Locale, style: DateStyle = "date"): string {
  const key = `${locale}:${style}`;
  const format = cache.get(key) ?? makeFormat(key, locale, style);
  const instant = new Date(value);
  const time = instant.getTime();
  if (Number.isNaN(time)) return format.format(instant);
  const unit = style === "dateTime" ? MINUTE_MS : HOUR_MS;
  return remember(`${key}:${Math.floor(time / unit)}`, () => format.format(instant));
}

/** A calendar day (YYYY-MM-DD) as the reader writes it: the formatter's own style, no time. */
export function formatDay(day: string, locale: Locale, style: Exclude<DateStyle, "dateTime"> = "date"): string {
  return formatDate(`${day}T12:00:00Z`, locale, style);
}

// Making an Intl.DateTimeFormat costs far more than using one: each is made once.
const dayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
const offsetFormat = new Intl.DateTimeFormat("en-US", { timeZone: TIME_ZONE, timeZoneName: "longOffset" });

/** The calendar day in Rome (YYYY-MM-DD) on which an instant falls. */
export function romeDay(value: Date | string | number): string {
  const instant = new Date(value);
  const time = instant.getTime();
  if (Number.isNaN(time)) return dayFormat.format(instant);
  return remember(`day:${Math.floor(time / HOUR_MS)}`, () => dayFormat.format(instant));
}

/** Rome's offset from UTC, in minutes, at an instant (60 in winter, 120 in summer). */
export function romeOffsetMinutes(instant: Date): number {
  const name = offsetFormat.formatToParts(instant).find((part) => part.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/**
 * The first and last instant of a calendar day in Rome. The clocks change at night, so the
 * offset at 00:00 UTC is the one of the day's start and the offset at 12:00 UTC that of its end.
 */
export function romeDayBounds(day: string): { start: Date; end: Date } {
  const startGuess = new Date(`${day}T00:00:00Z`);
  const noon = new Date(`${day}T12:00:00Z`);
  return {
    start: new Date(startGuess.getTime() - romeOffsetMinutes(startGuess) * 60_000),
    end: new Date(new Date(`${day}T23:59:59Z`).getTime() - romeOffsetMinutes(noon) * 60_000),
  };
}

/** The hour (0–23) an instant shows on a clock in Rome. */
export function romeHour(value: Date | string | number): number {
  const instant = new Date(value);
  return Math.floor((instant.getUTCHours() * 60 + instant.getUTCMinutes() + romeOffsetMinutes(instant)) / 60) % 24;
}

/** Minutes after midnight as a clock reads them: 545 → "09:05". */
export function clockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
