/**
 * An existing blog survives a round trip (issue 16, item 9): a post imported
 * from a blog and exported back gives the same file name and the same front
 * matter — keys, values, order, comments — and never an invented offset or a
 * key the post did not have. The posts are our own, written for this test.
 */
import { describe, expect, it } from "vitest";
import { postmortemInputSchema, type PostmortemDocument } from "@/lib/schemas/postmortem";
import { slugify } from "@/lib/domain/slug";
import { parseMarkdown } from "../import/parse-markdown";
import { exportFileNamer, renderExportFiles } from "./bulk";
import { attachmentDisposition } from "./content-disposition";
import { splitEntries } from "./imported-front-matter";
import { exportFileName, renderMarkdown, sourceFileName } from "./render";

const now = new Date("2026-01-15T12:00:00Z");

/** Imports a post as the archive import stores it: the parsed document plus its file's name. */
function imported(text: string, fileName: string): PostmortemDocument {
  const { document } = parseMarkdown(text, { fileName, now });
  const draft = postmortemInputSchema.parse({ ...document, source: { ...document.source, fileName } });
  return { ...draft, slug: draft.slug ?? slugify(draft.title), version: 1, createdAt: "2026-01-10T09:30:00.000Z", updatedAt: "2026-01-10T09:30:00.000Z" };
}

/** The front matter block of a Markdown file, without its fences. */
function frontMatterOf(markdown: string): string {
  const match = markdown.match(/^---\n([\s\S]*?\n)---\n/);
  if (!match) throw new Error(`no front matter in:\n${markdown}`);
  return match[1];
}

const JEKYLL_POST = `---
layout: post
title: "DNS resolvers failed for two hours"
date: 2023-02-14 18:05:00 +0100
# Links and the social card
permalink: /blog/2023/dns-resolvers-failed/
image: /assets/img/dns.png   # 1200x630
author: Jane Doe
categories: [incidents]
---

On February 12th our resolvers failed and most customers could not reach the dashboard.

## Timeline

- 10:47 - Alerts fire for resolution errors
- 12:50 - Resolvers restored

## What we are doing about it

- Add a second resolver pool
`;

const HUGO_POST = `---
title: Queue backlog on checkout
date: "2024-05-02"
draft: false
slug: queue-backlog
aliases:
  - /posts/old-queue-backlog/
tags:
  - queues
  - checkout
summary: Orders waited up to 40 minutes.
params:
  hero: /img/queue.jpg
  toc: true
---

Orders waited up to forty minutes on May 1st, 2024.

## Timeline

- 2024-05-01 09:10 UTC - Backlog grows
- 2024-05-01 09:50 UTC - Consumers scaled out
`;

const UNKNOWN_KEYS_POST = `---
# Front matter written by hand, keys in an odd order
image: /img/cdn.png
series: Outages of 2022
title: CDN purge emptied the cache
weight: 3
date: 2022-11-08
canonical_url: https://example.com/cdn-purge
---

A purge emptied every edge cache on 2022-11-08.

## Timeline

- 14:02 - Purge sent
- 14:30 - Hit rate back to normal
`;

