/**
 * Front matter (YAML, as Jekyll and Hugo write it, and as Hindsight's export
 * writes it: docs/markdown-layout.md) read into fields. The block itself is
 * kept verbatim as the postmortem's `source.frontMatter`, with the post's
 * publication date as written, so that the export gives the post back with
 * the same keys in the same order (docs/format.md, "Source"). Front matter
 * that is not YAML (TOML, broken YAML) is kept in an internal extra section.
 */
import { parseDocument } from "yaml";
import { slugSchema } from "@/lib/schemas/postmortem";
import { findDate, readDate, readMoment } from "./dates";
import { addLabels, addSection, appendProse, warn, type ImportState } from "./state";
import { readSeverity, readStatus, readZone, splitList } from "./vocabulary";

export const FRONT_MATTER_SECTION = "Front matter";

/** Keys blog engines need that mean nothing for a postmortem (kept with the front matter all the same). */
const IGNORED = new Set(["layout", "comments", "render_with_liquid", "toc", "share", "sitemap", "hindsight_url"]);

/** Where a post says when it was published, besides `date`. */
const PUBLISHED_KEYS = new Set(["publishdate", "publish_date", "published", "published_at", "pubdate"]);

/** The most front matter kept as the post's own (postmortemSourceSchema's limit, with room for line ends). */
const MAX_FRONT_MATTER = 90_000;

export type FrontMatterFacts = {
  /** The post's date ("2025-05-25 23:23:02 +0000" → 2025-05-25): the day times are read on when nothing better is known. */
  postDate: string | null;
};

/** Reads a front matter block (`kind` yaml or toml, `raw` without its fences) into the document. */
export function readFrontMatter(state: ImportState, kind: "yaml" | "toml", raw: string, offset: number): FrontMatterFacts {
  const facts: FrontMatterFacts = { postDate: null };
  if (kind === "toml") {
    warn(state, offset, `TOML front matter is not read; kept as the internal section "${FRONT_MATTER_SECTION}"`);
    keepRaw(state, raw, "toml");
    return facts;
  }
  const document = parseDocument(raw, { prettyErrors: false, uniqueKeys: false });
  const data: unknown = document.errors.length ? null : safeToJs(document);
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    const reason = document.errors[0]?.message.split("\n")[0] ?? "it is not a list of keys and values";
    warn(state, offset, `the front matter is not valid YAML (${reason}); kept as the internal section "${FRONT_MATTER_SECTION}"`);
    keepRaw(state, raw, "yaml");
    return facts;
  }
  if (raw.length > MAX_FRONT_MATTER) {
    warn(state, offset, `the front matter is longer than ${MAX_FRONT_MATTER.toLocaleString("en")} characters; kept as the internal section "${FRONT_MATTER_SECTION}"`);
    keepRaw(state, raw, "yaml");
  }
  const values = data as Record<string, unknown>;
  let publishedAt: string | null = null;
  for (const [key, value] of Object.entries(values)) {
    const name = key.toLowerCase();
    if ((name === "date" || (PUBLISHED_KEYS.has(name) && publishedAt === null)) && value !== null && value !== undefined && value !== "") {
      publishedAt = writtenValue(raw, document, key) ?? publishedAt;
    }
    if (value === null || value === undefined || value === "") continue;
    applyKey(state, key, value, values, facts);
  }
  if (raw.length > MAX_FRONT_MATTER) return facts;
  // Every key stays as written, in order, comments included: the export writes the post's front matter back.
  state.draft.source = { fileName: null, contentHash: null, publishedAt, frontMatter: raw.replace(/\r\n?/g, "\n").replace(/\n+$/, "") + "\n" };
  return facts;
}

