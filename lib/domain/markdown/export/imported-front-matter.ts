/**
 * An imported post's own front matter, written back (docs/markdown-layout.md,
 * "Imported posts"): every key as it was, in its order, comments included;
 * only the keys Hindsight reads whose value was changed in Hindsight are
 * rewritten, and the fields the post did not carry but that hold data
 * (title, severity, services, tags, authors) are added at the end. Blog-engine keys
 * the post did not have (`layout`, `comments`, `categories`, `slug`, `date`)
 * are never added: they would change the post's URL or page.
 */
import { isMap, parseDocument } from "yaml";
import type { PostmortemDocument } from "@/lib/schemas/postmortem";
import { readSeverity, readZone, splitList } from "../import/vocabulary";
import { yamlOf } from "./yaml";

/** One top-level key of the front matter with its text (its comments, value lines and trailing comment), or leading text. */
type Entry = { key: string | null; text: string };

/** The front matter block with its `---` lines for a post imported with `frontMatter`. */
export function renderImportedFrontMatter(
  doc: PostmortemDocument,
  frontMatter: string,
  options: { url?: string; isPublic?: boolean } = {},
): string {
  const { url, isPublic = false } = options;
  const entries = splitEntries(frontMatter);
  // Not a plain list of keys (a flow mapping, anchors across keys…): given back exactly as it was.
  if (!entries) return `---\n${withFinalNewline(frontMatter)}---`;
  const present = new Set(entries.flatMap((entry) => (entry.key ? [normalized(entry.key)] : [])));
  const categoryTags = present.has("services") ? [] : listOf(entries, "categories").filter((item) => !/^postmortems?$/i.test(item));
  // The tags as the import read them: from `tags` and `categories`, in the post's order, each once.
  const readTags = [...new Set(entries.flatMap((entry) => (!entry.key ? [] : normalized(entry.key) === "tags" ? list(valueOf(entry)) : normalized(entry.key) === "categories" ? categoryTags : [])))];
  const tagsChanged = !sameList(readTags, doc.tags);
  const out: string[] = [];
  for (const entry of entries) out.push(rewrite(entry, doc, { categoryTags, tagsChanged, url, isPublic }));
  const extra: Record<string, string | string[]> = {};
  // The body has no title heading when there is front matter: a post that took its title from one gets it here.
  if (!present.has("title")) extra.title = doc.title;
  if (doc.severity && !present.has("severity")) extra.severity = doc.severity;
  if (doc.services.length && !present.has("services")) extra.services = doc.services;
  const ownTags = doc.tags.filter((tag) => !categoryTags.includes(tag));
  if (tagsChanged && ownTags.length && !present.has("tags")) extra.tags = ownTags;
  if (doc.authors.length && !present.has("authors") && !present.has("author")) extra.authors = doc.authors;
  if (url && !present.has("hindsight_url")) extra.hindsight_url = url;
  const added = Object.keys(extra).length ? yamlOf(extra) : "";
  return `---\n${withFinalNewline(out.join(""))}${added}---`;
}

/** The keys whose value Hindsight may have changed; every other key is the post's own. */
const EDITED_KEYS = new Set(["title", "tags", "author", "authors", "services", "severity", "timezone", "time_zone", "incident_date", "incidentdate", "hindsight_url"]);

/** The entry as it was, or with the current value when Hindsight's field for it was changed ("" drops it). */
function rewrite(
  entry: Entry,
  doc: PostmortemDocument,
  { categoryTags, tagsChanged, url, isPublic }: { categoryTags: string[]; tagsChanged: boolean; url?: string; isPublic: boolean },
): string {
  if (!entry.key || !EDITED_KEYS.has(normalized(entry.key))) return entry.text;
  const value = valueOf(entry);
  if (value === undefined) return entry.text;
  const written = (current: string | string[] | null) => replaceValue(entry, current);
  switch (normalized(entry.key)) {
    case "title":
      return text(value) === doc.title ? entry.text : written(doc.title);
    case "tags": {
      // Tags that are also categories stay in `categories`, which is the post's own.
      const own = doc.tags.filter((tag) => !categoryTags.includes(tag));
      return !tagsChanged ? entry.text : written(own.length ? own : null);
    }
    case "author":
    case "authors":
      // A public export has no authors unless they are opted in: the key goes, as Hindsight's own front matter's would.
      if (sameList(list(value), doc.authors)) return entry.text;
      return written(doc.authors.length === 1 && typeof value === "string" ? doc.authors[0] : doc.authors.length ? doc.authors : null);
    case "services":
      return sameList(list(value), doc.services) ? entry.text : written(doc.services.length ? doc.services : null);
    case "severity":
      // Compared as the import read it: "high" is SEV2.
      return (text(value) !== null ? readSeverity(text(value)!) : null) === doc.severity ? entry.text : written(doc.severity);
    case "timezone":
    case "time_zone":
      return (text(value) !== null ? readZone(text(value)!) : null) === doc.timezone ? entry.text : written(doc.timezone);
    case "hindsight_url":
      // A link into an internal tool: never in a public export; the current address in an internal one.
      if (isPublic) return written(null);
      return url === undefined || text(value) === url ? entry.text : written(url);
    case "incident_date":
    case "incidentdate":
      return text(value)?.slice(0, 10) === doc.incidentDate ? entry.text : written(doc.incidentDate);
    default:
      // The post's own: its date, categories, permalink, status, layout… as they were.
      return entry.text;
  }
}

