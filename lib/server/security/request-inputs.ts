import "server-only";
import { STEP_IDS } from "@/lib/domain/editor/steps";
import { ACTION_STATUSES, ACTION_TYPES, FACTOR_CATEGORIES, SEVERITIES, STATUSES } from "@/lib/domain/postmortem";
import { MAX_QUERY_LENGTH } from "@/lib/domain/search/query";
import { isIsoDate } from "@/lib/domain/time";
import { DUE_FILTERS, MAX_PER_PAGE as MAX_ACTIONS_PER_PAGE } from "@/lib/schemas/actions";
import { SEARCH_SORTS } from "@/lib/schemas/search";

/**
 * What the app reads from a request besides its body, and what a well-formed
 * value of each looks like. The routes already fall back to defaults for
 * anything else (lib/schemas); this table lets the proxy *say so*, once, in
 * the log, and drop the few headers Next.js itself would choke on.
 * The app reads no cookies at all (there are no accounts).
 */
type Check = (value: string) => boolean;

const CONTROL = /[\u0000-\u001f\u007f]/;
const text = (max: number): Check => (value) => value.length <= max && !CONTROL.test(value);
const integer = (min: number, max: number): Check => (value) => /^\d{1,16}$/.test(value.trim()) && Number(value) >= min && Number(value) <= max;
const oneOf = (values: readonly string[]): Check => (value) => values.includes(value.trim());
/** Repeated or comma-separated values (the library's filters). */
const listOf = (check: Check): Check => (value) => value.split(",").every((part) => part.trim() === "" || check(part.trim()));
const isoDate: Check = (value) => isIsoDate(value.trim());
const yesNo = oneOf(["", "0", "1", "true", "false", "yes", "no", "on", "off"]);

const SEARCH: Record<string, Check> = {
  q: text(MAX_QUERY_LENGTH),
  severity: listOf(oneOf([...SEVERITIES, "none"])),
  status: listOf(oneOf(STATUSES)),
  service: listOf(text(100)),
  tag: listOf(text(100)),
  factor: listOf(oneOf(FACTOR_CATEGORIES)),
  action: listOf(oneOf([...ACTION_STATUSES, "none"])),
  from: isoDate,
  to: isoDate,
  sort: oneOf(SEARCH_SORTS),
  page: integer(1, 10_000),
  perPage: integer(1, 100),
};

/** Query parameters by route (a pattern over the path), as the routes read them. */
const QUERY_PARAMS: [RegExp, Record<string, Check>][] = [
  [/^\/$/, SEARCH],
  [/^\/api\/search$/, SEARCH],
  [/^\/api\/postmortems$/, { page: integer(1, 100_000), perPage: integer(1, 100), status: oneOf(STATUSES) }],
  [/^\/insights$/, { from: isoDate, to: isoDate, service: text(100), severity: oneOf(SEVERITIES) }],
  [/^\/postmortems\/(?!new$)[^/]+$/, { events: integer(1, Number.MAX_SAFE_INTEGER) }],
  [/^\/postmortems\/[^/]+\/history$/, { from: integer(1, Number.MAX_SAFE_INTEGER), to: integer(1, Number.MAX_SAFE_INTEGER) }],
  [/^\/postmortems\/[^/]+\/edit$/, { step: oneOf(STEP_IDS) }],
  [/^\/api\/import$/, { fileName: text(255), create: yesNo }],
  // The tracker page drops a bad filter and says so on the page; GET /api/actions answers 400 naming it.
  [
    /^\/actions$/,
    {
      owner: text(200),
      status: listOf(oneOf(ACTION_STATUSES)),
      due: oneOf(DUE_FILTERS),
      dueFrom: isoDate,
      dueTo: isoDate,
      type: oneOf(ACTION_TYPES),
      severity: oneOf(SEVERITIES),
      page: integer(1, 100_000),
      perPage: integer(1, MAX_ACTIONS_PER_PAGE),
    },
  ],
  // Export options are not here: a bad one is a 422 naming it, since guessing
  // (say, a non-public export for `public=yse`) could publish internal details.
];

/** An odd input, named for the log; `key` groups repeats so each kind is logged once. */
export type Finding = { key: string; where: "query" | "header"; name: string; reason: string };

export type Inspection = { findings: Finding[]; headersToDrop: string[] };

/** Server Action ids are hex digests; anything else cannot name an action. */
const ACTION_ID = /^[0-9a-f]{40,64}$/i;

/** Finds the malformed query parameters and headers of one request (never throws). */
export function inspectRequestInputs({ pathname, search, headers }: { pathname: string; search: string; headers: Headers }): Inspection {
  const findings: Finding[] = [];
  const headersToDrop: string[] = [];
  const note = (where: Finding["where"], name: string, reason: string) =>
    findings.push({ key: `${where}:${pathname.replace(/^\/(postmortems|api\/postmortems)\/[^/]+/, "/$1/[slug]")}:${name}:${reason}`, where, name, reason });

  for (const part of search.replace(/^\?/, "").split("&")) {
    if (!part) continue;
    const [rawName, rawValue = ""] = splitOnce(part, "=");
    const name = safeDecode(rawName);
    const value = safeDecode(rawValue);
    if (name === null || value === null) {
      note("query", name ?? "(undecodable)", "malformed %-escape");
      continue;
    }
    const check = QUERY_PARAMS.find(([route]) => route.test(pathname))?.[1][name];
    if (check && value !== "" && !check(value)) note("query", name, "not a valid value");
  }

  const action = headers.get("next-action");
  if (action !== null && !ACTION_ID.test(action)) {
    note("header", "next-action", "not a Server Action id");
    headersToDrop.push("next-action");
  }
  const routerState = headers.get("next-router-state-tree");
  if (routerState !== null && !isJsonArray(routerState)) {
    note("header", "next-router-state-tree", "not an encoded JSON array");
    headersToDrop.push("next-router-state-tree");
  }
  return { findings, headersToDrop };
}

function splitOnce(value: string, separator: string): [string, string | undefined] {
  const at = value.indexOf(separator);
  return at < 0 ? [value, undefined] : [value.slice(0, at), value.slice(at + 1)];
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return null;
  }
}

function isJsonArray(value: string): boolean {
  const decoded = safeDecode(value);
  if (decoded === null) return false;
  try {
    return Array.isArray(JSON.parse(decoded));
  } catch {
    return false;
  }
}