describe("an imported blog post exported back", () => {
  it("keeps its front matter exactly: date as written, permalink, image, author, categories, comments, order", () => {
    const doc = imported(JEKYLL_POST, "_posts/2023-02-14-dns-resolvers-failed.md");
    expect(doc.source).toMatchObject({ publishedAt: "2023-02-14 18:05:00 +0100", fileName: "_posts/2023-02-14-dns-resolvers-failed.md" });
    const original = frontMatterOf(JEKYLL_POST);
    for (const isPublic of [false, true]) {
      const markdown = renderMarkdown(doc, { frontMatter: "jekyll", isPublic, includeAuthors: true });
      expect(frontMatterOf(markdown)).toBe(original);
      expect(markdown).not.toContain("comments: true");
      expect(markdown).not.toContain("+0000");
      expect(markdown).not.toContain("Front matter");
      expect(exportFileName(doc, { isPublic })).toBe("2023-02-14-dns-resolvers-failed.md");
    }
  });

  it("in a public export, loses only its authors unless they are opted in, and any link into Hindsight", () => {
    const doc = imported(JEKYLL_POST.replace("author: Jane Doe\n", "author: Jane Doe\nhindsight_url: https://hindsight.internal/postmortems/dns\n"), "dns.md");
    const publicFrontMatter = frontMatterOf(renderMarkdown(doc, { isPublic: true }));
    expect(publicFrontMatter).toBe(frontMatterOf(JEKYLL_POST).replace("author: Jane Doe\n", ""));
    const internal = frontMatterOf(renderMarkdown(doc, { hindsightOrigin: "https://postmortems.example.com" }));
    expect(internal).toContain("author: Jane Doe\nhindsight_url: https://postmortems.example.com/postmortems/dns-resolvers-failed-for-two-hours\ncategories");
  });

  it.each([
    ["Hugo", HUGO_POST, "content/posts/queue-backlog/index.md", "queue-backlog.md"],
    ["hand-written, unknown keys and comments", UNKNOWN_KEYS_POST, "2022-11-08 cdn purge.markdown", "2022-11-08 cdn purge.markdown"],
  ])("%s: the same keys, values and order, under the same file name", (_, post, fileName, exported) => {
    const doc = imported(post, fileName);
    for (const frontMatter of ["jekyll", "hugo"] as const) {
      expect(frontMatterOf(renderMarkdown(doc, { frontMatter }))).toBe(frontMatterOf(post));
    }
    expect(exportFileName(doc)).toBe(exported);
  });

  it("reads back as the same postmortem, and exports the same again", () => {
    const doc = imported(JEKYLL_POST, "2023-02-14-dns-resolvers-failed.md");
    const markdown = renderMarkdown(doc);
    const again = imported(markdown, "2023-02-14-dns-resolvers-failed.md");
    expect(again.source).toEqual(doc.source);
    expect(again.title).toBe(doc.title);
    expect(again.tags).toEqual(doc.tags);
    expect(again.authors).toEqual(doc.authors);
    expect(renderMarkdown(again)).toBe(markdown);
  });

  it("rewrites only what was changed in Hindsight, and adds the fields that gained data at the end", () => {
    const doc = imported(JEKYLL_POST, "2023-02-14-dns-resolvers-failed.md");
    const edited: PostmortemDocument = { ...doc, title: "DNS: two hours without resolvers", severity: "SEV2", tags: [...doc.tags, "dns"], authors: ["Jane Doe", "Ravi Shah"] };
    expect(frontMatterOf(renderMarkdown(edited))).toBe(
      [
        "layout: post",
        "title: "+'"DNS: two hours without resolvers"',
        "date: 2023-02-14 18:05:00 +0100",
        "# Links and the social card",
        "permalink: /blog/2023/dns-resolvers-failed/",
        "image: /assets/img/dns.png   # 1200x630",
        "author:",
        "  - Jane Doe",
        "  - Ravi Shah",
        "categories: [incidents]",
        "severity: SEV2",
        "tags:",
        "  - dns",
        "",
      ].join("\n"),
    );
    // A public export leaves the authors out unless they are opted in.
    expect(frontMatterOf(renderMarkdown(edited, { isPublic: true }))).not.toContain("author");
  });

  it("adds the title of a post that had it as a heading, so that it reads back", () => {
    const doc = imported("---\nlayout: post\npermalink: /x/\n---\n\n# Cache stampede\n\nThe cache emptied at once.\n", "2024-01-02-x.md");
    const markdown = renderMarkdown(doc);
    expect(frontMatterOf(markdown)).toBe("layout: post\npermalink: /x/\ntitle: Cache stampede\n");
    expect(parseMarkdown(markdown, { now }).document.title).toBe("Cache stampede");
  });

  it("compares a field as the import read it: `severity: high` and `timezone: CET` stay as written", () => {
    const post = "---\ntitle: Words\nseverity: high\ntimezone: CET\n---\n\nText.\n";
    const doc = imported(post, "words.md");
    expect([doc.severity, doc.timezone]).toEqual(["SEV2", "Europe/Berlin"]);
    expect(frontMatterOf(renderMarkdown(doc))).toBe(frontMatterOf(post));
    expect(frontMatterOf(renderMarkdown({ ...doc, severity: "SEV1" }))).toBe("title: Words\nseverity: SEV1\ntimezone: CET\n");
  });

  it("keeps tags that are also categories where they were", () => {
    const post = "---\ntitle: Overlap\ntags: [incidents, dns]\ncategories: [incidents]\n---\n\nText.\n";
    const doc = imported(post, "overlap.md");
    expect(doc.tags).toEqual(["incidents", "dns"]);
    expect(frontMatterOf(renderMarkdown(doc))).toBe(frontMatterOf(post));
    expect(frontMatterOf(renderMarkdown({ ...doc, tags: ["incidents"] }))).toBe("title: Overlap\ncategories: [incidents]\n");
  });

  it("applies a public export's replacements to the front matter and the file name", () => {
    const doc = imported(JEKYLL_POST.replace("/assets/img/dns.png", "/assets/img/acme-dns.png"), "2023-02-14-acme-dns.md");
    const options = { isPublic: true, replacements: [{ from: "acme", to: "customer" }] };
    expect(renderMarkdown(doc, options)).not.toContain("acme");
    expect(exportFileName(doc, options)).toBe("2023-02-14-customer-dns.md");
  });

  it("names the files of a zip or folder export after the imported files, numbering two alike", () => {
    const first = imported(JEKYLL_POST, "a/post.md");
    const second = imported(UNKNOWN_KEYS_POST, "b/post.md");
    const plain: PostmortemDocument = { ...first, slug: "plain", source: undefined, incidentDate: "2024-01-02" };
    expect(renderExportFiles([first, second, plain]).map((file) => file.name)).toEqual(["post.md", "post-2.md", "2024-01-02-plain.md"]);
    const nameOf = exportFileNamer();
    expect([nameOf(second), nameOf(second)]).toEqual(["post.md", "post-2.md"]);
    expect(nameOf(imported(UNKNOWN_KEYS_POST, "c/POST.md"))).toBe("POST-3.md");
  });
});

