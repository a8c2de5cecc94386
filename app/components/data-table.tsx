import type { CSSProperties, ReactNode } from "react";

export type Column<Row> = {
  /** The column's heading; on a phone, the label beside each value. */
  label: string;
  cell: (row: Row) => ReactNode;
  /** The cell that names the row (a row header for screen readers, the card's title on a phone). */
  rowHeader?: boolean;
  /** Numbers align right on a wide screen. */
  numeric?: boolean;
};

/**
 * A table of facts. On a wide screen a table; below 768 px each row becomes a card of label–value
 * pairs, so that no column is ever off-screen; each value is read after its visible label. The
 * labels are written once, as custom properties on the table that the card's CSS shows before
 * each cell (\`--c2: "Gruppo"\`): nothing is added to every cell, since tables here can hold
 * hundreds of rows (decision 0017). At most 12 columns.
 */
export function DataTable<Row>({
  caption,
  captionHidden,
  columns,
  rows,
  rowKey,
  className,
}: {
  caption: string;
  /** The caption is read by screen readers but not shown (a heading above already says it). */
  captionHidden?: boolean;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string | number;
  className?: string;
}) {
  // The phone's labels, by column position (the row header has none: it is the card's title).
  const labels = Object.fromEntries(
    columns.flatMap((column, index) => (column.rowHeader ? [] : [[`--c${index + 1}`, cssString(column.label)]])),
  ) as CSSProperties;
  return (
    // Focusable so that a keyboard can scroll a wide table on a narrow window (not on a phone: cards).
    <div className="pionieri-table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className={`table pionieri-cards${className ? ` ${className}` : ""}`} style={labels}>
        <caption className={captionHidden ? "visually-hidden" : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" className={column.numeric ? "text-end" : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column, index) =>
                column.rowHeader ? (
                  <th key={index} scope="row">
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={index} className={column.numeric ? "text-end" : undefined}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A text as a CSS string, quotes and backslashes escaped. */
function cssString(text: string) {
  return `"${text.replace(/["\\\n]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}
