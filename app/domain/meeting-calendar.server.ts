import { romeDay } from "~/lib/dates";
import { romeClock } from "~/lib/clock";
import { calendarText, compactDay, escapeText, ROME_VTIMEZONE, utcStamp } from "~/lib/ical";

/**
 * A meeting as an iCalendar event (RFC 5545), for the invitations (RFC 5546: METHOD REQUEST, and
 * CANCEL with STATUS:CANCELLED) and for each person's feed (PUBLISH). The UID is the meeting's own
 * and SEQUENCE its count of changes, so a calendar replaces the event it holds instead of adding a
 * second one. Times are written in Europe/Rome with its VTIMEZONE: a meeting at ten shows at ten.
 */

export type MeetingEvent = {
  id: string;
  title: string;
  groupName: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  videoUrl: string;
  agenda: string[];
  sequence: number;
  cancelled: boolean;
};

type Person = { name: string; address: string };

/** The meeting's UID: stable for its whole life, across changes and its cancellation. */
const meetingUid = (id: string, host: string) => `riunione-${id}@${host}`;

/** 2026-10-28T09:00:00Z → 20261028T100000 (the clock in Rome). */
function romeLocal(instant: Date) {
  return `${compactDay(romeDay(instant))}T${romeClock(instant).replace(":", "")}00`;
}

/** Parameter values with a comma, colon or semicolon are quoted (a display name may have them). */
const param = (value: string) => `"${value.replace(/["\r\n]/g, "")}"`;

/** The VEVENT's lines (without the calendar around it). */
export function meetingEventLines(
  event: MeetingEvent,
  input: { origin: string; organizer: Person; attendee?: Person; now?: Date },
) {
  const url = `${input.origin}/riunioni/${event.id}`;
  const description = [
    ...(event.agenda.length > 0
      ? ["Ordine del giorno:", ...event.agenda.map((item, i) => `${i + 1}. ${item}`), ""]
      : []),
    ...(event.videoUrl ? [`Collegamento: ${event.videoUrl}`] : []),
    `Rispondi e leggi il verbale su Pionieri: ${url}`,
  ].join("\n");
  return [
    "BEGIN:VEVENT",
    `UID:${meetingUid(event.id, new URL(input.origin).host)}`,
    `DTSTAMP:${utcStamp(input.now ?? new Date())}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTART;TZID=Europe/Rome:${romeLocal(event.startsAt)}`,
    `DTEND;TZID=Europe/Rome:${romeLocal(event.endsAt)}`,
    `SUMMARY:${escapeText(`${event.title} (${event.groupName})`)}`,
    ...(event.place || event.videoUrl ? [`LOCATION:${escapeText(event.place || event.videoUrl)}`] : []),
    `DESCRIPTION:${escapeText(description)}`,
    `URL:${url}`,
    `ORGANIZER;CN=${param(input.organizer.name)}:mailto:${input.organizer.address}`,
    ...(input.attendee
      ? [
          // RSVP=FALSE: answers are given on the meeting's page, not by a reply mail we would not read.
          `ATTENDEE;CN=${param(input.attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE` +
            `:mailto:${input.attendee.address}`,
        ]
      : []),
    `STATUS:${event.cancelled ? "CANCELLED" : "CONFIRMED"}`,
    "END:VEVENT",
  ];
}

/** The invitation (REQUEST) or the cancellation (CANCEL) sent to one person. */
export function meetingInvitation(
  event: MeetingEvent,
  input: { origin: string; organizer: Person; attendee: Person; now?: Date },
) {
  const method = event.cancelled ? "CANCEL" : "REQUEST";
  return {
    method,
    content: calendarText([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Comune di Cesena//Pionieri//IT",
      "CALSCALE:GREGORIAN",
      `METHOD:${method}`,
      ...ROME_VTIMEZONE,
      ...meetingEventLines(event, input),
      "END:VCALENDAR",
    ]),
  } as const;
}
