import type { ReactNode } from "react";

/** One column of a DataTable: its heading and what each row shows in it. */
export type DataColumn<Row> = {
  header: ReactNode;
  /** Nothing to show (null, undefined, "") reads as a dash, so an empty cell is never mistaken for a missing one. */
  cell: (row: Row) => ReactNode;
  /** The column that names the row: its cells are `<th scope="row">`, read out with every other cell of the row. */
  rowHeader?: boolean;
};

type DataTableProps<Row> = {
  /** Names the table for screen readers (every table has a caption, even when a heading says the same). */
  caption: string;
  /** Show the caption on screen; by default it is for assistive technology only, the page's heading shows it. */
  captionVisible?: boolean;
  /**
   * Leave out the row of column headings (false): only for a list of row headings and their values, where each row's
   * heading already says what its cell holds (a city's answers to a matrix question).
   */
  head?: boolean;
  /** A class for the <table> itself, for a page's own styling (e.g. "agreement-table"). */
  className?: string;
  columns: DataColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  /** Shown instead of the table when there are no rows (a table of headings alone says nothing). */
  empty?: ReactNode;
  /** A last column of per-row controls (forms, buttons); each control names the row it acts on in its label. */
  actions?: { header: ReactNode; cell: (row: Row) => ReactNode };
};

const shown = (value: ReactNode) => (value === null || value === undefined || value === "" ? "—" : value);

/**
 * Every table of the site (admin lists, participants, agreements, survey results): caption, column headings with
 * scope, an optional row-header column, an empty state and an optional column of row actions, scrolling sideways on a
 * narrow screen instead of overflowing the page.
 */
export function DataTable<Row>({ caption, captionVisible = false, head = true, className, columns, rows, rowKey, empty, actions }: DataTableProps<Row>) {
  if (rows.length === 0 && empty !== undefined) return <p className="empty-state">{empty}</p>;
  return (
    <div className="table-wrap">
      <table className={className}>
        <caption className={captionVisible ? undefined : "visually-hidden"}>{caption}</caption>
        {head ? (
          <thead>
            <tr>
              {columns.map((c, i) => (
                <th key={i} scope="col">
                  {c.header}
                </th>
              ))}
              {actions ? <th scope="col">{actions.header}</th> : null}
            </tr>
          </thead>
        ) : null}
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c, i) =>
                c.rowHeader ? (
                  <th key={i} scope="row">
                    {shown(c.cell(row))}
                  </th>
                ) : (
                  <td key={i}>{shown(c.cell(row))}</td>
                ),
              )}
              {actions ? <td>{actions.cell(row)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
