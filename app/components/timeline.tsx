import type { CSSProperties } from "react";
import type { ObjectiveState } from "~/domain/objectives";
import { addMonths, dayInstant, daysBetween, type Day } from "~/lib/days";
import { formatDay, romeDay } from "~/lib/dates";
import { useLocale, useT } from "~/lib/i18n/react";
import { objectiveStatusLabel } from "~/lib/i18n/labels";
import { DataTable } from "./data-table";

export type TimelineObjective = ObjectiveState;

type Props = {
  from: Day;
  to: Day;
  today: Day;
  groups: { id: string; name: string; colour: string }[];
  objectives: TimelineObjective[];
  phases: { id: string; name: string; startsOn: string; endsOn: string }[];
  milestones: { id: string; title: string; date: string }[];
  idSuffix?: string;
};

const WIDTH = 1000;
const LABEL = 170;
const HEADER = 68;
/** Each objective: its label on a line of its own, then its bar (labels never sit over a bar). */
const ROW = 36;
const BAR_TOP = 20;
const LANE_GAP = 10;
/** Rough width of a label's character at the label's 13px, to keep a label inside the chart. */
const CHAR_WIDTH = 6.6;

/**
 * The crono-programma drawn on the server as SVG: phases as bands, months as ticks,
 * milestones as diamonds, a line for today, one lane per group with its objectives as bars
 * filled to their progress; a forecast past the due day is hatched, late bars are red.
 * It is a picture (role="img"): the table beside it says the same to screen readers.
 */
