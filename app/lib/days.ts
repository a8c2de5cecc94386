import { romeDay } from "./dates";

/**
 * Calendar days as "YYYY-MM-DD" strings. Planned dates of the crono-programma are days in
 * Rome, not instants: storing and comparing them as text keeps them free of time zones and
 * of the days the clocks change.
 */
export type Day = string;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day in the form YYYY-MM-DD (2026-02-30 is not one). */
export function isDay(value: string): value is Day {
  const match = DAY.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  if (y < 2000 || y > 2100) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * A day's midnight in UTC, as milliseconds. Read by position, without splitting: the timeline calls it for every bar.
 */
function toUtc(day: Day) {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

function fromUtc(ms: number): Day {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: Day, days: number): Day {
  return fromUtc(toUtc(day) + days * 86_400_000);
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
}

/** Today in Rome. */
export function today(now: Date = new Date()): Day {
  return romeDay(now);
}

export function startOfMonth(day: Day): Day {
  return `${day.slice(0, 7)}-01`;
}

export function addMonths(day: Day, months: number): Day {
  const [y, m] = day.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

/** Day of the week, Monday 0 to Sunday 6. */
function weekdayOf(day: Day): number {
  return (new Date(toUtc(day)).getUTCDay() + 6) % 7;
}

/** Monday of the week a day belongs to. */
export function weekOf(day: Day): Day {
  return addDays(day, -weekdayOf(day));
}

/**
 * An instant inside the calendar day (noon UTC, which is the same day in Rome all year): what a
 * date formatter is given to write a day, without ever falling on the day before.
 */
export function dayInstant(day: Day): Date {
  return new Date(toUtc(day) + 12 * 3_600_000);
}
