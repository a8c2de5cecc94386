import { Link } from "@remix-run/react";
import { meetingWhen } from "~/lib/clock";
import { useLocale, useT } from "~/lib/i18n/react";

/** A group's meetings, upcoming or past: when, what, where, and whether it was cancelled or has minutes. */
export function MeetingList({
  meetings,
  empty,
}: {
  meetings: {
    id: string;
    title: string;
    startsAt: string;
    endsAt: string;
    place: string;
    status: string;
    minutesAt: string | null;
  }[];
  empty: string;
}) {
  const t = useT();
  const locale = useLocale();
  if (meetings.length === 0) return <p>{empty}</p>;
  return (
    <ul className="pionieri-meeting-list">
      {meetings.map((meeting) => (
        <li key={meeting.id}>
          <Link to={`/riunioni/${meeting.id}`}>{meeting.title}</Link>{" "}
          <span className="pionieri-muted">
            <time dateTime={meeting.startsAt}>{meetingWhen(meeting.startsAt, meeting.endsAt, locale)}</time>
            {meeting.place ? ` · ${meeting.place}` : ""}
          </span>
          {meeting.status === "ANNULLATA" ? (
            <span className="badge pionieri-meeting-state is-cancelled">{t("gmeetings.state.cancelled")}</span>
          ) : meeting.minutesAt ? (
            <span className="badge pionieri-meeting-state is-past">{t("gmeetings.hasMinutes")}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
