import { Link } from "@remix-run/react";
import type { SnapshotData } from "~/domain/board";
import { IDEA_STATUSES } from "~/domain/ideas";
import { formatDate, formatDay } from "~/lib/dates";
import { useLocale, useT } from "~/lib/i18n/react";
import { GroupsTable } from "./board";
import { StatusBadge } from "./status-badge";

type Snapshot = {
  id: string;
  meetingDate: string;
  createdAt: string;
  notes: string;
  createdBy: { displayName: string } | null;
  data: SnapshotData;
};

/** A frozen snapshot: the same page on screen and on paper. */
export function SnapshotView({ snapshot }: { snapshot: Snapshot }) {
  const t = useT();
  const locale = useLocale();
  const d = snapshot.data;
  return (
    <article className="pionieri-snapshot">
      <h1>{t("board.snapshotTitle", { date: formatDay(snapshot.meetingDate, locale) })}</h1>
      <p className="pionieri-muted">
        {t("board.frozenBy", {
          who: snapshot.createdBy?.displayName ?? t("ideas.formerColleague"),
          date: formatDate(snapshot.createdAt, locale, "dateTime"),
        })}
      </p>
      {snapshot.notes ? (
        <section aria-labelledby="notes-title">
          <h2 id="notes-title" className="h4">
            {t("board.meetingNotes")}
          </h2>
          <p className="pionieri-pre">{snapshot.notes}</p>
        </section>
      ) : null}
      <GroupsTable groups={d.groups} caption={t("board.groupsCaption")} />
      <h2 className="h4">{t("board.ideasTitle")}</h2>
      <ul className="pionieri-counts">
        {IDEA_STATUSES.map((status) => (
          <li key={status}>
            <StatusBadge status={status} /> <strong>{d.ideasByStatus[status] ?? 0}</strong>
          </li>
        ))}
      </ul>
      <h2 className="h4">{t("board.decisionsSince")}</h2>
      <Decisions decisions={d.decisions} />
    </article>
  );
}

export function Decisions({ decisions }: { decisions: SnapshotData["decisions"] }) {
  const t = useT();
  const locale = useLocale();
  if (decisions.length === 0) return <p>{t("board.noDecisionsSince")}</p>;
  return (
    <ul>
      {decisions.map((decision) => (
        <li key={`${decision.ideaId}-${decision.at}`}>
          {formatDate(decision.at, locale)}:{" "}
          <Link to={`/idee/${decision.ideaId}`}>
            #{decision.ideaId} {decision.title}
          </Link>{" "}
          <StatusBadge status={decision.toStatus} />
          {decision.reason ? <span className="pionieri-reason"> — {decision.reason}</span> : null}
        </li>
      ))}
    </ul>
  );
}
