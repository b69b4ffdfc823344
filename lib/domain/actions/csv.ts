/**
 * CSV as RFC 4180 writes it (every field quoted, doubled quotes, CRLF between
 * records), with spreadsheet formula injection defused: text a spreadsheet
 * could run as a formula gets an apostrophe in front of it.
 */

// OWASP's list: = + - @ start a formula; a leading tab or carriage return can hide one. Full-width
// ＝ ＋ － ＠ count too: spreadsheets in CJK locales read them as their ASCII forms.
// A formula can also start after ; or , (a spreadsheet whose list separator is ";" splits "owner;=2+2"
// into two cells, and one that honours quotes only at a cell's start splits inside quotes too),
// or after a tab or line break (readers that split on those). So each such start gets its apostrophe.
const FORMULA_START = /(?<=^|[;,\t\r\n])(?=[=+\-@\t\r＝＋－＠])/g;

/** The cell as text a spreadsheet shows rather than evaluates ("=SUM(A1)" → "'=SUM(A1)", "owner;=2+2" → "owner;'=2+2"). */
export function defuseFormula(cell: string): string {
  return cell.replace(FORMULA_START, "'");
}

/** One field, always quoted: a reader whose separator is not "," then still keeps the field whole. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '""';
  const cell = typeof value === "number" ? String(value) : defuseFormula(value);
  return `"${cell.replace(/"/g, '""')}"`;
}

/** Records → CSV text, each record ended by CRLF. */
export function toCsv(records: (string | number | null | undefined)[][]): string {
  return records.map((record) => `${record.map(csvField).join(",")}\r\n`).join("");
}
