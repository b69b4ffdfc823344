/**
 * Finds where a flagged phrase sits in the original file. The language check
 * reports offsets into a field of the parsed document, and the importer
 * reshapes text on the way (list markers, emphasis, time prefixes, joined
 * lines), so offsets cannot be carried back. Words survive, though: the
 * phrase is looked up word by word in the source, and when it occurs more
 * than once the occurrence whose neighbouring words best match the field's
 * wins (among the next MAX_CANDIDATES not yet handed out, so that the work
 * grows with the file, not with its square).
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

/** Counts the source positions a locator looks at, so tests can see the work grow with the file and not faster. */
export type LocateCounter = { steps: number };

/**
 * How many occurrences of a phrase are scored by their neighbouring words. Up to this many, all of
 * them (the best context wins); past it, the next this many not yet handed out. Scoring every
 * occurrence for every finding made 1 MB of one repeated sentence take minutes.
 */
export const MAX_CANDIDATES = 32;

// Where a phrase occurs in the source (token indexes, in order) and the first one not yet handed out.
type Occurrences = { indexes: number[]; next: number };

/**
 * A locator over one source file. It remembers the occurrences it has
 * handed out, so the same sentence flagged twice (two fields, or written
 * twice) points at two places when the source has two.
 */
export function createLineLocator(source: string, options: { counter?: LocateCounter } = {}): LineLocator {
  const count = (steps: number) => {
    if (options.counter) options.counter.steps += steps;
  };
  const tokens = tokenize(source);
  const lineStarts = lineStartsOf(source);
  const positions = new Map<string, number[]>();
  tokens.forEach((token, index) => {
    const list = positions.get(token.word);
    if (list) list.push(index);
    else positions.set(token.word, [index]);
  });
  const claimed = new Set<number>();
  // A long field flagged many times is tokenized once; a phrase flagged many times is looked up once.
  const fieldCache = new Map<string, Token[]>();
  const phraseCache = new Map<string, Occurrences>();

  function occurrencesOf(phrase: string[]): Occurrences {
    const key = phrase.join(" ");
    let found = phraseCache.get(key);
    if (found) return found;
    // Looked up by its rarest word: "should have checked" by "checked", not by every "should".
    let anchor = 0;
    for (let offset = 1; offset < phrase.length; offset++) {
      if ((positions.get(phrase[offset])?.length ?? 0) < (positions.get(phrase[anchor])?.length ?? 0)) anchor = offset;
    }
    const starts = (positions.get(phrase[anchor]) ?? []).map((index) => index - anchor);
    count(starts.length);
    const indexes = starts.filter((index) => index >= 0 && phrase.every((word, offset) => tokens[index + offset]?.word === word));
    phraseCache.set(key, (found = { indexes, next: 0 }));
    return found;
  }

  function locate(text: string, start: number, end: number): number | null {
    let fieldTokens = fieldCache.get(text);
    if (!fieldTokens) fieldCache.set(text, (fieldTokens = tokenize(text)));
    const first = firstTokenEndingAfter(fieldTokens, start);
    if (first === fieldTokens.length || fieldTokens[first].start >= end) return null;
    let last = first;
    while (last + 1 < fieldTokens.length && fieldTokens[last + 1].start < end) last++;
    const phrase = fieldTokens.slice(first, last + 1).map((token) => token.word);

    const occurrences = occurrencesOf(phrase);
    const { indexes } = occurrences;
    // Each occurrence is passed over once: `next` only moves forward.
    while (occurrences.next < indexes.length && claimed.has(indexes[occurrences.next])) occurrences.next++;
    const from = Math.max(0, Math.min(occurrences.next, indexes.length - MAX_CANDIDATES));
    const candidates = indexes.slice(from, from + MAX_CANDIDATES);
    count(candidates.length);
    let best: { index: number; score: number } | null = null;
    for (const index of candidates) {
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