describe("dates in the export", () => {
  it("never writes an offset that was not known", () => {
    const { document } = parseMarkdown("# Disk full\n\n## Timeline\n\n- 2024-03-14 10:47 - Disk fills up\n", { now });
    const draft = postmortemInputSchema.parse(document);
    const doc: PostmortemDocument = { ...draft, slug: "disk-full", version: 1, createdAt: "2024-03-15T09:30:00.000Z", updatedAt: "2024-03-15T09:30:00.000Z" };
    expect(draft.timezone).toBeNull();
    expect(frontMatterOf(renderMarkdown(doc))).toContain('date: "2024-03-14 10:47:00"\n');
    expect(frontMatterOf(renderMarkdown(doc, { frontMatter: "hugo" }))).toContain('date: "2024-03-14T10:47:00"\n');
    // A known offset is written.
    const zoned = { ...doc, timezone: "Europe/Berlin", timeline: [{ ...doc.timeline[0], at: "2024-03-14T10:47:00+01:00" }] };
    expect(frontMatterOf(renderMarkdown(zoned))).toContain("date: 2024-03-14 10:47:00 +0100\n");
  });

  it("writes a post's publication date as it was written, also without its front matter", () => {
    const doc = imported(JEKYLL_POST, "x.md");
    const withoutFrontMatter: PostmortemDocument = { ...doc, source: { ...doc.source!, frontMatter: null } };
    expect(frontMatterOf(renderMarkdown(withoutFrontMatter))).toContain("date: 2023-02-14 18:05:00 +0100\n");
  });
});

