/**
 * The Porter stemmer exactly as SQLite's FTS5 `porter` tokenizer applies it
 * (ext/fts5/fts5_porter.c), so that code can name the terms the index holds:
 * "configuration" → "configur", "deployed" → "deploi". Tested against SQLite
 * itself in lib/server/search/porter.test.ts.
 */

const MAX_TOKEN_BYTES = 64;

const isVowel = (c: string, isYVowel: boolean) =>
  c === "a" || c === "e" || c === "i" || c === "o" || c === "u" || (isYVowel && c === "y");

/** Skips one vowel run then one consonant run; returns the index after it, or 0 when there is no such pair. */
function gobbleVC(s: string, from: number, to: number, wasConsonant: boolean): number {
  let isConsonant = wasConsonant;
  let i = from;
  for (; i < to; i++) {
    isConsonant = !isVowel(s[i], isConsonant);
    if (!isConsonant) break;
  }
  for (i++; i < to; i++) {
    isConsonant = !isVowel(s[i], isConsonant);
    if (isConsonant) return i + 1;
  }
  return 0;
}

/** m > 0 for the first n characters. */
const mGt0 = (s: string, n: number) => gobbleVC(s, 0, n, false) !== 0;

/** m > 1. */
function mGt1(s: string, n: number): boolean {
  const first = gobbleVC(s, 0, n, false);
  return first !== 0 && gobbleVC(s, first, n, true) !== 0;
}

/** m = 1. */
function mEq1(s: string, n: number): boolean {
  const first = gobbleVC(s, 0, n, false);
  return first !== 0 && gobbleVC(s, first, n, true) === 0;
}

/** *o: ends consonant-vowel-consonant, the last not w, x or y. */
function endsCvc(s: string, n: number): boolean {
  const last = s[n - 1];
  if (last === "w" || last === "x" || last === "y") return false;
  let mask = 0;
  let isConsonant = false;
  for (let i = 0; i < n; i++) {
    isConsonant = !isVowel(s[i], isConsonant);
    mask = ((mask << 1) + (isConsonant ? 1 : 0)) & 0xffff;
  }
  return (mask & 7) === 5;
}

/** *v*: contains a vowel (y counts after the first letter). */
function hasVowel(s: string, n: number): boolean {
  for (let i = 0; i < n; i++) if (isVowel(s[i], i > 0)) return true;
  return false;
}

type Rule = [suffix: string, replacement: string, condition: (stem: string, n: number) => boolean];

/**
 * Applies the first rule whose suffix the word ends with (rules are grouped by
 * the suffix's second-to-last letter in SQLite; the first suffix that matches
 * decides, whether or not its condition holds).
 */
function applyRules(word: string, rules: Record<string, Rule[]>): [string, boolean] {
  const group = rules[word[word.length - 2]];
  if (!group) return [word, false];
  for (const [suffix, replacement, condition] of group) {
    if (word.length > suffix.length && word.endsWith(suffix)) {
      const stemLength = word.length - suffix.length;
      if (condition(word, stemLength)) return [word.slice(0, stemLength) + replacement, true];
      return [word, false];
    }
  }
  return [word, false];
}

const always = () => true;
const mGt1SorT = (s: string, n: number) => (s[n - 1] === "s" || s[n - 1] === "t") && mGt1(s, n);

const STEP1B2: Record<string, Rule[]> = {
  a: [["at", "ate", always]],
  b: [["bl", "ble", always]],
  i: [["iz", "ize", always]],
};

const STEP2: Record<string, Rule[]> = {
  a: [["ational", "ate", mGt0], ["tional", "tion", mGt0]],
  c: [["enci", "ence", mGt0], ["anci", "ance", mGt0]],
  e: [["izer", "ize", mGt0]],
  g: [["logi", "log", mGt0]],
  l: [["bli", "ble", mGt0], ["alli", "al", mGt0], ["entli", "ent", mGt0], ["eli", "e", mGt0], ["ousli", "ous", mGt0]],
  o: [["ization", "ize", mGt0], ["ation", "ate", mGt0], ["ator", "ate", mGt0]],
  s: [["alism", "al", mGt0], ["iveness", "ive", mGt0], ["fulness", "ful", mGt0], ["ousness", "ous", mGt0]],
  t: [["aliti", "al", mGt0], ["iviti", "ive", mGt0], ["biliti", "ble", mGt0]],
};

