/**
 * Front matter for Jekyll or Hugo (docs/markdown-layout.md). Besides the keys
 * the blog engines read, Hindsight's own fields are kept under keys the
 * importer reads back; empty ones are left out.
 */
import { stringify } from "yaml";
import type { PostmortemDocument } from "@/lib/schemas/postmortem";
import { postDate } from "./dates";
import type { FrontMatterFormat } from "./options";

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
  const date = postDate(doc, "jekyll");
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
  const date = postDate(doc, "iso");
  if (date) fields.date = date;
  fields.draft = doc.status !== "published";
  if (doc.tags.length) fields.tags = doc.tags;
  return { ...fields, ...hindsightKeys(doc, url) };
}

/**
 * The front matter block with its `---` lines, or "" for `none`. Written as
 * YAML 1.1 so that strings Ruby's or Go's YAML would read as booleans or
 * dates ("yes", "2024-03-14") are quoted; long values are never folded.
 * `body` is the Markdown that follows (Jekyll is told not to read Liquid tags in it);
 * `url`, when given, is the postmortem's page in Hindsight (`hindsight_url`).
 */
export function renderFrontMatter(doc: PostmortemDocument, format: FrontMatterFormat, body = "", url?: string): string {
  if (format === "none") return "";
  const fields = format === "jekyll" ? jekyll(doc, /\{[{%]/.test(body), url) : hugo(doc, url);
  return `---\n${stringify(fields, { version: "1.1", lineWidth: 0 })}---`;
}
