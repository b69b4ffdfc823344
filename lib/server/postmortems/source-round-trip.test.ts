import { describe, expect, it } from "vitest";
import { renderMarkdown, exportFileName } from "@/lib/domain/markdown/export";
import { postmortemUpdateSchema } from "@/lib/schemas/postmortem";
import { giveTestFileFreshDatabase } from "@/lib/server/testing/fresh-database";

giveTestFileFreshDatabase();
const { getPostmortem, savePostmortem, getRevision } = await import("@/lib/server/postmortems");
const { importPostmortem } = await import("./import-postmortem");

const POST = `---
layout: post
title: "Résolveurs en panne"   # the French blog
date: 2023-02-14 18:05:00 +0100
permalink: /blog/2023/resolveurs/
image: /img/dns.png
categories: [incidents]
---

On February 12th our resolvers failed.

## Timeline

- 10:47 - Alerts fire
`;

describe("an imported blog post, stored and exported back", () => {
  it("keeps its front matter through the database, a save and the revisions", async () => {
    const { document } = await importPostmortem({ text: POST, fileName: "2023-02-14-resolveurs.md" });
    const frontMatter = POST.slice(4, POST.indexOf("\n---\n") + 1);
    expect(document.source).toMatchObject({ publishedAt: "2023-02-14 18:05:00 +0100", frontMatter });
    expect(document.incidentDate).toBe("2023-02-12");

    const stored = await getPostmortem({ slug: document.slug });
    expect(renderMarkdown(stored).startsWith(`---\n${frontMatter}---\n`)).toBe(true);

    // An editor that knows nothing of `source` saves: it stays.
    const { source: _left, ...edited } = { ...stored, summary: "Edited." };
    const saved = await savePostmortem({ slug: stored.slug, version: stored.version, draft: postmortemUpdateSchema.parse(edited) });
    expect(saved.source).toEqual(stored.source);
    expect((await getRevision({ slug: saved.slug, version: saved.version }))?.source).toEqual(stored.source);
    expect(renderMarkdown(saved, { isPublic: true }).startsWith(`---\n${frontMatter}---\n`)).toBe(true);
    expect(exportFileName({ ...saved, source: { ...saved.source!, fileName: "_posts/2023-02-14-resolveurs.md" } })).toBe("2023-02-14-resolveurs.md");
  });
});