describe("splitEntries", () => {
  it("gives every key with the comments above it, and joins back to the front matter exactly", () => {
    const text = "# head\ntitle: A\n\n# about b\nb: |\n  line\n\n  more\nc:\n  - 1\n# tail\n";
    const entries = splitEntries(text)!;
    expect(entries.map((entry) => entry.key)).toEqual(["title", "b", "c", null]);
    expect(entries.map((entry) => entry.text).join("")).toBe(text);
    expect(entries[1].text.startsWith("\n# about b\nb: |")).toBe(true);
  });

  it("takes linear time: thousands of keys, long comment runs with spaces", () => {
    const frontMatterWith = (keys: number) =>
      [
        ...Array.from({ length: keys }, (_, index) => `key${index}: value ${index}`),
        "last:",
        ...Array.from({ length: keys / 4 }, () => `#${" ".repeat(30)}`),
        "  - x",
        ...Array.from({ length: keys / 4 }, () => `#${" ".repeat(30)}`),
        "",
      ].join("\n");
    const exportOf = (text: string) => {
      const started = performance.now();
      const doc = imported(`---\ntitle: Many keys\n${text}---\n\nText.\n`, "many.md");
      const markdown = renderMarkdown({ ...doc, title: "Renamed" });
      return { markdown, ms: performance.now() - started };
    };
    exportOf(frontMatterWith(100)); // warm up
    const small = exportOf(frontMatterWith(300));
    const large = exportOf(frontMatterWith(1_200));
    // Four times the keys (still under the importer's 2,000 front matter lines): about four times the time (sixteen would be quadratic).
    expect(large.ms / small.ms).toBeLessThan(9);
    expect(frontMatterOf(large.markdown)).toBe(`title: Renamed\n${frontMatterWith(1_200)}`);
    const entries = splitEntries(frontMatterWith(1_200))!;
    expect(entries).toHaveLength(1_202);
    expect(entries.map((entry) => entry.text).join("")).toBe(frontMatterWith(1_200));
  });

  it("is null for front matter that is not one key per line", () => {
    expect(splitEntries("{ title: A, date: 2024-01-01 }")).toBeNull();
    expect(splitEntries("- a\n- b\n")).toBeNull();
    expect(splitEntries("title: [unclosed\n")).toBeNull();
  });
});

describe("sourceFileName", () => {
  it.each([
    ["_posts/2023-02-14-dns.md", "2023-02-14-dns.md"],
    ["../../etc/passwd", "passwd.md"],
    ["C:\\blog\\post.markdown", "post.markdown"],
    ["notes/outage.txt", "outage.md"],
    ["export/Outage review.docx", "Outage review.md"],
    ["content/posts/queue/_index.md", "queue.md"],
    ["..", null],
  ])("%s → %s", (fileName, expected) => {
    expect(sourceFileName(fileName)).toBe(expected);
  });
});

describe("the incident's day of an imported post", () => {
  it("is the day its opening states, not the day it was published", () => {
    const doc = imported(JEKYLL_POST, "_posts/2023-02-14-dns-resolvers-failed.md");
    expect(doc.incidentDate).toBe("2023-02-12");
    expect(doc.timeline.map((event) => event.at)).toEqual(["2023-02-12T10:47:00", "2023-02-12T12:50:00"]);
    // The post's own date is still its publication date.
    expect(doc.source?.publishedAt).toBe("2023-02-14 18:05:00 +0100");
  });

  it("is the opening's day also when the post has no timeline", () => {
    const { document } = parseMarkdown("---\ntitle: Resolvers\ndate: 2023-02-14 18:05:00 +0100\n---\n\nOn February 12th our resolvers failed.\n", { now });
    expect(document.incidentDate).toBe("2023-02-12");
  });

  it.each([
    ["a file name's date", "On the 30th of December our queue stalled.\n", "2024-01-03-queue.md", "2023-12-30"],
    ["no date at all: none is guessed", "On December 30th our queue stalled.\n", "queue.md", null],
    ["a lower-case word is not a month", "Requests 5 may fail at once.\n", "2024-01-03-queue.md", "2024-01-03"],
  ])("a day without a year takes the publication year: %s", (_, opening, fileName, expected) => {
    const { document } = parseMarkdown(`# Queue stalled\n\n${opening}\n## Timeline\n\n- 10:00 - Queue stalls\n`, { fileName, now });
    expect(document.incidentDate ?? null).toBe(expected);
  });
});

describe("attachmentDisposition", () => {
  it("names an ASCII file as it is, and any other with an ASCII stand-in and its own name (RFC 6266)", () => {
    expect(attachmentDisposition("2023-02-14-dns.md")).toBe('attachment; filename="2023-02-14-dns.md"');
    const header = attachmentDisposition("Störung – 東京.md");
    expect(header).toBe(`attachment; filename="Storung _ __.md"; filename*=UTF-8''St%C3%B6rung%20%E2%80%93%20%E6%9D%B1%E4%BA%AC.md`);
    expect(() => new Headers({ "content-disposition": header })).not.toThrow();
    expect(attachmentDisposition('a"b;c.md')).toBe(`attachment; filename="a_b_c.md"; filename*=UTF-8''a%22b%3Bc.md`);
  });
});
