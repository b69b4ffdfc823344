/**
 * Front matter for Jekyll or Hugo (docs/markdown-layout.md). Besides the keys
 * the blog engines read, Hindsight's own fields are kept under keys the
 * importer reads back; empty ones are left out. A post imported with its own
 * front matter gets that back instead (imported-front-matter.ts).
 */
import type { PostmortemDocument } from "@/lib/schemas/postmortem";
import { postDate } from "./dates";
import { renderImportedFrontMatter } from "./imported-front-matter";
import type { FrontMatterFormat } from "./options";
import { yamlOf } from "./yaml";

type Fields = Record<string, string | boolean | string[]>;

function hindsightKeys(doc: PostmortemDocument, url: string | undefined): Fields {
  const fields: Fields = {};
  if (doc.severity) fields.severity = doc.severity;
  fields.status = doc.status;
  if (doc.timezone) fields.timezone = doc.timezone;
  if (doc.services.length) fields.services = doc.services;
  if (doc.authors.length) fields.authors = doc.authors;
  fields.slug = doc.slug;
  if (doc.incidentDate) fields.incident_date = doc.incidentDate;
  if (url) fields.hindsight_url = url;
  return fields;
}

function jekyll(doc: PostmortemDocument, hasLiquidTags: boolean, url: string | undefined): Fields {
  const fields: Fields = { layout: "post", title: doc.title };
  const date = doc.source?.publishedAt ?? postDate(doc, "jekyll");
  if (date) fields.date = date;
  if (doc.tags.length) fields.tags = doc.tags;
  fields.categories = ["postmortem", ...doc.services];
  fields.comments = true;
  // Jekyll runs posts through Liquid: "{{ … }}" in a code block (a Helm chart, a Go template) would vanish.
  if (hasLiquidTags) fields.render_with_liquid = false;
  return { ...fields, ...hindsightKeys(doc, url) };
}

function hugo(doc: PostmortemDocument, url: string | undefined): Fields {
  const fields: Fields = { title: doc.title };
  const date = doc.source?.publishedAt ?? postDate(doc, "iso");
  if (date) fields.date = date;
  fields.draft = doc.status !== "published";
  if (doc.tags.length) fields.tags = doc.tags;
  return { ...fields, ...hindsightKeys(doc, url) };
}

/**
 * The front matter block with its `---` lines, or "" for `none` (yaml.ts
 * says how values are written). An imported post's date is its publication
 * date as the post wrote it.
 * `body` is the Markdown that follows (Jekyll is told not to read Liquid tags in it);
 * `url`, when given, is the postmortem's page in Hindsight (`hindsight_url`);
 * `isPublic` says the document is the public variant (an imported post's
 * own `hindsight_url` is then left out).
 */
export function renderFrontMatter(doc: PostmortemDocument, format: FrontMatterFormat, body = "", url?: string, isPublic = false): string {
  if (format === "none") return "";
  if (doc.source?.frontMatter) return renderImportedFrontMatter(doc, doc.source.frontMatter, { url, isPublic });
  const fields = format === "jekyll" ? jekyll(doc, /\{[{%]/.test(body), url) : hugo(doc, url);
  return `---\n${yamlOf(fields)}---`;
}
