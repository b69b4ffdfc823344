/** Helpers for the importer's tests: the schema check and the "no sentence is lost" check. */
import { readTime } from "@/lib/domain/timeline/parse-time";
import { readHeaderLine } from "./header-lines";
import { isExactFieldName, matchHeading } from "./synonyms";

/** Markdown markers, links' URLs and spacing removed, so that text compares as people read it. */
export function normalizeForComparison(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^\s*(?:[-*+•·▪‣◦–]|\d{1,3}[.)])\s+/gm, "")
    .replace(/\[[ xX]\]\s*/g, "")
    .replace(/\\(?=[^\p{L}\p{N}\s])/gu, "")
    .replace(/[*_`#>|~]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Every string inside a value, joined. */
export function allStrings(value: unknown): string {
  const strings: string[] = [];
  const stack = [value];
  while (stack.length) {
    const item = stack.pop();
    if (typeof item === "string") strings.push(item);
    else if (item && typeof item === "object") stack.push(...Object.values(item));
  }
  return strings.join("\n");
}

/**
 * The sentences of a document (body only: front matter is structure), each
 * normalised. Structure is left out: a fragment that is only a time becomes
 * an event's time, a rule nothing, a heading that names a field (synonyms.ts)
 * that field, and a header line's key ("**Impact:** …") its field (the value
 * is checked).
 */
export function sentencesOf(markdown: string): string[] {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, "");
  return body
    .split(/\n|(?<=[.!?])\s+/)
    .filter((fragment) => !namesField(fragment))
    .map((fragment) => readHeaderLine(fragment)?.value ?? fragment)
    .map(normalizeForComparison)
    .filter((sentence) => /\p{L}{2}/u.test(sentence))
    .filter((sentence) => {
      const reading = readTime(sentence);
      return !(reading.ok && sentence.slice(reading.length).trim() === "");
    });
}

/** A Markdown heading the importer maps to a field, or a bare line that names one exactly (a plain-text heading). */
function namesField(fragment: string): boolean {
  const heading = fragment.match(/^#{1,6}\s+(.*)$/);
  if (heading) return Boolean(matchHeading(heading[1], null) ?? matchHeading(heading[1], "lessons"));
  return isExactFieldName(normalizeForComparison(fragment));
}

/** The sentences of `markdown` that appear nowhere in `document`. */
export function missingSentences(markdown: string, document: unknown): string[] {
  const haystack = normalizeForComparison(allStrings(document));
  return sentencesOf(markdown).filter((sentence) => !haystack.includes(sentence));
}
