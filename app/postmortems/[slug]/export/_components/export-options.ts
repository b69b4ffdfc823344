/** The export page's options and their query string (GET /api/postmortems/<slug>/export), shared by the page and its panel. */

export type ExportPanelOptions = {
  format: "jekyll" | "hugo" | "none";
  template: "blog" | "sre" | "short";
  timeline: "list" | "table";
  isPublic: boolean;
  includeAuthors: boolean;
  replacements: string;
};

export const DEFAULT_EXPORT_OPTIONS: ExportPanelOptions = {
  format: "jekyll",
  template: "blog",
  timeline: "list",
  isPublic: false,
  includeAuthors: false,
  replacements: "",
};

/** The export options as the export API reads them. */
export function toExportQuery(options: ExportPanelOptions): string {
  const query = new URLSearchParams({ format: options.format, template: options.template, timeline: options.timeline });
  if (options.isPublic) query.set("public", "1");
  if (options.isPublic && options.includeAuthors) query.set("authors", "1");
  for (const line of options.replacements.split("\n")) {
    if (options.isPublic && line.includes("=") && line.split("=")[0].trim()) query.append("replace", line.trim());
  }
  return query.toString();
}

/** The post without its front matter: what a blog shows. */
export const withoutFrontMatter = (markdown: string) => markdown.replace(/^---\n[\s\S]*?\n---\n+/, "");
