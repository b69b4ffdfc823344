/**
 * Google Docs' "Download → Markdown" escapes punctuation that needs no
 * escaping ("restart\, every node\.", "14:05 \- Deploy"). Markdown reads it
 * the same, but the backslashes would stay in the text kept as written (a
 * summary, an extra section). They are taken out where they cannot matter:
 * never in code, never where the character could start a list, a link or
 * an entity.
 */

// Escapes Google Docs writes that are never needed inside a line of text.
const ALWAYS = /\\([,;:?%'"=/@])/g;
// Needed only at the start of a line ("1\. ", "\- "), or "!" before "[" and "(" after "]".
const INLINE = /\\([.\-+)])|\\!(?!\[)|(?<!\])\\\(/g;
const NEEDLESS = /\\[,;:?%'"=/@.\-+)(!]/g;

/** True when a Markdown file has the needless escapes of a Google Docs download (a few are any file's business). */
export function looksLikeGoogleDocsMarkdown(text: string): boolean {
  const sample = text.slice(0, 20_000);
  return (sample.match(NEEDLESS)?.length ?? 0) >= 5 && /\\[.,-]/.test(sample);
}

/** Removes the needless escapes outside code (fenced blocks and `inline` spans are left as written). */
export function unescapeGoogleDocs(text: string): string {
  let isInFence = false;
  return text
    .split("\n")
    .map((line) => {
      if (/^\s{0,3}(```|~~~)/.test(line)) {
        isInFence = !isInFence;
        return line;
      }
      if (isInFence) return line;
      // Odd pieces of a split on backticks are code spans.
      return line
        .split("`")
        .map((piece, index) => (index % 2 === 1 ? piece : unescapePiece(piece, index === 0)))
        .join("`");
    })
    .join("\n");
}

function unescapePiece(piece: string, isLineStart: boolean): string {
  return piece.replace(ALWAYS, "$1").replace(INLINE, (match: string, char: string | undefined, offset: number) => {
    // "1\. " and "\- " at the start of a line keep their escape: without it they would begin a list.
    if (char !== undefined && isLineStart && /^\s*(?:(?:[-*+]|\d+[.)]|>)\s+)*\d*$/.test(piece.slice(0, offset))) return match;
    return match.slice(1);
  });
}
