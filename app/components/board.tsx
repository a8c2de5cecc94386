import type { SerializeFrom } from "@remix-run/node";
import type { GroupState } from "~/domain/board";
import type { GroupSummary } from "~/domain/board";
import { formatDate, formatDay } from "~/lib/dates";
import type { MessageKey } from "~/lib/i18n";
import { useLocale, useT } from "~/lib/i18n/react";
import { objectiveStatusLabel } from "~/lib/i18n/labels";

/** Red/amber/green in words and colour: the colour alone would say nothing to some readers. */
export function StateBadge({ state }: { state: GroupState }) {
  const t = useT();
  return <span className={`pionieri-rag pionieri-rag-${state}`}>{t(`board.state.${state}` as MessageKey)}</span>;
}

type Week = { week: string; ideas: number; comments: number; supports: number };

/** Weekly participation as grouped bars (SVG), with the same numbers in a table beside it. */
export function WeeklyChart({ weeks }: { weeks: Week[] }) {
  const t = useT();
  const locale = useLocale();
  const width = 780;
  const height = 200;
  const left = 36;
  const max = Math.max(1, ...weeks.map((w) => Math.max(w.ideas, w.comments, w.supports)));
  const slot = (width - left) / weeks.length;
  const bar = Math.max(2, slot / 4);
  const y = (value: number) => height - 20 - (value / max) * (height - 40);
  const label = (week: string) => formatDay(week, locale, "short").slice(0, 5);
  return (
    <div className="row">
      <div className="col-12 col-xl-7">
        <div className="pionieri-timeline-scroll" tabIndex={0} role="region" aria-label={t("board.weeklyChart")}>
          <svg viewBox={`0 0 ${width} ${height}`} className="pionieri-weekly" role="img" aria-labelledby="weekly-title">
            <title id="weekly-title">{t("board.weeklyChart")}</title>
            {[0, 0.5, 1].map((f) => (
              <g key={f}>
                <line x1={left} x2={width} y1={y(max * f)} y2={y(max * f)} className="wk-grid" />
                <text x={left - 4} y={y(max * f) + 4} textAnchor="end" className="wk-axis">
                  {Math.round(max * f)}
                </text>
              </g>
            ))}
            {weeks.map((week, i) => {
              const x = left + i * slot + slot / 2 - (3 * bar) / 2;
              return (
                <g key={week.week}>
                  <rect x={x} y={y(week.ideas)} width={bar} height={height - 20 - y(week.ideas)} className="wk-ideas" />
                  <rect
                    x={x + bar}
                    y={y(week.comments)}
                    width={bar}
                    height={height - 20 - y(week.comments)}
                    className="wk-comments"
                  />
                  <rect
                    x={x + 2 * bar}
                    y={y(week.supports)}
                    width={bar}
                    height={height - 20 - y(week.supports)}
                    className="wk-supports"
                  />
                  {i % 4 === 0 ? (
                    <text x={left + i * slot + slot / 2} y={height - 4} textAnchor="middle" className="wk-axis">
                      {label(week.week)}
                    </text>
                  ) : null}
                </g>
              );
            })}
          </svg>
        </div>
        <p className="pionieri-legend" aria-hidden="true">
          <span className="lg wk-ideas-bg" /> {t("board.ideas")} <span className="lg wk-comments-bg" />{" "}
          {t("board.comments")} <span className="lg wk-supports-bg" /> {t("board.supports")}
        </p>
      </div>
      <div className="col-12 col-xl-5">
        <div
          className="table-responsive pionieri-weekly-table"
          tabIndex={0}
          role="region"
          aria-label={t("board.weeklyTable")}
        >
          <table className="table table-sm">
            <caption>{t("board.weeklyTable")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("board.week")}</th>
                <th scope="col">{t("board.ideas")}</th>
                <th scope="col">{t("board.comments")}</th>
                <th scope="col">{t("board.supports")}</th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((week) => (
                <tr key={week.week}>
                  <th scope="row">{formatDay(week.week, locale, "short")}</th>
                  <td>{week.ideas}</td>
                  <td>{week.comments}</td>
                  <td>{week.supports}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}

/** The groups' figures: also used, frozen, by the snapshot pages. */
export function GroupsTable({ groups, caption }: { groups: SerializeFrom<GroupSummary>[]; caption: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="table-responsive" tabIndex={0} role="region" aria-label={caption}>
      <table className="table pionieri-board-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("board.group")}</th>
            <th scope="col">{t("board.state")}</th>
            <th scope="col">{t("board.objectivesByStatus")}</th>
            <th scope="col">{t("board.progress")}</th>
            <th scope="col">{t("objectives.late")}</th>
            <th scope="col">{t("objectives.needsUpdate")}</th>
            <th scope="col">{t("board.nextDue")}</th>
            <th scope="col">{t("board.lastUpdate")}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.id}>
              <th scope="row">
                <a href={`/gruppi/${g.slug}`}>{g.name}</a>
              </th>
              <td>
                <StateBadge state={g.state} />
              </td>
              <td>
                <ul className="pionieri-plain-list">
                  {Object.entries(g.byStatus)
                    .filter(([, n]) => n > 0)
                    .map(([status, n]) => (
                      <li key={status}>
                        {objectiveStatusLabel(t, status)}: {n}
                      </li>
                    ))}
                </ul>
              </td>
              <td>{g.progress === null ? "—" : `${g.progress}%`}</td>
              <td>{g.late}</td>
              <td>{g.needsUpdate}</td>
              <td>
                <ul className="pionieri-plain-list">
                  {g.nextDue.map((o) => (
                    <li key={o.id}>
                      {formatDay(o.dueOn, locale, "short")}: <a href={`/obiettivi/${o.id}`}>{o.title}</a>
                    </li>
                  ))}
                </ul>
              </td>
              <td>{g.lastUpdate ? formatDate(g.lastUpdate, locale, "short") : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
