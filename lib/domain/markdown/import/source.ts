/** The imported text, cleaned once, with the line numbers warnings refer to. */

export type Source = {
  /** The text every offset refers to: line ends normalised, a byte-order mark and control characters removed. */
  text: string;
  /** Offsets at which each line starts. */
  lineStarts: number[];
};

// C0 controls except tab and line feed, DEL, and the replacement character's lone surrogates are noise in a postmortem.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** How much of a file is looked at to tell text from binary data. */
const SAMPLE = 8_000;
// Bytes that are not UTF-8 decode as U+FFFD; with the C0 controls, text rarely has any and binary data is full of them.
const NOT_TEXT = /[\u0001-\u0008\u000e-\u001a\u001c-\u001f\ufffd]/g;
const MAX_NOT_TEXT_SHARE = 0.1;

/**
 * Why an input is not text (NUL bytes, or mostly bytes that are neither
 * UTF-8 nor printable), or null when it is: such a file would be imported
 * as a postmortem of garbage.
 */
export function findNotTextReason(input: string): string | null {
  if (input.includes("\u0000")) return "it contains NUL bytes, as binary files and UTF-16 text do; save it as UTF-8 Markdown or plain text";
  const sample = input.slice(0, SAMPLE);
  const count = sample.match(NOT_TEXT)?.length ?? 0;
  if (count >= 8 && count > sample.length * MAX_NOT_TEXT_SHARE) {
    return `${Math.round((count / sample.length) * 100)}% of its first characters are not UTF-8 text; save it as UTF-8 Markdown or plain text`;
  }
  return null;
}

/** Cleans the input and indexes its lines; says how many control characters were removed. */
export function readSource(input: string): { source: Source; removed: number } {
  let removed = 0;
  const text = input
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(CONTROL, () => {
      removed++;
      return "";
    });
  const lineStarts = [0];
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) lineStarts.push(index + 1);
  return { source: { text, lineStarts }, removed };
}

/** The 1-based line number of an offset. */
export function lineAt(source: Source, offset: number): number {
  let low = 0;
  let high = source.lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (source.lineStarts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

/** The offset at which a 1-based line starts (the text's end past the last line). */
export function lineStart(source: Source, line: number): number {
  return source.lineStarts[line - 1] ?? source.text.length;
}

/** The source between two offsets with blank lines at both ends and trailing spaces removed. */
export function sliceBlock(source: Source, start: number, end: number): string {
  return trimBlankLines(source.text.slice(start, end));
}

/** Text without leading blank lines and trailing whitespace (indentation of the first line is kept). */
export function trimBlankLines(text: string): string {
  return text.replace(/^(?:[ \t]*\n)+/, "").trimEnd();
}

/**
 * Removes the indentation common to every non-blank line but the first, so
 * that a list item's content reads like top-level Markdown again.
 */
export function dedent(text: string, indent: number): string {
  if (indent <= 0) return text;
  const pattern = new RegExp(`^[ \\t]{1,${indent}}`);
  return text
    .split("\n")
    .map((line, index) => (index === 0 ? line : line.replace(pattern, "")))
    .join("\n");
}