export function TimelineChart({ from, to, today, groups, objectives, phases, milestones, idSuffix = "" }: Props) {
  const t = useT();
  const locale = useLocale();
  const span = Math.max(1, daysBetween(from, to));
  const x = (day: Day) => LABEL + (Math.min(Math.max(daysBetween(from, day), 0), span) / span) * (WIDTH - LABEL - 8);
  const visible = (start: Day, end: Day) => end >= from && start <= to;

  const lanes = groups.map((group) => ({
    group,
    rows: objectives.filter(
      (o) =>
        o.groupId === group.id && visible(o.startOn, o.forecastOn && o.forecastOn > o.dueOn ? o.forecastOn : o.dueOn),
    ),
  }));
  const placed: ((typeof lanes)[number] & { top: number; height: number })[] = [];
  let bottom = HEADER;
  for (const lane of lanes) {
    const laneHeight = Math.max(1, lane.rows.length) * ROW + LANE_GAP;
    placed.push({ ...lane, top: bottom, height: laneHeight });
    bottom += laneHeight;
  }
  const height = bottom + 8;

  const months: Day[] = [];
  for (let month = from; month <= to; month = addMonths(month, 1)) months.push(month);
  const monthFormat = new Intl.DateTimeFormat(locale === "it" ? "it-IT" : "en-GB", {
    month: "short",
    year: "2-digit",
    timeZone: "UTC",
  });
  const monthLabel = (day: Day) => monthFormat.format(dayInstant(day));
  const titleId = `timeline-title${idSuffix}`;
  const descId = `timeline-desc${idSuffix}`;

  return (
    <>
      {/* Focusable so that keyboard users can scroll the chart sideways if a window is narrow. */}
      <div
        className="pionieri-timeline-scroll pionieri-timeline-wide"
        tabIndex={0}
        role="region"
        aria-label={t("timeline.scrollLabel")}
      >
        <svg
          viewBox={`0 0 ${WIDTH} ${height}`}
          className="pionieri-timeline"
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
        >
          <title id={titleId}>
            {t("timeline.chartTitle", {
              from: formatDay(from, locale),
              to: formatDay(to, locale),
            })}
          </title>
          <desc id={descId}>{t("timeline.chartDesc", { count: objectives.length })}</desc>
          <defs>
            <pattern
              id={`hatch${idSuffix}`}
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" fill="#fff" />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#b71918" strokeWidth="3" />
            </pattern>
          </defs>

          {phases
            .filter((p) => visible(romeDay(p.startsOn), romeDay(p.endsOn)))
            .map((phase, index) => {
              const x1 = x(romeDay(phase.startsOn));
              const x2 = x(romeDay(phase.endsOn));
              return (
                <g key={phase.id}>
                  <rect
                    x={x1}
                    y={0}
                    width={Math.max(0, x2 - x1)}
                    height={height}
                    className={index % 2 ? "tl-phase tl-phase-odd" : "tl-phase"}
                  />
                  <text x={x1 + 4} y={14} className="tl-phase-label">
                    {phase.name}
                  </text>
                </g>
              );
            })}

          {months.map((month) => (
            <g key={month}>
              <line x1={x(month)} x2={x(month)} y1={20} y2={height} className="tl-tick" />
              <text x={x(month) + 3} y={32} className="tl-month">
                {monthLabel(month)}
              </text>
            </g>
          ))}

          {today >= from && today <= to ? (
            <g>
              <line x1={x(today)} x2={x(today)} y1={20} y2={height} className="tl-today" />
              <text x={x(today) + 3} y={height - 4} className="tl-today-label">
                {t("timeline.today")}
              </text>
            </g>
          ) : null}

          {placed.map(({ group, rows, top, height: laneHeight }) => (
            <g key={group.id}>
              <rect x={0} y={top} width={WIDTH} height={laneHeight} className="tl-lane" />
              <rect x={0} y={top} width={6} height={laneHeight} fill={group.colour} />
              <text x={12} y={top + 16} className="tl-group">
                {group.name}
              </text>
              {rows.length === 0 ? (
                <text x={LABEL + 6} y={top + 16} className="tl-empty">
                  {t("timeline.noObjectives")}
                </text>
              ) : null}
              {rows.map((objective, index) => {
                const barY = top + BAR_TOP + index * ROW;
                const x1 = x(objective.startOn);
                const x2 = Math.max(x(objective.dueOn), x1 + 2);
                const filled = x1 + ((x2 - x1) * objective.progress) / 100;
                const overrun =
                  objective.forecastOn && objective.forecastOn > objective.dueOn ? x(objective.forecastOn) : null;
                return (
                  <g key={objective.id} className={objective.late ? "tl-bar tl-late" : "tl-bar"}>
                    <rect
                      x={x1}
                      y={barY}
                      width={x2 - x1}
                      height={14}
                      rx={2}
                      className="tl-bar-bg"
                      stroke={group.colour}
                    />
                    <rect
                      x={x1}
                      y={barY}
                      width={Math.max(0, filled - x1)}
                      height={14}
                      rx={2}
                      fill={group.colour}
                      className="tl-bar-fill"
                    />
                    {overrun ? (
                      <rect
                        x={x2}
                        y={barY + 2}
                        width={Math.max(0, overrun - x2)}
                        height={10}
                        fill={`url(#hatch${idSuffix})`}
                        className="tl-overrun"
                      />
                    ) : null}
                    <BarLabel start={x1} y={barY - 7} text={barLabel(objective)} />
                  </g>
                );
              })}
            </g>
          ))}

          {milestones
            .filter((m) => m.date >= from && m.date <= to)
            .map((milestone, index) => (
              <g key={milestone.id}>
                <line x1={x(milestone.date)} x2={x(milestone.date)} y1={40} y2={height} className="tl-milestone-line" />
                <path d={`M ${x(milestone.date)} 36 l 6 6 l -6 6 l -6 -6 Z`} className="tl-milestone" />
                {/* Neighbouring milestones take turns on two lines so their labels do not overlap. */}
                <text x={x(milestone.date) + 8} y={index % 2 ? 61 : 47} className="tl-milestone-label">
                  {milestone.title.length > 30 ? `${milestone.title.slice(0, 29)}…` : milestone.title}
                </text>
              </g>
            ))}
        </svg>
        <p className="pionieri-legend" aria-hidden="true">
          <span className="lg lg-fill" /> {t("timeline.legendProgress")} <span className="lg lg-overrun" />{" "}
          {t("timeline.legendOverrun")} <span className="lg lg-late" /> {t("timeline.legendLate")}{" "}
          <span className="lg lg-today" /> {t("timeline.today")}
        </p>
      </div>
      <TimelineList from={from} to={to} today={today} lanes={lanes} />
    </>
  );
}

/**
 * The chart for a phone: one list per group, each objective with its title, dates and state in
 * words and the same bar (its span within the period, filled to its progress, late in red, the
 * forecast past the due day hatched, today as a line). Shown instead of the chart below 992 px.
 */
