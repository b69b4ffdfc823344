/**
 * `Key: value` header lines ("Date: 2024-02-10", "**Authors:** Priya",
 * "- **Severity:** SEV2") read into fields. A line whose value cannot be read
 * stays where it was, with a warning, so nothing is lost.
 */
import { slugSchema } from "@/lib/schemas/postmortem";
import { readMoment } from "./dates";
import { addLabels, addSection, appendProse, warn, type ImportState } from "./state";
import { readFigureName, readFigureValue, readSeverity, readStatus, readZone, splitList } from "./vocabulary";

type HeaderField =
  | "title" | "date" | "moment" | "authors" | "status" | "severity" | "summary" | "impact" | "rootCause" | "trigger"
  | "resolution" | "detection" | "services" | "tags" | "timezone" | "slug" | "figure";

const HEADER_KEYS: Record<string, HeaderField> = {
  title: "title",
  date: "date", "incident date": "date", "date of incident": "date",
  // When it began is the incident's date; when it ended or was noticed only dates the timeline when nothing else does.
  start: "date", started: "date", "start time": "date", "started at": "date", "incident start": "date", "incident started": "date", "start date": "date",
  end: "moment", ended: "moment", "end time": "moment", "ended at": "moment", "incident end": "moment", "incident ended": "moment", "end date": "moment",
  detected: "moment", "detected at": "moment", "time detected": "moment", "detection time": "moment",
  // A page's own dates (a Confluence byline, a Notion property): they date a timeline without a year when nothing else does.
  created: "moment", "created at": "moment", "created time": "moment", "last modified": "moment", "last updated": "moment", "last edited time": "moment",
  author: "authors", authors: "authors", "written by": "authors", "postmortem owner": "authors", "postmortem owners": "authors", "created by": "authors", owner: "authors", "page owner": "authors",
  status: "status", "postmortem status": "status",
  severity: "severity", sev: "severity", "severity level": "severity", "incident severity": "severity",
  summary: "summary", "tl dr": "summary", tldr: "summary", description: "summary", "incident description": "summary",
  impact: "impact", "customer impact": "impact", "user impact": "impact",
  "root cause": "rootCause", "root causes": "rootCause", "root cause analysis": "rootCause",
  trigger: "trigger",
  resolution: "resolution",
  detection: "detection",
  service: "services", services: "services", "affected services": "services", "services affected": "services", systems: "services", "affected systems": "services", components: "services",
  tags: "tags", tag: "tags", labels: "tags", keywords: "tags",
  "time zone": "timezone", timezone: "timezone", tz: "timezone",
  slug: "slug",
};

export type HeaderLine = { field: HeaderField; label: string; value: string };

// "Key: value", "**Key:** value", "**Key**: value", "- **Key:** value"; the key is a few words.
const LINE = /^\s*(?:[-*+]\s+)?(\*\*|__|\*|_)?([\p{L}][\p{L}\p{N} ()/'’-]{0,38}?)\s*(?::\1|\1:|:)\s*(.*)$/u;

/** True when a line is written as a header line, whether or not its key names a field ("**Incident ID:** OPS-4471"). */
export function looksLikeHeaderLine(line: string): boolean {
  const match = line.match(LINE);
  return match !== null && match[3].trim() !== "";
}

/** The header field a line names, or null. */
export function readHeaderLine(line: string): HeaderLine | null {
  const match = line.match(LINE);
  if (!match) return null;
  const label = match[2].trim();
  const normalized = label.toLowerCase().replace(/\([^)]*\)/g, "").replace(/[’']/g, "").replace(/[^a-z0-9]+/g, " ").trim();
  const value = match[3].trim();
  if (!value) return null;
  const field = Object.hasOwn(HEADER_KEYS, normalized) ? HEADER_KEYS[normalized] : readFigureName(normalized) ? "figure" : null;
  return field ? { field, label, value } : null;
}

/**
 * Applies a header line to the document. Returns false when its value could
 * not be read (the caller keeps the line); `offset` places the warning.
 */
export function applyHeaderLine(state: ImportState, header: HeaderLine, offset: number): boolean {
  const { draft } = state;
  const { field, label, value } = header;
  const plain = value.replace(/^(\*\*|__|\*|_)(.*)\1$/, "$2").replace(/\\([\\`*_{}[\]()#+\-.!|])/g, "$1").trim();
  const refuse = (what: string) => {
    warn(state, offset, `could not read ${what} "${plain}"; kept the line as text`);
    return false;
  };
  switch (field) {
    case "title":
      if (!draft.title) draft.title = plain;
      return true;
    case "date": {
      const moment = readMoment(plain);
      if (!moment) return refuse("the date");
      draft.incidentDate ??= moment.day;
      takeZone(state, moment.zone);
      // "Start: 2025-06-02 09:40 CEST": the date is taken, the time has no field; the line is kept so that it is not lost.
      return !moment.hasTime;
    }
    case "moment": {
      const moment = readMoment(plain);
      if (moment) {
        state.headerDay ??= moment.day;
        takeZone(state, moment.zone);
      }
      // No field holds when it ended: the line stays as written, without a warning.
      return false;
    }
    case "authors":
      addLabels(draft.authors, splitList(plain));
      return true;
    case "services":
      addLabels(draft.services, splitList(plain));
      return true;
    case "tags":
      addLabels(draft.tags, splitList(plain.replace(/#(?=\w)/g, "")));
      return true;
    case "status": {
      const status = readStatus(plain);
      if (!status) return refuse("the status");
      draft.status = status;
      return true;
    }
    case "severity": {
      const severity = readSeverity(plain);
      if (!severity) return refuse("the severity");
      draft.severity = severity;
      return true;
    }
    case "timezone": {
      const zone = readZone(plain);
      if (!zone) return refuse("the time zone");
      draft.timezone = zone;
      return true;
    }
    case "slug":
      if (!slugSchema.safeParse(plain).success) return refuse("the slug");
      draft.slug = plain;
      return true;
    case "figure": {
      const figure = readFigureName(label.replace(/\([^)]*\)/g, ""))!;
      const amount = readFigureValue(figure, plain);
      if (amount === null) return refuse(`the ${label.toLowerCase()}`);
      draft.impactFigures[figure] = amount;
      return true;
    }
    case "summary":
    case "impact":
      appendProse(state, field, value);
      return true;
    case "rootCause":
      appendProse(state, "narrative", value);
      return true;
    case "trigger":
      appendProse(state, "trigger", value);
      return true;
    case "resolution":
    case "detection":
      addSection(state, label, value);
      return true;
  }
}

/** A zone written with a header's time ("09:40 CEST") is the postmortem's, unless one is known already; a bare offset names no zone. */
function takeZone(state: ImportState, zone: string | null): void {
  if (zone && !state.draft.timezone && (zone === "UTC" || zone.includes("/"))) state.draft.timezone = zone;
}
