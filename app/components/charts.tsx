import { useId } from "react";

/**
 * Charts drawn on the server as SVG (no chart library, no JavaScript): each one is an image
 * with a title and a one-sentence description for screen readers, and every page that shows
 * one shows the same facts in a table beside it. Colours come from one blue scale whose darkest
 * steps carry white text. docs/decisions/0021-observe-and-listen.md
 */

// Steps 0–3 carry dark text, 4–6 white text: each pair keeps a contrast of at least 4.5:1.
const HEAT = ["#f2f7fc", "#d4e5f7", "#a8cbef", "#7fb0e6", "#1a5fa8", "#134d8c", "#0b3f7a"];
const WEEKDAYS = 7;

type Labelled = { title: string; description: string };

function Figure({
  title,
  description,
  width,
  height,
  children,
}: Labelled & {
  width: number;
  height: number;
  children: React.ReactNode;
}) {
  const id = useId();
  return (
    <svg
      className="pionieri-chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      {children}
    </svg>
  );
}

/** Arrivals by weekday (rows) and hour (columns); the darker, the more arrivals. */
export function HeatMap({
  cells,
  weekdayLabels,
  ...labels
}: Labelled & { cells: { weekday: number; hour: number; n: number }[]; weekdayLabels: string[] }) {
  const hours = cells.map((cell) => cell.hour);
  const first = Math.min(8, ...hours);
  const last = Math.max(17, ...hours);
  const days = [...Array(WEEKDAYS).keys()].filter((day) => day < 5 || cells.some((cell) => cell.weekday === day));
  const max = Math.max(1, ...cells.map((cell) => cell.n));
  const size = 34;
  const left = 48;
  const top = 22;
  const width = left + (last - first + 1) * size + 4;
  const height = top + days.length * size + 4;
  const count = (day: number, hour: number) => cells.find((cell) => cell.weekday === day && cell.hour === hour)?.n ?? 0;
  return (
    <Figure {...labels} width={width} height={height}>
      {[...Array(last - first + 1).keys()].map((offset) => (
        <text
          key={offset}
          x={left + offset * size + size / 2}
          y={14}
          textAnchor="middle"
          className="pionieri-chart-label"
        >
          {first + offset}
        </text>
      ))}
      {days.map((day, row) => (
        <g key={day}>
          <text x={left - 6} y={top + row * size + size / 2 + 4} textAnchor="end" className="pionieri-chart-label">
            {weekdayLabels[day]}
          </text>
          {[...Array(last - first + 1).keys()].map((offset) => {
            const n = count(day, first + offset);
            const step = n === 0 ? 0 : Math.min(HEAT.length - 1, 1 + Math.floor(((HEAT.length - 2) * n) / max));
            return (
              <g key={offset}>
                <rect
                  x={left + offset * size}
                  y={top + row * size}
                  width={size - 2}
                  height={size - 2}
                  rx={3}
                  fill={HEAT[step]}
                />
                {n > 0 ? (
                  <text
                    x={left + offset * size + size / 2 - 1}
                    y={top + row * size + size / 2 + 4}
                    textAnchor="middle"
                    className="pionieri-chart-value"
                    fill={step >= 4 ? "#fff" : "#1c2024"}
                  >
                    {n}
                  </text>
                ) : null}
              </g>
            );
          })}
        </g>
      ))}
    </Figure>
  );
}

/** Horizontal bars: the median as a solid bar, the 90th percentile as its lighter continuation. */
export function RangeBars({
  rows,
  unit,
  ...labels
}: Labelled & { rows: { label: string; median: number | null; p90: number | null }[]; unit: string }) {
  const shown = rows.filter((row) => row.median !== null);
  const max = Math.max(1, ...shown.map((row) => row.p90 ?? row.median ?? 0));
  const left = 170;
  const barWidth = 360;
  const rowHeight = 30;
  const height = 8 + shown.length * rowHeight;
  const x = (value: number) => (value / max) * barWidth;
  return (
    <Figure {...labels} width={left + barWidth + 110} height={Math.max(height, 30)}>
      {shown.map((row, index) => {
        const y = 4 + index * rowHeight;
        return (
          <g key={row.label}>
            <text x={left - 8} y={y + 17} textAnchor="end" className="pionieri-chart-label">
              {row.label.length > 24 ? `${row.label.slice(0, 23)}…` : row.label}
            </text>
            <rect x={left} y={y + 4} width={x(row.p90 ?? 0)} height={18} fill="#a8cbef" />
            <rect x={left} y={y + 4} width={x(row.median ?? 0)} height={18} fill="#1a5fa8" />
            <text x={left + x(row.p90 ?? row.median ?? 0) + 6} y={y + 17} className="pionieri-chart-label">
              {`${row.median} · ${row.p90} ${unit}`}
            </text>
          </g>
        );
      })}
    </Figure>
  );
}

