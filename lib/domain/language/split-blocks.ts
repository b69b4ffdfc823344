/**
 * Cuts Markdown into pieces that parse the same alone as in place, so each
 * can be masked (and cached) on its own. A cut is made only before an
 * unindented line that follows a blank line: in CommonMark that line always
 * starts a new top-level block, because lists, quotes, indented code and
 * paragraphs all end there. The exceptions are top-level fenced code and the
 * HTML blocks that run across blank lines (comments, <pre>, <script>,
 * <style>, <textarea>, <?…?>, <!…>, CDATA); inside those no cut is made.
 * Fences and HTML nested in lists or quotes end with their container, so
 * only top-level ones (at most three spaces in) matter.
 */

// A backtick fence's info string cannot contain a backtick ("``` a`b" is inline code).
const FENCE_OPEN = /^ {0,3}(?:(`{3,})(?!.*`)|(~{3,}))/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

// CommonMark HTML block types 1–5: each ends at the first line containing its closer.
const HTML_RUNS: { open: RegExp; close: RegExp }[] = [
  { open: /^ {0,3}<(?:pre|script|style|textarea)(?=[\s>]|$)/i, close: /<\/(?:pre|script|style|textarea)>/i },
  { open: /^ {0,3}<!--/, close: /-->/ },
  { open: /^ {0,3}<\?/, close: /\?>/ },
  { open: /^ {0,3}<!\[CDATA\[/, close: /\]\]>/ },
  { open: /^ {0,3}<![A-Za-z]/, close: />/ },
];

/** The text as consecutive pieces; joined, they are the text. */
export function splitBlocks(text: string): string[] {
  const blocks: string[] = [];
  let current = "";
  let fence: { char: string; length: number } | null = null;
  let htmlClose: RegExp | null = null;
  let isAfterBlank = false;

  for (const line of text.split(/(?<=\n)/)) {
    const content = line.replace(/\r?\n$/, "");
    const isBlank = /^[ \t]*$/.test(content);
    if (!fence && !htmlClose && isAfterBlank && !isBlank && !/^[ \t]/.test(content) && current !== "") {
      blocks.push(current);
      current = "";
    }
    current += line;

    if (fence) {
      const close = FENCE_CLOSE.exec(content);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = null;
    } else if (htmlClose) {
      if (htmlClose.test(content)) htmlClose = null;
    } else {
      const open = FENCE_OPEN.exec(content);
      const run = open ? undefined : HTML_RUNS.find(({ open: start }) => start.test(content));
      if (open) {
        const marker = open[1] ?? open[2];
        fence = { char: marker[0], length: marker.length };
      } else if (run) {
        const afterOpen = content.slice((run.open.exec(content)?.[0].length ?? 0));
        if (!run.close.test(afterOpen)) htmlClose = run.close;
      }
    }
    isAfterBlank = isBlank;
  }
  if (current !== "") blocks.push(current);
  return blocks;
}
