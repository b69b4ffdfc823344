/**
 * Finds where a flagged phrase sits in the original file. The language check
 * reports offsets into a field of the parsed document, and the importer
 * reshapes text on the way (list markers, emphasis, time prefixes, joined
 * lines), so offsets cannot be carried back. Words survive, though: the
 * phrase is looked up word by word in the source, and when it occurs more
 * than once the occurrence whose neighbouring words best match the field's
 * wins.
 */

type Token = { word: string; start: number; end: number };

// Words and numbers, with inner apostrophes ("didn't", "team’s"); everything else (Markdown, punctuation) is a gap.
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
/** How many words either side of a phrase decide between its occurrences. */
const CONTEXT_WORDS = 8;

function tokenize(text: string): Token[] {
  return Array.from(text.matchAll(WORD), (found) => ({
    word: found[0].toLowerCase().replace(/’/g, "'"),
    start: found.index,
    end: found.index + found[0].length,
  }));
}

/** Offsets at which each line starts; "\n", "\r\n" and a lone "\r" all end a line, as editors count them. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (const found of text.matchAll(/\r\n?|\n/g)) starts.push(found.index + found[0].length);
  return starts;
}

function lineOf(lineStarts: number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

export type LineLocator = {
  /** The 1-based source line where `text.slice(start, end)` was written, or null when its words are not in the source. */
  locate: (text: string, start: number, end: number) => number | null;
};

/**
 * A locator over one source file. It remembers the occurrences it has
 * handed out, so the same sentence flagged twice (two fields, or written
 * twice) points at two places when the source has two.
 */
export function createLineLocator(source: string): LineLocator {
  const tokens = tokenize(source);
  const lineStarts = lineStartsOf(source);
  const positions = new Map<string, number[]>();
  tokens.forEach((token, index) => {
    const list = positions.get(token.word);
    if (list) list.push(index);
    else positions.set(token.word, [index]);
  });
  const claimed = new Set<number>();
  // A long field flagged many times is tokenized once.
  const fieldCache = new Map<string, Token[]>();

  function locate(text: string, start: number, end: number): number | null {
    let fieldTokens = fieldCache.get(text);
    if (!fieldTokens) fieldCache.set(text, (fieldTokens = tokenize(text)));
    const first = firstTokenEndingAfter(fieldTokens, start);
    if (first === fieldTokens.length || fieldTokens[first].start >= end) return null;
    let last = first;
    while (last + 1 < fieldTokens.length && fieldTokens[last + 1].start < end) last++;
    const phrase = fieldTokens.slice(first, last + 1).map((token) => token.word);

    let best: { index: number; score: number } | null = null;
    for (const index of positions.get(phrase[0]) ?? []) {
      if (!phrase.every((word, offset) => tokens[index + offset]?.word === word)) continue;
      const score = sharedContext(fieldTokens, first, last, tokens, index, index + phrase.length - 1) - (claimed.has(index) ? 0.5 : 0);
      if (!best || score > best.score) best = { index, score };
    }
    if (!best) return null;
    claimed.add(best.index);
    return lineOf(lineStarts, tokens[best.index].start);
  }

  return { locate };
}

function firstTokenEndingAfter(tokens: Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tokens[middle].end > offset) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** How many words next to the phrase agree between the field and one occurrence in the source, counted outwards until the first disagreement. */
function sharedContext(field: Token[], first: number, last: number, source: Token[], sourceFirst: number, sourceLast: number): number {
  let score = 0;
  for (let step = 1; step <= CONTEXT_WORDS && field[first - step] && field[first - step].word === source[sourceFirst - step]?.word; step++) score++;
  for (let step = 1; step <= CONTEXT_WORDS && field[last + step] && field[last + step].word === source[sourceLast + step]?.word; step++) score++;
  return score;
}