const STEP3: Record<string, Rule[]> = {
  a: [["ical", "ic", mGt0]],
  s: [["ness", "", mGt0]],
  t: [["icate", "ic", mGt0], ["iciti", "ic", mGt0]],
  u: [["ful", "", mGt0]],
  v: [["ative", "", mGt0]],
  z: [["alize", "al", mGt0]],
};

const STEP4: Record<string, Rule[]> = {
  a: [["al", "", mGt1]],
  c: [["ance", "", mGt1], ["ence", "", mGt1]],
  e: [["er", "", mGt1]],
  i: [["ic", "", mGt1]],
  l: [["able", "", mGt1], ["ible", "", mGt1]],
  n: [["ant", "", mGt1], ["ement", "", mGt1], ["ment", "", mGt1], ["ent", "", mGt1]],
  o: [["ion", "", mGt1SorT], ["ou", "", mGt1]],
  s: [["ism", "", mGt1]],
  t: [["ate", "", mGt1], ["iti", "", mGt1]],
  u: [["ous", "", mGt1]],
  v: [["ive", "", mGt1]],
  z: [["ize", "", mGt1]],
};

/** Step 1b: -eed, -ed, -ing. Returns the word and whether -ed or -ing was removed. */
function step1b(word: string): [string, boolean] {
  const n = word.length;
  const second = word[n - 2];
  if (second === "e") {
    if (n > 3 && word.endsWith("eed")) return [mGt0(word, n - 3) ? word.slice(0, n - 1) : word, false];
    if (n > 2 && word.endsWith("ed") && hasVowel(word, n - 2)) return [word.slice(0, n - 2), true];
  } else if (second === "n") {
    if (n > 3 && word.endsWith("ing") && hasVowel(word, n - 3)) return [word.slice(0, n - 3), true];
  }
  return [word, false];
}

const byteLength = (word: string) => new TextEncoder().encode(word).length;

/** The stem FTS5's porter tokenizer stores for a folded (lowercase, accent-free) word. */
export function porterStem(token: string): string {
  const bytes = byteLength(token);
  if (bytes > MAX_TOKEN_BYTES || bytes < 3) return token;
  let w = token;

  // Step 1a.
  if (w.endsWith("s")) {
    if (w[w.length - 2] === "e") {
      if ((w.length > 4 && w[w.length - 4] === "s" && w[w.length - 3] === "s") || (w.length > 3 && w[w.length - 3] === "i")) {
        w = w.slice(0, -2);
      } else {
        w = w.slice(0, -1);
      }
    } else if (w[w.length - 2] !== "s") {
      w = w.slice(0, -1);
    }
  }

  // Step 1b.
  const [afterStep1b, removed] = step1b(w);
  w = afterStep1b;
  if (removed) {
    let extended: boolean;
    [w, extended] = applyRules(w, STEP1B2);
    if (!extended) {
      const c = w[w.length - 1];
      if (!isVowel(c, false) && c !== "l" && c !== "s" && c !== "z" && c === w[w.length - 2]) {
        w = w.slice(0, -1);
      } else if (mEq1(w, w.length) && endsCvc(w, w.length)) {
        w += "e";
      }
    }
  }

  // Step 1c.
  if (w.endsWith("y") && hasVowel(w, w.length - 1)) w = `${w.slice(0, -1)}i`;

  // Steps 2 to 4.
  [w] = applyRules(w, STEP2);
  [w] = applyRules(w, STEP3);
  [w] = applyRules(w, STEP4);

  // Step 5a.
  if (w.endsWith("e")) {
    const n = w.length - 1;
    if (mGt1(w, n) || (mEq1(w, n) && !endsCvc(w, n))) w = w.slice(0, -1);
  }

  // Step 5b.
  if (w.length > 1 && w.endsWith("ll") && mGt1(w, w.length - 1)) w = w.slice(0, -1);
  return w;
}
