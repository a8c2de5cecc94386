/**
 * The few pieces of iCalendar (RFC 5545) Pionieri writes: the personal feed (calendar.server.ts)
 * and the meetings' invitations (meetings-ics.server.ts). Written by hand, as the feed already was:
 * a handful of properties, where a library would bring a parser we do not need on the server;
 * the tests read what is written with a real parser (ical.js, docs/decisions/0031).
 */

export const escapeText = (text: string) =>
  text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");

/** Lines are folded at 75 octets, never inside a character. */
function fold(line: string) {
  if (Buffer.byteLength(line, "utf8") <= 75) return line;
  const parts: string[] = [];
  let rest = line;
  while (Buffer.byteLength(rest, "utf8") > 75) {
    let cut = 75;
    while (Buffer.byteLength(rest.slice(0, cut), "utf8") > 75) cut--;
    parts.push(rest.slice(0, cut));
    // The continuation starts with a space, which counts toward its own 75 octets.
    rest = ` ${rest.slice(cut)}`;
  }
  parts.push(rest);
  return parts.join("\r\n");
}

/** A calendar object: its lines folded and ended by CRLF. */
export function calendarText(lines: string[]) {
  return lines.map(fold).join("\r\n").concat("\r\n");
}

/** 2026-10-28 → 20261028 */
export const compactDay = (day: string) => day.replace(/-/g, "");

/** An instant in UTC form: 20261028T090000Z */
export const utcStamp = (instant: Date) =>
  instant
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

/**
 * Europe/Rome as a VTIMEZONE: the EU rule since 1996 (last Sunday of March at 02:00, last Sunday
 * of October at 03:00). Times of events are written in it (TZID=Europe/Rome), so that a calendar
 * shows 10:00 for a meeting at ten in Rome on either side of a change.
 */
export const ROME_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Rome",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
];