function TimelineList({
  from,
  to,
  today,
  lanes,
}: {
  from: Day;
  to: Day;
  today: Day;
  lanes: { group: Props["groups"][number]; rows: TimelineObjective[] }[];
}) {
  const t = useT();
  const locale = useLocale();
  const span = Math.max(1, daysBetween(from, to));
  const at = (day: Day) => (Math.min(Math.max(daysBetween(from, day), 0), span) / span) * 100;
  const percent = (value: number) => `${value.toFixed(1)}%`;
  const day = (value: Day) => formatDay(value, locale, "short");
  return (
    <div className="pionieri-timeline-narrow">
      {lanes.map(({ group, rows }) => (
        // The group's colour once, as a custom property its bars read (tables here can be long).
        <section key={group.id} className="tl-list-group" style={{ "--tl-c": group.colour } as CSSProperties}>
          <h3 className="h6">{group.name}</h3>
          {rows.length === 0 ? <p className="pionieri-muted">{t("timeline.noObjectives")}</p> : null}
          <ol className="tl-list">
            {rows.map((o) => {
              const start = at(o.startOn);
              const end = Math.max(at(o.dueOn), start + 1);
              const overrun = o.forecastOn && o.forecastOn > o.dueOn ? at(o.forecastOn) : null;
              return (
                <li key={o.id} className={o.late ? "tl-item tl-item-late" : "tl-item"}>
                  <a href={`/obiettivi/${o.id}`}>{o.title}</a>
                  {/* One text node: the list is long, and each React text join costs a comment. */}
                  <span className="tl-item-facts">
                    {[
                      `${day(o.startOn)} → ${day(o.dueOn)}`,
                      o.forecastOn && o.forecastOn !== o.dueOn
                        ? t("timeline.forecastOn", { date: day(o.forecastOn) })
                        : null,
                      objectiveStatusLabel(t, o.status),
                      `${o.progress}%`,
                      o.late ? t("objectives.late") : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </span>
                  <span className="tl-track" aria-hidden="true">
                    <span className="tl-span" style={{ left: percent(start), width: percent(end - start) }}>
                      <span className="tl-fill" style={{ width: `${o.progress}%` }} />
                    </span>
                    {overrun !== null ? (
                      <span className="tl-over" style={{ left: percent(end), width: percent(overrun - end) }} />
                    ) : null}
                    {today >= from && today <= to ? (
                      <span className="tl-now" style={{ left: percent(at(today)) }} />
                    ) : null}
                  </span>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}

function barLabel(objective: TimelineObjective) {
  const title = objective.title.length > 60 ? `${objective.title.slice(0, 59)}…` : objective.title;
  return `${objective.late ? "⚠ " : ""}${title} · ${objective.progress}%`;
}

/** A bar's label, on its own line above the bar: from the bar's start, or ending at the chart's edge. */
function BarLabel({ start, y, text }: { start: number; y: number; text: string }) {
  const fits = start + text.length * CHAR_WIDTH <= WIDTH - 4;
  return (
    <text x={fits ? start : WIDTH - 4} y={y} textAnchor={fits ? "start" : "end"} className="tl-bar-label">
      {text}
    </text>
  );
}

/** The same facts as the chart, as a table: for screen readers, keyboards, printing and phones (cards). */
export function ObjectivesTable({
  objectives,
  groups,
  caption,
}: {
  objectives: (TimelineObjective & { ownerName: string | null; completedOn: string | null })[];
  groups: { id: string; name: string }[];
  caption: string;
}) {
  const t = useT();
  const locale = useLocale();
  const name = new Map(groups.map((g) => [g.id, g.name]));
  const day = (value: string | null) => (value ? formatDay(value, locale, "short") : "—");
  if (objectives.length === 0) return <p>{t("timeline.noObjectives")}</p>;
  return (
    <DataTable
      caption={caption}
      className="pionieri-objectives-table"
      rows={objectives}
      rowKey={(o) => o.id}
      columns={[
        { label: t("objectives.colTitle"), rowHeader: true, cell: (o) => <a href={`/obiettivi/${o.id}`}>{o.title}</a> },
        { label: t("objectives.colGroup"), cell: (o) => name.get(o.groupId) },
        { label: t("objectives.colOwner"), cell: (o) => o.ownerName ?? "—" },
        { label: t("objectives.colStart"), cell: (o) => day(o.startOn) },
        { label: t("objectives.colDue"), cell: (o) => day(o.dueOn) },
        { label: t("objectives.colForecast"), cell: (o) => day(o.forecastOn) },
        { label: t("objectives.colStatus"), cell: (o) => objectiveStatusLabel(t, o.status) },
        { label: t("objectives.colProgress"), numeric: true, cell: (o) => `${o.progress}%` },
        {
          label: t("objectives.colFlags"),
          cell: (o) => (
            <>
              {o.late ? <span className="pionieri-flag pionieri-flag-late">{t("objectives.late")}</span> : null}{" "}
              {o.needsUpdate ? <span className="pionieri-flag">{t("objectives.needsUpdate")}</span> : null}
            </>
          ),
        },
      ]}
    />
  );
}
