/**
 * Turns what someone typed into the search box into an FTS5 MATCH expression
 * that never fails to parse. People type words; "quoted phrases";
 * `-word` or `-"a phrase"` to leave matches out; `OR` between two terms;
 * `word*` for an explicit prefix. The last word, while it is still being
 * typed (no space after it yet), matches as a prefix. Everything else — stray
 * quotes, brackets, colons, a lone `AND` — is punctuation and is dropped.
 */
import { wordsOf } from "./words";

/** One searchable unit: a single word or a phrase of several words in a row. */
export type Term = {
  words: string[];
  /** Match the last word as a prefix (still being typed, or written with `*`). */
  isPrefix: boolean;
};

/** Terms that must all match (each clause is one term, or several joined by OR). */
export type ParsedQuery = {
  clauses: Term[][];
  excluded: Term[];
};

export const MAX_QUERY_LENGTH = 500;
/** More terms than this are ignored: nobody types them, and each one costs a doclist scan. */
export const MAX_TERMS = 16;
/** A prefix this short would match most of the index: below it, the last word waits for another letter. */
export const MIN_PREFIX_LENGTH = 2;

type Chunk = { text: string; isQuoted: boolean; isClosed: boolean; isNegated: boolean };

/** Splits input into whitespace-separated chunks and quoted phrases (an unclosed quote runs to the end). */
function chunksOf(input: string): Chunk[] {
  const chunks: Chunk[] = [];
  let i = 0;
  while (i < input.length) {
    const char = input[i];
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    // A minus right before a word or a quote negates it ("-flag", -"feature flag").
    let isNegated = false;
    let start = i;
    while (input[start] === "-" || input[start] === "\u2212") {
      isNegated = true;
      start++;
    }
    if (input[start] === '"' || input[start] === "\u201c" || input[start] === "\u201d") {
      const close = input.slice(start + 1).search(/["\u201c\u201d]/);
      const end = close === -1 ? input.length : start + 1 + close;
      chunks.push({ text: input.slice(start + 1, end), isQuoted: true, isClosed: close !== -1, isNegated });
      i = end + 1;
      continue;
    }
    let end = start;
    while (end < input.length && !/\s/.test(input[end]) && !['"', "\u201c", "\u201d"].includes(input[end])) end++;
    chunks.push({ text: input.slice(start, end), isQuoted: false, isClosed: true, isNegated });
    i = end;
  }
  return chunks;
}

/** Reads a raw query; `isTyping` means the input may end in a half-typed word (search-as-you-type, the box, the API). */
export function parseQuery(raw: string, options: { isTyping?: boolean } = {}): ParsedQuery {
  const input = raw.slice(0, MAX_QUERY_LENGTH);
  const isTyping = options.isTyping ?? true;
  const endsInWord = isTyping && input.length > 0 && !/\s$/.test(input);
  const chunks = chunksOf(input);

  const clauses: Term[][] = [];
  const excluded: Term[] = [];
  let pendingOr = false;
  let negateNext = false;
  let termCount = 0;

  chunks.forEach((chunk, index) => {
    if (termCount >= MAX_TERMS) return;
    if (!chunk.isQuoted && !chunk.isNegated) {
      if (chunk.text === "OR") {
        pendingOr = clauses.length > 0;
        return;
      }
      if (chunk.text === "AND") return;
      if (chunk.text === "NOT") {
        negateNext = true;
        return;
      }
    }
    const words = wordsOf(chunk.text);
    if (words.length === 0) return;
    const isLast = index === chunks.length - 1;
    const explicitPrefix = !chunk.isQuoted && /\*\s*$/.test(chunk.text);
    const stillTyping = isLast && endsInWord && (!chunk.isQuoted || !chunk.isClosed);
    let isPrefix = explicitPrefix || stillTyping;
    if (isPrefix && words[words.length - 1].length < MIN_PREFIX_LENGTH) {
      // "token p": wait for the next letter rather than match every word starting with p.
      words.pop();
      isPrefix = false;
      if (words.length === 0) return;
    }
    const term: Term = { words, isPrefix };
    termCount++;
    if (chunk.isNegated || negateNext) {
      negateNext = false;
      pendingOr = false;
      excluded.push(term);
      return;
    }
    if (pendingOr) {
      clauses[clauses.length - 1].push(term);
      pendingOr = false;
    } else {
      clauses.push([term]);
    }
  });
  return { clauses, excluded };
}

/** Whether the query asks for anything at all. */
export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.clauses.length === 0 && query.excluded.length === 0;
}

/** The prefix words of a query (without duplicates), for which the caller may look up completions. */
export function prefixWordsOf(query: ParsedQuery): string[] {
  const words = new Set<string>();
  for (const term of [...query.clauses.flat(), ...query.excluded]) {
    if (term.isPrefix && term.words.length === 1) words.add(term.words[0]);
  }
  return [...words];
}

/** An FTS5 string literal: double quotes inside are doubled. */
function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** Words that stand in for a typed word: whole words a half-typed one starts, or the library's spellings of a typo. */
export type Alternatives = ReadonlyMap<string, string[]>;

/**
 * One term as FTS5 syntax. A single prefix word also matches the whole words
 * that start with it (`completions`), because the index holds stems: "configura"
 * is no stem's prefix, but "configuration" is a word that starts with it. A
 * single word the library does not have also matches its `corrections`
 * ("failovr" → "failover", lib/domain/search/typos.ts).
 */
function termExpression(term: Term, completions: Alternatives, corrections: Alternatives): string {
  const phrase = quote(term.words.join(" "));
  const base = term.isPrefix ? `${phrase}*` : phrase;
  if (term.words.length > 1) return base;
  const [word] = term.words;
  const extra = new Set([...(term.isPrefix ? (completions.get(word) ?? []) : []), ...(corrections.get(word) ?? [])]);
  extra.delete(word);
  return extra.size === 0 ? base : `(${[base, ...[...extra].map(quote)].join(" OR ")})`;
}

function anyOf(terms: Term[], completions: Alternatives, corrections: Alternatives): string {
  const parts = terms.map((term) => termExpression(term, completions, corrections));
  return parts.length === 1 ? parts[0] : `(${parts.join(" OR ")})`;
}

export type MatchExpressions = {
  /** What documents must match, with exclusions applied; null when the query has no positive term. */
  match: string | null;
  /** When the query only excludes (`-draft`): what to leave out of the whole library. */
  excludeOnly: string | null;
};

/**
 * The FTS5 expressions for a parsed query; `completions` maps a prefix word
 * to whole words starting with it, `corrections` a word the library does not
 * have to the library's words it may be a typo of (exclusions are never corrected).
 */
export function matchExpressions(query: ParsedQuery, completions: Alternatives = new Map(), corrections: Alternatives = new Map()): MatchExpressions {
  const positive = query.clauses.map((clause) => anyOf(clause, completions, corrections));
  const negative = query.excluded.map((term) => termExpression(term, completions, new Map()));
  if (positive.length === 0) {
    return { match: null, excludeOnly: negative.length ? negative.join(" OR ") : null };
  }
  let match = positive.join(" AND ");
  if (negative.length) match = `(${match}) NOT (${negative.join(" OR ")})`;
  return { match, excludeOnly: null };
}
