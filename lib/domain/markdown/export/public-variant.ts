/**
 * The public variant of a postmortem: what a company blog may show. Owners,
 * tracker URLs, internal sections and (unless kept) the authors' names are
 * left out, and the term replacements are applied to every text, the title,
 * labels and links included. Timeline links stay: they are chosen to be shown.
 */
import type { PostmortemDocument } from "@/lib/schemas/postmortem";
import { slugify } from "@/lib/domain/slug";
import type { ExportOptions, Replacement } from "./options";

/** `text` with every replacement applied in order: plain strings, case-sensitive, every occurrence. */
export function applyReplacements(text: string, replacements: Replacement[]): string {
  return replacements.reduce((current, { from, to }) => (from ? current.split(from).join(to) : current), text);
}

/** The document with the replacements applied to every text a reader sees. */
export function replaceTerms(doc: PostmortemDocument, replacements: Replacement[]): PostmortemDocument {
  if (replacements.length === 0) return doc;
  const r = (text: string) => applyReplacements(text, replacements);
  const rn = (text: string | null) => (text === null ? null : r(text));
  const slug = r(doc.slug);
  return {
    ...doc,
    // A replaced slug is still a slug: it names the exported file.
    slug: slug === doc.slug ? slug : slugify(slug),
    title: r(doc.title),
    summary: r(doc.summary),
    services: doc.services.map(r),
    tags: doc.tags.map(r),
    authors: doc.authors.map(r),
    impact: r(doc.impact),
    timeline: doc.timeline.map((event) => ({ ...event, text: r(event.text), link: rn(event.link) })),
    rootCause: { trigger: r(doc.rootCause.trigger), narrative: r(doc.rootCause.narrative), whys: doc.rootCause.whys.map(r) },
    contributingFactors: doc.contributingFactors.map((factor) => ({ ...factor, text: r(factor.text) })),
    correctiveActions: doc.correctiveActions.map((action) => ({
      ...action,
      title: r(action.title),
      description: r(action.description),
      owner: rn(action.owner),
      url: rn(action.url),
    })),
    lessons: { wentWell: r(doc.lessons.wentWell), wentWrong: r(doc.lessons.wentWrong), lucky: r(doc.lessons.lucky) },
    sections: doc.sections.map((section) => ({ ...section, title: r(section.title), body: r(section.body) })),
    // An imported post's front matter and file name are written out as they are: a hidden term must not survive there.
    ...(doc.source
      ? { source: { ...doc.source, fileName: rn(doc.source.fileName), frontMatter: rn(doc.source.frontMatter), publishedAt: doc.source.publishedAt } }
      : {}),
  };
}

/** The document as a public export shows it; the document itself when the export is not public. */
export function toPublicDocument(doc: PostmortemDocument, options: Pick<ExportOptions, "isPublic" | "includeAuthors" | "replacements">): PostmortemDocument {
  if (!options.isPublic) return doc;
  const visible: PostmortemDocument = {
    ...doc,
    authors: options.includeAuthors ? doc.authors : [],
    correctiveActions: doc.correctiveActions.map((action) => ({ ...action, owner: null, url: null })),
    sections: doc.sections.filter((section) => !section.internal),
  };
  return replaceTerms(visible, options.replacements);
}
