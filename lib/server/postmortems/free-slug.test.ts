import { describe, expect, it } from "vitest";
import { postmortemInputSchema } from "@/lib/schemas/postmortem";
import { giveTestFileFreshDatabase } from "@/lib/server/testing/fresh-database";

giveTestFileFreshDatabase();
const { createPostmortem } = await import("@/lib/server/postmortems");

const draftOf = (title: string) => postmortemInputSchema.parse({ title });

describe("slugs derived from a title", () => {
  it("keep finding a free suffix however many postmortems share the title (once capped at 50 attempts)", async () => {
    const slugs: string[] = [];
    for (let i = 0; i < 60; i++) slugs.push((await createPostmortem({ draft: draftOf("Database outage") })).slug);
    expect(slugs).toEqual(["database-outage", ...Array.from({ length: 59 }, (_, i) => `database-outage-${i + 2}`)]);
  });

  it("stay unique when many creates of one title run at once", async () => {
    const created = await Promise.all(Array.from({ length: 25 }, () => createPostmortem({ draft: draftOf("Cache stampede") })));
    const slugs = created.map((document) => document.slug);
    expect(new Set(slugs).size).toBe(25);
    expect(slugs.every((slug) => /^cache-stampede(-\d+)?$/.test(slug))).toBe(true);
  });

  it("do not count a longer slug that merely starts with the same words", async () => {
    await createPostmortem({ draft: draftOf("Queue lag in EU") });
    expect((await createPostmortem({ draft: draftOf("Queue lag") })).slug).toBe("queue-lag");
    expect((await createPostmortem({ draft: draftOf("Queue lag") })).slug).toBe("queue-lag-2");
  });
});
