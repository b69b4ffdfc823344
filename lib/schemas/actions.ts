/**
 * The corrective-action tracker at the edge: its filters (URL query of the
 * page, GET /api/actions) and a status change (PATCH …/actions/{index}).
 */
import "./zod-in-browser";
import * as z from "zod";
import { ACTION_STATUSES, ACTION_TYPES, SEVERITIES, type ActionStatus, type ActionType, type Severity } from "@/lib/domain/postmortem";
import { isIsoDate } from "@/lib/domain/instants";

export const DUE_FILTERS = ["any", "overdue", "next30", "none"] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];

/** The owner filter's value for actions nobody owns yet. */
export const UNASSIGNED = "unassigned";

export const MAX_PER_PAGE = 200;
export const DEFAULT_PER_PAGE = 50;

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, `Must be one of: ${values.join(", ")}`);
const day = z.string().refine(isIsoDate, "Must be a date written as YYYY-MM-DD");

// One schema per parameter, so that a bad one can be named (API) or dropped alone (page).
const parameterSchemas = {
  owner: z.string().trim().min(1, "Must not be empty").max(200, "Must be at most 200 characters"),
  status: z.array(oneOf(ACTION_STATUSES)).max(ACTION_STATUSES.length * 2, "Too many values"),
  due: oneOf(DUE_FILTERS),
  dueFrom: day,
  dueTo: day,
  type: oneOf(ACTION_TYPES),
  severity: oneOf(SEVERITIES),
  page: z.coerce.number("Must be a whole number").int("Must be a whole number").min(1, "Must be at least 1").max(100_000, "Must be at most 100000"),
  perPage: z.coerce
    .number("Must be a whole number")
    .int("Must be a whole number")
    .min(1, "Must be at least 1")
    .max(MAX_PER_PAGE, `Must be at most ${MAX_PER_PAGE}`),
} as const;

export type TrackerQuery = {
  /** An owner's name, or UNASSIGNED; absent for every owner. */
  owner?: string;
  /** The statuses to list; empty for all. */
  statuses: ActionStatus[];
  due: DueFilter;
  dueFrom?: string;
  dueTo?: string;
  type?: ActionType;
  severity?: Severity;
  page: number;
  perPage: number;
};

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

/** Every value of a parameter; "a,b" counts as two for the list parameter (status). */
function valuesOf(params: RawParams, key: string): string[] {
  const raw = params instanceof URLSearchParams ? params.getAll(key) : [params[key] ?? []].flat();
  return raw.filter((value) => value !== "");
}

/**
 * Reads the tracker filters from a URL query. Empty parameters mean "any".
 * A bad parameter is left out of `query` and explained in `problems`
 * (keyed by parameter): the API answers 400 with them, the page shows them
 * and goes on with the rest.
 */
export function parseTrackerQuery(params: RawParams): { query: TrackerQuery; problems: Record<string, string[]> } {
  const query: TrackerQuery = { statuses: [], due: "any", page: 1, perPage: DEFAULT_PER_PAGE };
  const problems: Record<string, string[]> = {};
  const read = <K extends keyof typeof parameterSchemas>(key: K, input: unknown): z.output<(typeof parameterSchemas)[K]> | undefined => {
    const result = parameterSchemas[key].safeParse(input);
    if (result.success) return result.data as z.output<(typeof parameterSchemas)[K]>;
    problems[key] = [...new Set(result.error.issues.map((issue) => `${issue.message} (got "${String(valuesOf(params, key).join(","))}")`))];
    return undefined;
  };
  const single = (key: keyof typeof parameterSchemas) => valuesOf(params, key).at(-1);

  const owner = single("owner");
  if (owner !== undefined) query.owner = read("owner", owner);
  const statuses = valuesOf(params, "status").flatMap((value) => value.split(",")).filter(Boolean);
  if (statuses.length) query.statuses = [...new Set(read("status", statuses) ?? [])];
  for (const key of ["due", "dueFrom", "dueTo", "type", "severity", "page", "perPage"] as const) {
    const value = single(key);
    if (value === undefined) continue;
    const parsed = read(key, value);
    if (parsed !== undefined) Object.assign(query, { [key]: parsed });
  }
  if (query.dueFrom && query.dueTo && query.dueFrom > query.dueTo) {
    problems.dueTo = [`Must not be before dueFrom (${query.dueFrom})`];
    delete query.dueTo;
  }
  return { query, problems };
}

/** The URL query for `query`, leaving defaults out so that shared links stay short. */
export function trackerQueryString(query: Partial<TrackerQuery>): string {
  const params = new URLSearchParams();
  if (query.owner) params.set("owner", query.owner);
  for (const status of query.statuses ?? []) params.append("status", status);
  if (query.due && query.due !== "any") params.set("due", query.due);
  if (query.dueFrom) params.set("dueFrom", query.dueFrom);
  if (query.dueTo) params.set("dueTo", query.dueTo);
  if (query.type) params.set("type", query.type);
  if (query.severity) params.set("severity", query.severity);
  if (query.page && query.page > 1) params.set("page", String(query.page));
  if (query.perPage && query.perPage !== DEFAULT_PER_PAGE) params.set("perPage", String(query.perPage));
  return params.toString();
}

/** A status change from the tracker: the new status and the postmortem version the page showed. */
export const actionStatusChangeSchema = z.strictObject({
  status: oneOf(ACTION_STATUSES),
  version: z.number("Send the postmortem version you last read, to detect concurrent edits").int().positive(),
});
export type ActionStatusChange = z.output<typeof actionStatusChangeSchema>;

/** The action's place in the URL ("0" is the first corrective action). */
export const actionIndexParamSchema = z.coerce.number().int().min(0).max(10_000);
