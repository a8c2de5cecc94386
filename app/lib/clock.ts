import { formatDate, romeOffsetMinutes } from "./dates";
import type { Locale } from "./i18n";

/**
 * Clock times in Rome: a meeting's start and end (issue 23). Apart from dates.ts, which every
 * page's JavaScript carries: only the meetings' pages (drawn on the server) and the notices need these.
 */
const TIME_ZONE = "Europe/Rome";

/**
 * The instant a clock in Rome shows `time` (HH:MM) on `day`. The offset is read at the UTC guess
 * and again at the corrected instant, so a time just after the clocks change is still right; a
 * time the spring change skips (02:30 on its night) comes out an hour later, as clocks show it.
 */
export function romeInstant(day: string, time: string): Date {
  const guess = new Date(`${day}T${time}:00Z`);
  const first = new Date(guess.getTime() - romeOffsetMinutes(guess) * 60_000);
  return new Date(guess.getTime() - romeOffsetMinutes(first) * 60_000);
}

const clockFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The time (HH:MM) a clock in Rome shows at an instant. */
export function romeClock(value: Date | string | number): string {
  return clockFormat.format(new Date(value));
}

/** When a meeting is: "28 ottobre 2026, 10:00–11:30" (Rome's clock). */
export function meetingWhen(startsAt: Date | string, endsAt: Date | string, locale: Locale): string {
  return `${formatDate(startsAt, locale)}, ${romeClock(startsAt)}–${romeClock(endsAt)}`;
}
