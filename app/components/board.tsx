import type { SerializeFrom } from "@remix-run/node";
import type { GroupState } from "~/domain/board";
import type { GroupSummary } from "~/domain/board";
import { formatDate, formatDay } from "~/lib/dates";
import type { MessageKey } from "~/lib/i18n";
import { useLocale, useT } from "~/lib/i18n/react";
import { objectiveStatusLabel } from "~/lib/i18n/labels";
import { DataTable } from "./data-table";

/** Red/amber/green in words and colour: the colour alone would say nothing to some readers. */
export function StateBadge({ state }: { state: GroupState }) {
  const t = useT();
  return <span className={`pionieri-rag pionieri-rag-${state}`}>{t(`board.state.${state}` as MessageKey)}</span>;
}

type Week = { week: string; ideas: number; comments: number; supports: number };

/** Weeks a phone's chart shows: the last two months, readable at 360 px. */
const PHONE_WEEKS = 8;

/**
 * Weekly participation since the project began: grouped bars (SVG; on a phone the last eight
 * weeks, so that bars and labels stay readable), and the same numbers in a table, newest first.
 */
export function WeeklyChart({ weeks }: { weeks: Week[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="row">
      <div className="col-12 col-xl-7">
        <div className="pionieri-chart-wide">
          <WeeklyBars weeks={weeks} width={720} idSuffix="wide" />
        </div>
        <div className="pionieri-chart-narrow">
          <WeeklyBars weeks={weeks.slice(-PHONE_WEEKS)} width={340} idSuffix="narrow" />
        </div>
        <p className="pionieri-legend" aria-hidden="true">
          <span className="lg wk-ideas-bg" /> {t("board.ideas")} <span className="lg wk-comments-bg" />{" "}
          {t("board.comments")} <span className="lg wk-supports-bg" /> {t("board.supports")}
        </p>
      </div>
      <div className="col-12 col-xl-5">
        <DataTable
          caption={t("board.weeklyTable")}
          rows={[...weeks].reverse()}
          rowKey={(week) => week.week}
          columns={[
            { label: t("board.week"), rowHeader: true, cell: (week) => formatDay(week.week, locale, "short") },
            { label: t("board.ideas"), numeric: true, cell: (week) => week.ideas },
            { label: t("board.comments"), numeric: true, cell: (week) => week.comments },
            { label: t("board.supports"), numeric: true, cell: (week) => week.supports },
          ]}
        />
      </div>
    </div>
  );
}

/** The bars of some weeks, drawn at the width they are shown at, so that no text is under 12 px. */
function WeeklyBars({ weeks, width, idSuffix }: { weeks: Week[]; width: number; idSuffix: string }) {
  const t = useT();
  const locale = useLocale();
  const height = 220;
  const left = 40;
  const bottom = 26;
  const max = Math.max(1, ...weeks.map((w) => Math.max(w.ideas, w.comments, w.supports)));
  const slot = (width - left) / Math.max(1, weeks.length);
  const bar = Math.max(2, Math.min(16, slot / 4));
  const y = (value: number) => height - bottom - (value / max) * (height - bottom - 16);
  // A label every so many weeks, so that labels of 12 px never touch.
  const every = Math.max(1, Math.ceil(48 / slot));
  const label = (week: string) => formatDay(week, locale, "short").slice(0, 5);
  const titleId = `weekly-title-${idSuffix}`;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="pionieri-weekly" role="img" aria-labelledby={titleId}>
      <title id={titleId}>
        {t(weeks.length === 1 ? "board.weeklyChartOne" : "board.weeklyChart", { count: weeks.length })}
      </title>
      {[0, 0.5, 1].map((f) => (
        <g key={f}>
          <line x1={left} x2={width} y1={y(max * f)} y2={y(max * f)} className="wk-grid" />
          <text x={left - 6} y={y(max * f) + 4} textAnchor="end" className="wk-axis">
            {Math.round(max * f)}
          </text>
        </g>
      ))}
      {weeks.map((week, i) => {
        const x = left + i * slot + slot / 2 - (3 * bar) / 2;
        return (
          <g key={week.week}>
            <rect x={x} y={y(week.ideas)} width={bar} height={height - bottom - y(week.ideas)} className="wk-ideas" />
            <rect
              x={x + bar}
              y={y(week.comments)}
              width={bar}
              height={height - bottom - y(week.comments)}
              className="wk-comments"
            />
            <rect
              x={x + 2 * bar}
              y={y(week.supports)}
              width={bar}
              height={height - bottom - y(week.supports)}
              className="wk-supports"
            />
            {(weeks.length - 1 - i) % every === 0 ? (
              <text x={left + i * slot + slot / 2} y={height - 6} textAnchor="middle" className="wk-axis">
                {label(week.week)}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

/** The groups' figures: also used, frozen, by the snapshot pages. */
export function GroupsTable({ groups, caption }: { groups: SerializeFrom<GroupSummary>[]; caption: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <DataTable
      caption={caption}
      className="pionieri-board-table"
      rows={groups}
      rowKey={(g) => g.id}
      columns={[
        { label: t("board.group"), rowHeader: true, cell: (g) => <a href={`/gruppi/${g.slug}`}>{g.name}</a> },
        { label: t("board.state"), cell: (g) => <StateBadge state={g.state} /> },
        {
          label: t("board.objectivesByStatus"),
          cell: (g) => (
            <ul className="pionieri-plain-list">
              {Object.entries(g.byStatus)
                .filter(([, n]) => n > 0)
                .map(([status, n]) => (
                  <li key={status}>
                    {objectiveStatusLabel(t, status)}: {n}
                  </li>
                ))}
            </ul>
          ),
        },
        { label: t("board.progress"), numeric: true, cell: (g) => (g.progress === null ? "—" : `${g.progress}%`) },
        { label: t("objectives.late"), numeric: true, cell: (g) => g.late },
        { label: t("objectives.needsUpdate"), numeric: true, cell: (g) => g.needsUpdate },
        {
          label: t("board.nextDue"),
          cell: (g) => (
            <ul className="pionieri-plain-list">
              {g.nextDue.map((o) => (
                <li key={o.id}>
                  {formatDay(o.dueOn, locale, "short")}: <a href={`/obiettivi/${o.id}`}>{o.title}</a>
                </li>
              ))}
            </ul>
          ),
        },
        { label: t("board.lastUpdate"), cell: (g) => (g.lastUpdate ? formatDate(g.lastUpdate, locale, "short") : "—") },
      ]}
    />
  );
}
