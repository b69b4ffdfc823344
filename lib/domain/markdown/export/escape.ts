/**
 * Writing text into Markdown. Plain-text fields (titles, event texts, whys,
 * owners) are escaped so that they read back as the same characters; the
 * user's own Markdown (summary, impact, narrative…) goes in as it is, with
 * only an unclosed code fence closed so it cannot swallow the sections after it.
 */

const WORD_CHAR = /[\p{L}\p{N}]/u;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const ENTITY_LIKE = /&(#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]*);/y;

/** Unix line ends, whatever the text came with. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/** What GFM turns into a link by itself ("autolink literals"); inside one, backslash escapes are not read. */
const AUTOLINK_LITERAL = /(?:www\.|(?:https?|ftp):\/\/|mailto:|xmpp:)[^\s<]*/giu;

/** One character as plain text in inline Markdown (`text[index]`, its neighbours deciding). */
function escapeChar(text: string, index: number): string {
  const char = text[index];
  const next = text[index + 1] ?? "";
  if ("*`[~|".includes(char)) return `\\${char}`;
  // A backslash is only special before punctuation (an escape) or at a line's end (a hard break).
  if (char === "\\") return ASCII_PUNCTUATION.test(next) || next === "" ? "\\\\" : char;
  // Only "<" before a letter, "/", "!" or "?" can open HTML or an autolink.
  if (char === "<") return /[A-Za-z/!?]/.test(next) ? "\\<" : char;
  if (char === "_") return WORD_CHAR.test(text[index - 1] ?? "") && WORD_CHAR.test(next) ? char : "\\_";
  if (char === "&" && isEntityAt(text, index)) return "\\&";
  return char;
}

/**
 * Escapes the characters that would start inline Markdown: emphasis, code,
 * links, HTML, strikethrough, table pipes, character references and
 * backslash escapes. Characters that cannot start anything where they stand
 * are left alone so the text stays readable: an underscore inside a word
 * (snake_case), "<" before a space, a backslash before a letter. A URL in
 * the text stays a clickable URL unless it holds a character that needs an
 * escape; then it is kept from becoming a link, so the escape is read.
 */
export function escapeInline(text: string): string {
  const urls = new Map<number, number>();
  for (const match of text.matchAll(AUTOLINK_LITERAL)) urls.set(match.index, match.index + match[0].length);
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const urlEnd = urls.get(i);
    if (urlEnd !== undefined) {
      let escaped = "";
      for (let j = i; j < urlEnd; j++) escaped += escapeChar(text, j);
      const url = text.slice(i, urlEnd);
      // An escape right after the URL ("\\<") would be read as part of it.
      const isClean = escaped === url && (urlEnd === text.length || escapeChar(text, urlEnd) === text[urlEnd]);
      // "www\." and "https\://" are no longer autolinks (here or further on in the run); they read the same.
      out += isClean ? url : escaped.replace(/(www)\.|(https?|ftp|mailto|xmpp):/gi, (_, www, scheme) => (www ? `${www}\\.` : `${scheme}\\:`));
      i = urlEnd - 1;
      continue;
    }
    out += escapeChar(text, i);
  }
  return out;
}

function isEntityAt(text: string, index: number): boolean {
  ENTITY_LIKE.lastIndex = index;
  return ENTITY_LIKE.test(text);
}

/** Spaces and tabs at both ends removed (other whitespace, such as a no-break space, is content). */
function trimSpaces(text: string): string {
  return text.replace(/^[ \t]+|[ \t]+$/g, "");
}

/** Escapes what would make an (already inline-escaped) line start a block: heading, quote, list, rule, setext underline. */
function escapeLineStart(line: string): string {
  if (/^[#>+=-]/.test(line)) return `\\${line}`;
  return line.replace(/^(\d{1,9})([.)])/, "$1\\$2");
}

/**
 * Plain text on one line (headings, table cells, bold titles): whitespace
 * runs, line breaks included, become one space.
 */
export function inlineText(text: string): string {
  return escapeInline(trimSpaces(normalizeNewlines(text).replace(/[ \t]*\n[ \t\n]*/g, " ")));
}

/** Plain text as a heading's content; a trailing "#" run after a space is escaped so it is not read as a closing sequence. */
export function headingText(text: string): string {
  return inlineText(text).replace(/(^|[ \t])#(#*)$/, "$1\\#$2");
}

/**
 * Plain text that may run over several lines, as the content of a list item
 * or paragraph: line breaks are kept, continuation lines get `indent`, and no
 * line can start a block. `isBlockStart` when the text opens a block itself
 * (the item of an ordered list) rather than following a prefix on its line.
 */
export function multilineText(text: string, options: { indent?: string; isBlockStart?: boolean } = {}): string {
  const { indent = "", isBlockStart = false } = options;
  const lines = normalizeNewlines(text)
    .replace(/^[ \t\n]+|[ \t\n]+$/g, "")
    .split("\n")
    .map((line) => escapeInline(trimSpaces(line)))
    .filter((line, index, all) => line !== "" || all[index - 1] !== "");
  return lines
    .map((line, index) => {
      if (line === "") return "";
      const escaped = index > 0 || isBlockStart ? escapeLineStart(line) : line;
      return index === 0 ? escaped : `${indent}${escaped}`;
    })
    .join("\n");
}

/** A link destination; the angle-bracket form when the URL has spaces or parentheses. */
export function linkDestination(url: string): string {
  const escaped = url.replace(/[\\<>]/g, (char) => `\\${char}`);
  return /[\s()<>]/.test(url) ? `<${escaped}>` : escaped;
}

/** A Markdown link with a plain-text label. */
export function link(label: string, url: string): string {
  return `[${inlineText(label).replace(/]/g, "\\]")}](${linkDestination(url)})`;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/** Closes a code fence the text opens and never closes (CommonMark rules for fence length and info strings). */
export function closeOpenFence(markdown: string): string {
  let open: string | null = null;
  for (const line of markdown.split("\n")) {
    const match = FENCE.exec(line);
    if (!match) continue;
    const [, fence, rest] = match;
    if (open === null) {
      if (fence[0] === "`" && rest.includes("`")) continue;
      open = fence;
    } else if (fence[0] === open[0] && fence.length >= open.length && rest.trim() === "") {
      open = null;
    }
  }
  return open === null ? markdown : `${markdown}\n${open}`;
}

/** The user's Markdown, as it is: line ends normalised, outer blank lines trimmed, an unclosed fence closed. */
export function markdownBlock(markdown: string): string {
  const text = normalizeNewlines(markdown)
    .replace(/^(\s*\n)+/, "")
    .trimEnd();
  return closeOpenFence(text);
}

/** Indents every non-empty line after the first by `indent` (list item continuation). */
export function indentRest(text: string, indent: string): string {
  return text
    .split("\n")
    .map((line, index) => (index === 0 || line === "" ? line : `${indent}${line}`))
    .join("\n");
}

/** Indents every non-empty line by `indent`. */
export function indentAll(text: string, indent: string): string {
  return text
    .split("\n")
    .map((line) => (line === "" ? line : `${indent}${line}`))
    .join("\n");
}
