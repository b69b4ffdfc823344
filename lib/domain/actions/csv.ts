/**
 * CSV as RFC 4180 writes it (quoted fields, doubled quotes, CRLF between
 * records), with spreadsheet formula injection defused: a cell that a
 * spreadsheet would run as a formula gets a leading apostrophe.
 */

// OWASP's list: = + - @ start a formula; a leading tab or carriage return can hide one.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** The cell as text a spreadsheet shows rather than evaluates ("=SUM(A1)" → "'=SUM(A1)"). */
export function defuseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** One field, quoted when RFC 4180 requires it (or when edge spaces would be trimmed by readers). */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const cell = defuseFormula(value);
  return NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Records → CSV text, each record ended by CRLF. */
export function toCsv(records: (string | number | null | undefined)[][]): string {
  return records.map((record) => `${record.map(csvField).join(",")}\r\n`).join("");
}
