/**
 * A paragraph's inline nodes cut at its source lines, so that lines can be
 * read apart (a chat log's timed lines, each an event) from the tree already
 * parsed. Parsing each line again cost a whole Markdown parse per line: ten
 * seconds for a megabyte of timeline lines (issue 16).
 */
import type { Paragraph, PhrasingContent } from "mdast";

/**
 * The inline nodes of each source line of a paragraph (index 0: its first
 * line); null when a node other than text runs across lines (`**a\nb**`) or
 * a text's line breaks do not match its lines, so the caller reads the
 * lines another way.
 */
export function phrasingByLine(paragraph: Paragraph): PhrasingContent[][] | null {
  const firstLine = paragraph.position?.start.line;
  const lastLine = paragraph.position?.end.line;
  if (firstLine === undefined || lastLine === undefined) return null;
  const lines: PhrasingContent[][] = Array.from({ length: lastLine - firstLine + 1 }, () => []);
  for (const node of paragraph.children) {
    const start = node.position?.start.line;
    const end = node.position?.end.line;
    if (start === undefined || end === undefined || start < firstLine || end > lastLine) return null;
    if (node.type === "text") {
      const parts = node.value.split("\n");
      if (parts.length !== end - start + 1) return null;
      parts.forEach((value, index) => {
        if (value) lines[start - firstLine + index].push({ type: "text", value });
      });
    } else if (start === end || (node.type === "break" && end === start + 1)) {
      lines[start - firstLine].push(node);
    } else {
      return null;
    }
  }
  return lines;
}

/** Lines' nodes joined as one paragraph's, a line ending between them (none after a hard break, which is one). */
export function joinLines(lines: PhrasingContent[][]): PhrasingContent[] {
  const joined: PhrasingContent[] = [];
  lines.forEach((nodes, index) => {
    const previous = joined[joined.length - 1];
    if (index > 0 && previous?.type !== "break") joined.push({ type: "text", value: "\n" });
    joined.push(...nodes);
  });
  return joined;
}
