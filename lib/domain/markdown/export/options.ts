/** The choices an export offers; lib/schemas/export.ts reads them from query strings and flags. */

export const FRONT_MATTER_FORMATS = ["jekyll", "hugo", "none"] as const;
export type FrontMatterFormat = (typeof FRONT_MATTER_FORMATS)[number];

/**
 * Section orders: `blog` reads like a company blog post (example 001), `sre`
 * follows the Google SRE book's postmortem template, `short` is the summary,
 * metrics, impact, root cause and actions only.
 */
export const EXPORT_TEMPLATES = ["blog", "sre", "short"] as const;
export type ExportTemplate = (typeof EXPORT_TEMPLATES)[number];

export const TIMELINE_STYLES = ["list", "table"] as const;
export type TimelineStyle = (typeof TIMELINE_STYLES)[number];

/** A plain, case-sensitive text replacement applied to every text of a public export. */
export type Replacement = { from: string; to: string };

export type ExportOptions = {
  frontMatter: FrontMatterFormat;
  template: ExportTemplate;
  timeline: TimelineStyle;
  /** Leaves out owners, tracker URLs, authors (unless `includeAuthors`) and internal sections; applies `replacements`. */
  isPublic: boolean;
  /** Keeps the authors' names in a public export. */
  includeAuthors: boolean;
  /** Applied in order, in the public variant only. */
  replacements: Replacement[];
  /**
   * Where Hindsight is reached ("https://postmortems.example.com"): an internal
   * export's front matter links back to the postmortem there. The server sets
   * it from the request (never a query parameter); a public export leaves it out.
   */
  hindsightOrigin?: string;
};

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = {
  frontMatter: "jekyll",
  template: "blog",
  timeline: "list",
  isPublic: false,
  includeAuthors: false,
  replacements: [],
};

/** The options with defaults for whatever is not given. */
export function resolveExportOptions(options: Partial<ExportOptions> = {}): ExportOptions {
  const defined = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  return { ...DEFAULT_EXPORT_OPTIONS, ...defined };
}