/** A scalar's text as the front matter wrote it, quotes taken off ("2023-02-14 18:05:00 +0100"); null for anything else. */
function writtenValue(raw: string, document: ReturnType<typeof parseDocument>, key: string): string | null {
  const node = document.get(key, true) as { range?: [number, number, number]; value?: unknown } | undefined;
  if (!node?.range || (typeof node.value !== "string" && typeof node.value !== "number" && !(node.value instanceof Date))) return null;
  const text = raw.slice(node.range[0], node.range[1]).trim();
  const unquoted = /^(["']).*\1$/s.test(text) ? text.slice(1, -1) : text;
  return unquoted.trim().slice(0, 100) || null;
}

/**
 * Applies one key; false when it has no field (or a value that cannot be
 * read), "kept" when it was used but says more than the field holds (an
 * incident's start or end time), so it is also kept as written.
 */
function applyKey(state: ImportState, key: string, value: unknown, all: Record<string, unknown>, facts: FrontMatterFacts): boolean | "kept" {
  const { draft } = state;
  const text = typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value).trim() : null;
  const list = Array.isArray(value) ? value.map(String) : text !== null ? splitList(text) : null;
  switch (key.toLowerCase().replace(/-/g, "_")) {
    case "title":
      if (text === null) return false;
      draft.title = text;
      return true;
    case "date":
      facts.postDate = value instanceof Date ? value.toISOString().slice(0, 10) : text !== null ? readDate(text) ?? findDate(text) : null;
      return facts.postDate !== null;
    case "incident_date":
    case "incidentdate": {
      const day = value instanceof Date ? value.toISOString().slice(0, 10) : text !== null ? readDate(text) : null;
      if (day) draft.incidentDate = day;
      return day !== null;
    }
    case "incident_start":
    case "incident_started_at":
    case "start":
    case "started":
    case "started_at":
    case "start_time":
    case "incident_end":
    case "incident_ended_at":
    case "end":
    case "ended":
    case "ended_at":
    case "end_time":
    case "detected_at": {
      const moment = value instanceof Date ? { day: value.toISOString().slice(0, 10), hasTime: true } : text !== null ? readMoment(text) : null;
      if (!moment) return false;
      // When it began dates the incident; when it ended or was noticed only dates the timeline when nothing else does.
      const isStart = key.toLowerCase().includes("start");
      if (isStart) draft.incidentDate ??= moment.day;
      else state.headerDay ??= moment.day;
      return isStart && !moment.hasTime ? true : "kept";
    }
    case "severity": {
      const severity = text !== null ? readSeverity(text) : null;
      if (severity) draft.severity = severity;
      return severity !== null;
    }
    case "status": {
      const status = text !== null ? readStatus(text) : null;
      if (status) draft.status = status;
      return status !== null;
    }
    case "draft":
      // Hugo's flag; Hindsight's own `status` says more when both are there.
      if (typeof value !== "boolean") return false;
      if (!("status" in all)) draft.status = value ? "draft" : "published";
      return true;
    case "timezone":
    case "time_zone": {
      const zone = text !== null ? readZone(text) : null;
      if (zone) draft.timezone = zone;
      return zone !== null;
    }
    case "slug":
      if (text === null || !slugSchema.safeParse(text).success) return false;
      draft.slug = text;
      return true;
    case "services":
    case "authors":
    case "author":
    case "tags":
      if (!list) return false;
      addLabels(key.startsWith("author") ? draft.authors : key === "services" ? draft.services : draft.tags, list);
      return true;
    case "categories":
      // The export writes [postmortem, …services]; other blogs' categories are topics, kept as tags.
      if (!list) return false;
      if (!("services" in all)) addLabels(draft.tags, list.filter((item) => !/^postmortems?$/i.test(item)));
      return true;
    case "summary":
    case "description":
    case "excerpt":
      if (text === null) return false;
      appendProse(state, "summary", text);
      return true;
    case "impact":
      if (text === null) return false;
      appendProse(state, "impact", text);
      return true;
    default:
      return IGNORED.has(key.toLowerCase());
  }
}

function safeToJs(document: ReturnType<typeof parseDocument>): unknown {
  try {
    return document.toJS({ maxAliasCount: 100 });
  } catch {
    return null;
  }
}

function keepRaw(state: ImportState, raw: string, language: string): void {
  addSection(state, FRONT_MATTER_SECTION, fenced(raw, language), true);
}

/** A code block that holds `text` whatever fences it contains. */
export function fenced(text: string, language = ""): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${language}\n${text}\n${fence}`;
}
