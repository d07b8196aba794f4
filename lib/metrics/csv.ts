// A table as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, a quote or a
// line break). Cells are text people wrote, such as incident titles, so a cell a spreadsheet would
// run as a formula (= + - @, or a leading tab or carriage return) gets a leading apostrophe (OWASP).
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  return [columns, ...rows]
    .map((row) => row.map(csvCell).join(","))
    .join("\r\n")
    .concat("\r\n");
}
