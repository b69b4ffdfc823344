import { describe, expect, it } from "vitest";
import fixture from "@/e2e/fixtures/full-postmortem.json";
import { AppError } from "@/lib/domain/errors";
import {
  postmortemInputSchema,
  postmortemUpdateSchema,
  type PostmortemDocument,
  type PostmortemDraft,
  type PostmortemInput,
} from "@/lib/schemas/postmortem";
import { giveTestFileFreshDatabase } from "@/lib/server/testing/fresh-database";
import { appErrorOf } from "@/lib/server/testing/app-error-of";

giveTestFileFreshDatabase();
const { archivePostmortem, createPostmortem, getPostmortem, findPostmortem, getRevision, listRevisions, savePostmortem } =
  await import("@/lib/server/postmortems");

/** A validated draft, as the API and CLI hand it to the data layer. */
const draftOf = (input: unknown): PostmortemDraft => postmortemInputSchema.parse(input);

/** The document without what the server adds, to compare with what was sent. */
function contentOf(document: PostmortemDocument) {
  const { version, createdAt, updatedAt, ...content } = document;
  expect(version).toBeGreaterThan(0);
  expect(new Date(createdAt).toISOString()).toBe(createdAt);
  expect(new Date(updatedAt).toISOString()).toBe(updatedAt);
  return content;
}

/** A fetched document turned into the draft a client sends back to save it. */
function editOf(document: PostmortemDocument, change: (doc: PostmortemDocument) => PostmortemDocument): PostmortemDraft {
  return postmortemUpdateSchema.parse(change(structuredClone(document)));
}

let counter = 0;
/** A new postmortem with a unique title (and so a unique slug). */
async function createSample(input: Partial<PostmortemInput> = {}): Promise<PostmortemDocument> {
  counter += 1;
  return createPostmortem({
    draft: draftOf({
      title: `Sample incident ${counter}`,
      timeline: [
        { at: "2024-03-14T10:00:00Z", kind: "trigger", text: "first" },
        { at: null, text: "second" },
        { at: "2024-03-14T09:00:00Z", kind: "resolved", text: "third" },
      ],
      rootCause: { whys: ["w1", "w2", "w3"] },
      sections: [
        { title: "S1", body: "one" },
        { title: "S2", body: "two", internal: true },
      ],
      ...input,
    }),
  });
}