/** The entry's key with a new value, keeping the comments written above it; "" when there is no value any more. */
function replaceValue(entry: Entry, value: string | string[] | null): string {
  const leading = entry.text.slice(0, keyStart(entry.text));
  return value === null ? leading : `${leading}${yamlOf({ [entry.key!]: value })}`;
}

/**
 * The front matter's top-level keys in order, each with its text: the
 * comment and blank lines just above its key, then its key and value lines;
 * comments after the last key are an entry of their own. Joined, the entries
 * are the front matter exactly. Null when the block is not a plain mapping
 * written one key per line.
 */
export function splitEntries(frontMatter: string): Entry[] | null {
  const text = withFinalNewline(frontMatter);
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  if (document.errors.length || !isMap(document.contents) || document.contents.flow) return null;
  const keys: { key: string; at: number }[] = [];
  for (const pair of document.contents.items) {
    const key = pair.key as { value?: unknown; range?: [number, number, number] } | null;
    const at = key?.range?.[0];
    if (at === undefined || (typeof key?.value !== "string" && typeof key?.value !== "number")) return null;
    if (at > 0 && text[at - 1] !== "\n") return null;
    keys.push({ key: String(key.value), at });
  }
  if (!keys.length) return null;
  // Each entry starts above its key, at the first of the comment or blank lines right above it.
  const starts = keys.map(({ at }, index) => {
    if (index === 0) return 0;
    const floor = keys[index - 1].at + 1;
    let start = at;
    while (start > floor) {
      const lineStart = text.lastIndexOf("\n", start - 2) + 1;
      if (lineStart < floor || !isCommentOrBlank(text.slice(lineStart, start - 1))) break;
      start = lineStart;
    }
    return start;
  });
  const entries: Entry[] = keys.map(({ key }, index) => ({ key, text: text.slice(starts[index], starts[index + 1] ?? text.length) }));
  // Comments after the last key's value are not part of it.
  const last = entries[entries.length - 1];
  const lines = last.text.split("\n").slice(0, -1);
  let kept = lines.length;
  while (kept > 1 && isCommentOrBlank(lines[kept - 1])) kept--;
  if (kept < lines.length) {
    const cut = lines.slice(0, kept).join("\n").length + 1;
    entries.push({ key: null, text: last.text.slice(cut) });
    last.text = last.text.slice(0, cut);
  }
  return entries;
}

/** Where the key itself starts in an entry's text (after the comments above it). */
function keyStart(text: string): number {
  let at = 0;
  for (const line of text.split("\n")) {
    if (!isCommentOrBlank(line)) break;
    at += line.length + 1;
  }
  return Math.min(at, text.length);
}

/** A line that holds only a comment written at its start, or nothing. */
const isCommentOrBlank = (line: string) => /^(?:#.*|[ \t]*)$/.test(line);

function valueOf(entry: Entry): unknown {
  try {
    const document = parseDocument(entry.text, { prettyErrors: false, uniqueKeys: false });
    if (document.errors.length) return undefined;
    const data = document.toJS({ maxAliasCount: 10 }) as Record<string, unknown> | null;
    return data && typeof data === "object" ? data[entry.key!] : undefined;
  } catch {
    return undefined;
  }
}

/** The list a key holds (its first occurrence), or none. */
function listOf(entries: Entry[], key: string): string[] {
  const entry = entries.find((candidate) => candidate.key && normalized(candidate.key) === key);
  return entry ? list(valueOf(entry)) : [];
}

const normalized = (key: string) => key.toLowerCase().replace(/-/g, "_");
const text = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value).trim() : null);
const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.map((item) => String(item).trim()).filter(Boolean) : text(value) !== null ? splitList(text(value)!) : [];
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((item, index) => item === b[index]);
const withFinalNewline = (value: string) => (value === "" || value.endsWith("\n") ? value : `${value}\n`);
