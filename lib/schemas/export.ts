/**
 * Export options as the API (query string) and the CLI (flags) send them:
 * `format=jekyll&template=sre&timeline=table&public=1&authors=1&replace=db-prod-3.internal=the database`.
 * Unknown parameters are ignored; a bad value is an error naming the
 * parameter and the values it takes, never an exception.
 */
import "./zod-in-browser";
import * as z from "zod";
import {
  EXPORT_TEMPLATES,
  FRONT_MATTER_FORMATS,
  TIMELINE_STYLES,
  type ExportOptions,
  type Replacement,
} from "@/lib/domain/markdown/export";

const MAX_REPLACEMENTS = 100;
const MAX_TERM = 300;

/** A missing or empty parameter takes the default. */
const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

const choice = <T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z.preprocess(
    (value) => (typeof value === "string" ? blankToUndefined(value.trim().toLowerCase()) : value),
    z.enum(values, `Must be one of: ${values.join(", ")}`).default(fallback),
  );

const FLAG_VALUES: Record<string, boolean> = { "": true, "1": true, true: true, yes: true, on: true, "0": false, false: false, no: false, off: false };

/** `public=1`, `public=true`, a bare `public`, or the CLI's boolean `--public`. */
const flag = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((value, context) => {
    if (value === undefined || typeof value === "boolean") return value ?? false;
    const parsed = FLAG_VALUES[value.trim().toLowerCase()];
    if (parsed === undefined) {
      context.addIssue({ code: "custom", message: "Must be 1 or 0 (or true, false)" });
      return z.NEVER;
    }
    return parsed;
  });

/** "db-prod-3.internal=the database" → { from, to }; both sides trimmed, only `to` may be empty. */
const replacement = z
  .string()
  .max(2 * MAX_TERM + 1, `Must be at most ${2 * MAX_TERM + 1} characters`)
  .transform((value, context): Replacement => {
    const at = value.indexOf("=");
    const from = at < 0 ? "" : value.slice(0, at).trim();
    if (from === "") {
      context.addIssue({ code: "custom", message: "Write a replacement as TERM=REPLACEMENT, e.g. db-prod-3.internal=the database" });
      return z.NEVER;
    }
    return { from, to: value.slice(at + 1).trim() };
  });

export const exportQuerySchema = z
  .object({
    format: choice(FRONT_MATTER_FORMATS, "jekyll"),
    template: choice(EXPORT_TEMPLATES, "blog"),
    timeline: choice(TIMELINE_STYLES, "list"),
    public: flag,
    authors: flag,
    replace: z.preprocess(
      (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
      z.array(replacement).max(MAX_REPLACEMENTS, `At most ${MAX_REPLACEMENTS} replacements`),
    ),
  })
  .transform(
    (query): ExportOptions => ({
      frontMatter: query.format,
      template: query.template,
      timeline: query.timeline,
      isPublic: query.public,
      includeAuthors: query.authors,
      replacements: query.replace,
    }),
  );

export type ExportQuery = z.input<typeof exportQuerySchema>;

/** The export parameters of a query string, ready for `exportQuerySchema` (`replace` may repeat). */
export function exportQueryOf(params: URLSearchParams): Record<string, unknown> {
  const input: Record<string, unknown> = { replace: params.getAll("replace") };
  for (const key of ["format", "template", "timeline", "public", "authors"]) {
    const value = params.get(key);
    if (value !== null) input[key] = value;
  }
  return input;
}