describe("createPostmortem and getPostmortem", () => {
  it("stores every field of the full example and gives it back unchanged", async () => {
    const created = await createPostmortem({ draft: draftOf(fixture), authorName: "Amara Okafor" });
    expect(contentOf(created)).toEqual(fixture);
    expect(created.version).toBe(1);
    expect(created.createdAt).toBe(created.updatedAt);

    const fetched = await getPostmortem({ slug: "checkout-cache-stampede" });
    expect(fetched).toEqual(created);
  });

  it("records the creation as revision 1 with the author and a full snapshot", async () => {
    const revisions = await listRevisions({ slug: "checkout-cache-stampede" });
    expect(revisions).toEqual([{ version: 1, authorName: "Amara Okafor", summary: "Created", createdAt: expect.any(String) }]);
    const snapshot = await getRevision({ slug: "checkout-cache-stampede", version: 1 });
    expect(snapshot).toEqual(await getPostmortem({ slug: "checkout-cache-stampede" }));
  });

  it("derives the slug from the title and numbers collisions", async () => {
    const first = await createPostmortem({ draft: draftOf({ title: "Disk full on db-1!" }) });
    const second = await createPostmortem({ draft: draftOf({ title: "Disk full on DB-1" }) });
    const third = await createPostmortem({ draft: draftOf({ title: "disk full on db 1" }) });
    expect([first.slug, second.slug, third.slug]).toEqual(["disk-full-on-db-1", "disk-full-on-db-1-2", "disk-full-on-db-1-3"]);
    expect((await getPostmortem({ slug: "disk-full-on-db-1-2" })).title).toBe("Disk full on DB-1");
  });

  it("numbers a derived slug past one that was taken explicitly", async () => {
    await createPostmortem({ draft: draftOf({ title: "Anything", slug: "dns-outage" }) });
    const derived = await createPostmortem({ draft: draftOf({ title: "DNS outage" }) });
    expect(derived.slug).toBe("dns-outage-2");
  });

  it("refuses an explicit slug that is taken with CONFLICT, and creates nothing", async () => {
    const before = await getPostmortem({ slug: "checkout-cache-stampede" });
    const error = await appErrorOf(createPostmortem({ draft: draftOf({ ...fixture, title: "Another title" }) }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain('"checkout-cache-stampede"');
    expect(error.fields).toEqual({ slug: [expect.stringMatching(/Already in use/)] });
    expect(await getPostmortem({ slug: "checkout-cache-stampede" })).toEqual(before);
    expect(await findPostmortem({ slug: "another-title" })).toBeNull();
  });

  it("keeps list order as given, not time order, for timeline, whys and sections", async () => {
    const created = await createSample();
    expect(created.timeline.map((e) => e.text)).toEqual(["first", "second", "third"]);
    expect(created.rootCause.whys).toEqual(["w1", "w2", "w3"]);
    expect(created.sections.map((s) => [s.title, s.internal])).toEqual([
      ["S1", false],
      ["S2", true],
    ]);
  });

  it("writes nothing when a create fails halfway", async () => {
    const draft = draftOf({ title: "Half-written incident", services: ["api"] });
    // Not reachable through the schema; stands in for any failure after the first insert.
    draft.timeline = [{ at: "not a time", kind: "note", text: "x", link: null }];
    await expect(createPostmortem({ draft })).rejects.toThrow(RangeError);
    expect(await findPostmortem({ slug: "half-written-incident" })).toBeNull();
    // The slug is still free afterwards.
    expect((await createPostmortem({ draft: draftOf({ title: "Half-written incident" }) })).slug).toBe("half-written-incident");
  });

  it("answers NOT_FOUND for an unknown slug", async () => {
    const error = await appErrorOf(getPostmortem({ slug: "no-such-postmortem" }));
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toBe('No postmortem has the slug "no-such-postmortem".');
    expect(await findPostmortem({ slug: "no-such-postmortem" })).toBeNull();
  });
});

describe("savePostmortem", () => {
  it("bumps the version, replaces lists in the given order and records what changed", async () => {
    const original = await createSample();
    const draft = editOf(original, (doc) => ({ ...doc, title: `${doc.title} (edited)`, timeline: [...doc.timeline].reverse() }));
    const saved = await savePostmortem({ slug: original.slug, version: 1, draft, authorName: "Jonas Weber" });

    expect(saved.version).toBe(2);
    expect(saved.title).toBe(`${original.title} (edited)`);
    expect(saved.timeline.map((e) => e.text)).toEqual(["third", "second", "first"]);
    expect(saved.createdAt).toBe(original.createdAt);
    expect(new Date(saved.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(original.updatedAt).getTime());
    expect(await getPostmortem({ slug: original.slug })).toEqual(saved);

    const revisions = await listRevisions({ slug: original.slug });
    expect(revisions.map((r) => [r.version, r.summary, r.authorName])).toEqual([
      [2, "Edited title and timeline", "Jonas Weber"],
      [1, "Created", "Operator (CLI)"],
    ]);
    expect(await getRevision({ slug: original.slug, version: 1 })).toEqual(original);
    expect(await getRevision({ slug: original.slug, version: 2 })).toEqual(saved);
    expect(await getRevision({ slug: original.slug, version: 3 })).toBeNull();
  });

  it("reorders whys and sections, and removes and adds list entries", async () => {
    const original = await createSample();
    const draft = editOf(original, (doc) => ({
      ...doc,
      rootCause: { ...doc.rootCause, whys: ["w3", "w1", "w2", "w4"] },
      sections: [doc.sections[1]],
      tags: ["new-tag"],
    }));
    const saved = await savePostmortem({ slug: original.slug, version: original.version, draft });
    expect(saved.rootCause.whys).toEqual(["w3", "w1", "w2", "w4"]);
    expect(saved.sections).toEqual([{ title: "S2", body: "two", internal: true }]);
    expect(saved.tags).toEqual(["new-tag"]);
    expect(saved.timeline).toEqual(original.timeline);
    const [latest] = await listRevisions({ slug: original.slug });
    expect(latest.summary).toBe("Edited tags, root cause and sections");
  });

  it("records a save without changes as such", async () => {
    const original = await createSample();
    const saved = await savePostmortem({ slug: original.slug, version: 1, draft: editOf(original, (doc) => doc) });
    expect(saved.version).toBe(2);
    expect(contentOf(saved)).toEqual(contentOf(original));
    expect((await listRevisions({ slug: original.slug }))[0].summary).toBe("Saved without changes");
  });

  it("round-trips the full example through a save", async () => {
    const current = await getPostmortem({ slug: "checkout-cache-stampede" });
    const saved = await savePostmortem({ slug: current.slug, version: current.version, draft: editOf(current, (doc) => doc) });
    expect(contentOf(saved)).toEqual(fixture);
  });

  it("refuses a stale version with CONFLICT carrying the current document, and changes nothing", async () => {
    const original = await createSample();
    const current = await savePostmortem({
      slug: original.slug,
      version: 1,
      draft: editOf(original, (doc) => ({ ...doc, summary: "First edit" })),
    });
    const revisionsBefore = await listRevisions({ slug: original.slug });

    const error = await appErrorOf(
      savePostmortem({ slug: original.slug, version: 1, draft: editOf(original, (doc) => ({ ...doc, summary: "Stale edit" })) }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/version 1; it is now at version 2/);
    expect(error.details).toEqual({ current });

    expect(await getPostmortem({ slug: original.slug })).toEqual(current);
    expect(await listRevisions({ slug: original.slug })).toEqual(revisionsBefore);
  });

  it("lets exactly one of two concurrent saves of the same version win", async () => {
    const original = await createSample();
    const results = await Promise.allSettled([
      savePostmortem({ slug: original.slug, version: 1, draft: editOf(original, (doc) => ({ ...doc, summary: "Alice" })) }),
      savePostmortem({ slug: original.slug, version: 1, draft: editOf(original, (doc) => ({ ...doc, summary: "Bob" })) }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = (won[0] as PromiseFulfilledResult<PostmortemDocument>).value;
    // The loser is told it was stale and shown the winner's document.
    const loss = (lost[0] as PromiseRejectedResult).reason as AppError;
    expect(loss).toBeInstanceOf(AppError);
    expect(loss.code).toBe("CONFLICT");
    expect(loss.details).toEqual({ current: winner });

    const stored = await getPostmortem({ slug: original.slug });
    expect(stored).toEqual(winner);
    expect(stored.version).toBe(2);
    expect((await listRevisions({ slug: original.slug })).map((r) => r.version)).toEqual([2, 1]);
  });

  it("renames the slug, and refuses a slug another postmortem has", async () => {
    const original = await createSample();
    const other = await createSample();
    const renamed = await savePostmortem({
      slug: original.slug,
      version: 1,
      draft: editOf(original, (doc) => ({ ...doc, slug: `${doc.slug}-renamed` })),
    });
    expect(renamed.slug).toBe(`${original.slug}-renamed`);
    expect((await getPostmortem({ slug: renamed.slug })).version).toBe(2);
    expect(await findPostmortem({ slug: original.slug })).toBeNull();
    expect((await listRevisions({ slug: renamed.slug })).map((r) => r.summary)).toEqual(["Edited slug", "Created"]);

    const error = await appErrorOf(
      savePostmortem({ slug: renamed.slug, version: 2, draft: editOf(renamed, (doc) => ({ ...doc, slug: other.slug, title: "Hijack" })) }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.fields).toEqual({ slug: [expect.any(String)] });
    expect(await getPostmortem({ slug: renamed.slug })).toEqual(renamed);
    expect(await getPostmortem({ slug: other.slug })).toEqual(other);
  });

  it("writes nothing when a save fails halfway", async () => {
    const original = await createSample();
    const draft = editOf(original, (doc) => ({ ...doc, title: "Changed", services: ["x"] }));
    draft.timeline = [{ at: "not a time", kind: "note", text: "x", link: null }];
    await expect(savePostmortem({ slug: original.slug, version: 1, draft })).rejects.toThrow(RangeError);
    expect(await getPostmortem({ slug: original.slug })).toEqual(original);
    expect(await listRevisions({ slug: original.slug })).toHaveLength(1);
  });

  it("answers NOT_FOUND for an unknown slug", async () => {
    const error = await appErrorOf(savePostmortem({ slug: "no-such-postmortem", version: 1, draft: draftOf({ title: "x" }) }));
    expect(error.code).toBe("NOT_FOUND");
  });
});

describe("archivePostmortem", () => {
  it("sets the status to archived, bumps the version, keeps everything else and records it", async () => {
    const original = await createSample({ status: "published", tags: ["kept"] });
    const archived = await archivePostmortem({ slug: original.slug, authorName: "Amara Okafor" });
    expect(archived.status).toBe("archived");
    expect(archived.version).toBe(2);
    expect({ ...contentOf(archived), status: "published" }).toEqual(contentOf(original));
    expect(await getPostmortem({ slug: original.slug })).toEqual(archived);
    expect((await listRevisions({ slug: original.slug })).map((r) => [r.version, r.summary, r.authorName])).toEqual([
      [2, "Archived", "Amara Okafor"],
      [1, "Created", "Operator (CLI)"],
    ]);
    // A save from before the archive is now stale.
    const error = await appErrorOf(savePostmortem({ slug: original.slug, version: 1, draft: editOf(original, (doc) => doc) }));
    expect(error.code).toBe("CONFLICT");
  });

  it("answers NOT_FOUND for an unknown slug", async () => {
    expect((await appErrorOf(archivePostmortem({ slug: "no-such-postmortem" }))).code).toBe("NOT_FOUND");
  });
});

describe("listRevisions", () => {
  it("lists newest first and answers NOT_FOUND for an unknown slug", async () => {
    const original = await createSample();
    let current = original;
    for (const summary of ["a", "b", "c"]) {
      current = await savePostmortem({ slug: current.slug, version: current.version, draft: editOf(current, (doc) => ({ ...doc, summary })) });
    }
    const revisions = await listRevisions({ slug: original.slug });
    expect(revisions.map((r) => r.version)).toEqual([4, 3, 2, 1]);
    expect(revisions.map((r) => r.summary)).toEqual(["Edited summary", "Edited summary", "Edited summary", "Created"]);
    expect((await getRevision({ slug: original.slug, version: 3 }))?.summary).toBe("b");
    expect(await getRevision({ slug: "no-such-postmortem", version: 1 })).toBeNull();
    expect((await appErrorOf(listRevisions({ slug: "no-such-postmortem" }))).code).toBe("NOT_FOUND");
  });
});

describe("a long timeline", () => {
  // About 3 s on an idle machine; each write holds the event loop, so a busy one stretches it well past 20 s.
  it("saves and reads back 5,000 events in order", async () => {
    const start = Date.UTC(2024, 2, 14, 12, 0);
    // Out of time order on purpose, with untimed events between: order is the list's, not the clock's.
    const timeline = Array.from({ length: 5000 }, (_, i) => ({
      at: i % 7 === 3 ? null : new Date(start - i * 60_000).toISOString(),
      kind: "note" as const,
      text: `Event ${i}`,
      link: i % 100 === 0 ? `https://example.com/${i}` : null,
    }));
    const created = await createPostmortem({ draft: draftOf({ title: "Very long incident", timezone: "UTC", timeline }) });
    expect(created.timeline).toHaveLength(5000);
    expect(created.timeline.map((e) => e.text)).toEqual(timeline.map((e) => e.text));
    expect(created.timeline.map((e) => e.at)).toEqual(timeline.map((e) => e.at && e.at.replace(".000Z", "Z")));

    const reversed = await savePostmortem({
      slug: created.slug,
      version: 1,
      draft: editOf(created, (doc) => ({ ...doc, timeline: [...doc.timeline].reverse() })),
    });
    expect(reversed.timeline.map((e) => e.text)).toEqual(timeline.map((e) => e.text).reverse());
    const fetched = await getPostmortem({ slug: created.slug });
    expect(fetched.timeline).toEqual(reversed.timeline);
  }, 120_000);
});