/** Plain horizontal bars with their value (counts or shares). */
export function Bars({
  rows,
  suffix = "",
  max: fixedMax,
  ...labels
}: Labelled & { rows: { label: string; value: number }[]; suffix?: string; max?: number }) {
  const max = fixedMax ?? Math.max(1, ...rows.map((row) => row.value));
  const left = 230;
  const barWidth = 320;
  const rowHeight = 28;
  return (
    <Figure {...labels} width={left + barWidth + 80} height={Math.max(30, 6 + rows.length * rowHeight)}>
      {rows.map((row, index) => {
        const y = 3 + index * rowHeight;
        const width = (row.value / max) * barWidth;
        return (
          <g key={row.label}>
            <text x={left - 8} y={y + 16} textAnchor="end" className="pionieri-chart-label">
              {row.label.length > 34 ? `${row.label.slice(0, 33)}…` : row.label}
            </text>
            <rect x={left} y={y + 3} width={width} height={18} fill="#1a5fa8" />
            <text x={left + width + 6} y={y + 16} className="pionieri-chart-label">
              {`${row.value}${suffix}`}
            </text>
          </g>
        );
      })}
    </Figure>
  );
}

const SCORE_COLOURS = ["#a4262c", "#d4792c", "#8a8d91", "#3b82c9", "#0b3f7a"];

/** One stacked bar per question: the share of each score 1–5 ("non so" left out). */
export function Distribution({ rows, ...labels }: Labelled & { rows: { label: string; counts: readonly number[] }[] }) {
  const left = 40;
  const barWidth = 520;
  const rowHeight = 30;
  return (
    <Figure {...labels} width={left + barWidth + 10} height={30 + rows.length * rowHeight}>
      {SCORE_COLOURS.map((colour, index) => (
        <g key={colour}>
          <rect x={left + index * 70} y={2} width={14} height={14} fill={colour} />
          <text x={left + index * 70 + 18} y={13} className="pionieri-chart-label">
            {index + 1}
          </text>
        </g>
      ))}
      {rows.map((row, index) => {
        const total = row.counts.reduce((sum, n) => sum + n, 0) || 1;
        let x = left;
        const y = 26 + index * rowHeight;
        return (
          <g key={row.label}>
            <text x={left - 8} y={y + 15} textAnchor="end" className="pionieri-chart-label">
              {row.label}
            </text>
            {row.counts.map((n, score) => {
              const width = (n / total) * barWidth;
              const rect = <rect key={score} x={x} y={y} width={width} height={20} fill={SCORE_COLOURS[score]} />;
              x += width;
              return rect;
            })}
          </g>
        );
      })}
    </Figure>
  );
}

/** A value week by week: a line with its points and values; missing weeks (too few answers) leave a gap. */
export function Trend({
  points,
  suffix = "",
  ...labels
}: Labelled & { points: { label: string; value: number | null }[]; suffix?: string }) {
  const width = 560;
  const height = 180;
  const left = 40;
  const bottom = 30;
  const values = points.flatMap((point) => (point.value === null ? [] : [point.value]));
  const max = Math.max(1, ...values) * 1.15;
  const step = points.length > 1 ? (width - left - 70) / (points.length - 1) : 0;
  const at = (index: number, value: number) =>
    [left + 15 + index * step, height - bottom - (value / max) * (height - bottom - 20)] as const;
  const segments: string[] = [];
  let current = "";
  points.forEach((point, index) => {
    if (point.value === null) {
      if (current) segments.push(current);
      current = "";
      return;
    }
    const [x, y] = at(index, point.value);
    current += `${current ? "L" : "M"}${x.toFixed(1)} ${y.toFixed(1)}`;
  });
  if (current) segments.push(current);
  return (
    <Figure {...labels} width={width} height={height}>
      <line x1={left} x2={width - 10} y1={height - bottom} y2={height - bottom} stroke="#5c6f82" />
      {segments.map((d) => (
        <path key={d} d={d} fill="none" stroke="#1a5fa8" strokeWidth={2.5} />
      ))}
      {points.map((point, index) => {
        const [x, y] = at(index, point.value ?? 0);
        return (
          <g key={point.label}>
            <text x={x} y={height - 10} textAnchor="middle" className="pionieri-chart-label">
              {point.label}
            </text>
            {point.value === null ? null : (
              <>
                <circle cx={x} cy={y} r={4} fill="#1a5fa8" />
                <text x={x} y={y - 9} textAnchor="middle" className="pionieri-chart-label">
                  {`${point.value}${suffix}`}
                </text>
              </>
            )}
          </g>
        );
      })}
    </Figure>
  );
}
