import type { ReactNode } from "react";

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
 * pairs, so that no column is ever off-screen. The ARIA roles are written out because a table
 * laid out as blocks loses its table semantics in some browsers.
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
  return (
    // Focusable so that a keyboard can scroll a wide table on a narrow window (not on a phone: cards).
    <div className="pionieri-table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className={`table pionieri-cards${className ? ` ${className}` : ""}`} role="table">
        <caption className={captionHidden ? "visually-hidden" : undefined}>{caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            {columns.map((column, index) => (
              <th key={index} scope="col" role="columnheader" className={column.numeric ? "text-end" : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((row) => (
            <tr key={rowKey(row)} role="row">
              {columns.map((column, index) =>
                column.rowHeader ? (
                  <th key={index} scope="row" role="rowheader" data-label={column.label}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td
                    key={index}
                    role="cell"
                    data-label={column.label}
                    className={column.numeric ? "text-end" : undefined}
                  >
                    {/* One box for the value, beside its label on a phone card. */}
                    <div>{column.cell(row)}</div>
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
