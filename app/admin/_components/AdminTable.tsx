// A read-only admin table (audit log, API tokens, webhook attempts): a caption for screen readers,
// one header cell per column, a row per item, and a plain sentence instead when there are none.
import type { ReactNode } from "react";

interface Props<Row> {
  /** Read by screen readers only: what the rows are and their order. */
  caption: string;
  columns: readonly string[];
  rows: readonly Row[];
  /** One <tr> per row, with its key. */
  renderRow: (row: Row) => ReactNode;
  /** Said when there are no rows. */
  empty: string;
}

export function AdminTable<Row>({ caption, columns, rows, renderRow, empty }: Props<Row>) {
  return (
    <>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{rows.map(renderRow)}</tbody>
      </table>
      {rows.length === 0 && <p>{empty}</p>}
    </>
  );
}
