import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatParts } from "@/lib/domain/search/snippet";
import { matchExpressions, parseQuery } from "@/lib/domain/search/query";
import { postmortemInputSchema, postmortemUpdateSchema, type PostmortemDocument, type PostmortemInput } from "@/lib/schemas/postmortem";
import { parseSearchParams, type SearchResponse } from "@/lib/schemas/search";
import { giveTestFileFreshDatabase } from "@/lib/server/testing/fresh-database";

giveTestFileFreshDatabase();
const { archivePostmortem, createPostmortem, getPostmortem, restoreRevision, savePostmortem } = await import("@/lib/server/postmortems");
const { searchPostmortems, findRelatedPostmortems } = await import("@/lib/server/search");
const { getDb } = await import("@/lib/server/db");

let counter = 0;
/** A postmortem with a unique title; `input` fills the rest. */
async function create(input: Partial<PostmortemInput> = {}): Promise<PostmortemDocument> {
  counter += 1;
  return createPostmortem({ draft: postmortemInputSchema.parse({ title: `Incident number ${counter}`, ...input }) });
}

async function save(doc: PostmortemDocument, change: Partial<PostmortemDocument>): Promise<PostmortemDocument> {
  return savePostmortem({ slug: doc.slug, version: doc.version, draft: postmortemUpdateSchema.parse({ ...doc, ...change }) });
}

const search = (query: string): Promise<SearchResponse> => searchPostmortems(parseSearchParams(new URLSearchParams(query)));
const slugsFor = async (query: string) => (await search(query)).results.map((r) => r.slug);

async function integrityCheck() {
  const db = await getDb();
  await db.$executeRawUnsafe(`INSERT INTO "SearchIndex" ("SearchIndex") VALUES ('integrity-check')`);
}

describe("keeping the index in step", () => {
  it("indexes a new postmortem in the transaction that creates it", async () => {
    const doc = await create({ summary: "The quokkafrobnicator misbehaved." });
    expect(await slugsFor("q=quokkafrobnicator ")).toEqual([doc.slug]);
  });

  it("follows a save: new words are found, old ones no longer", async () => {
    const doc = await create({ impact: "Customers saw wombatglitch errors." });
    const saved = await save(doc, { impact: "Customers saw platypusglitch errors.", tags: ["newtag"] });
    expect(await slugsFor("q=wombatglitch ")).toEqual([]);
    expect(await slugsFor("q=platypusglitch ")).toEqual([saved.slug]);
    expect((await search("q=platypusglitch&tag=newtag")).total).toBe(1);
  });

  it("follows an archive (left out by default, found with status=archived) and a restore (which keeps the status)", async () => {
    const doc = await create({ summary: "The echidnaspike took the site down.", status: "in_review" });
    await archivePostmortem({ slug: doc.slug });
    expect(await slugsFor("q=echidnaspike ")).toEqual([]);
    expect(await slugsFor("q=echidnaspike&status=archived")).toEqual([doc.slug]);

    const current = await getPostmortem({ slug: doc.slug });
    await save(current, { summary: "Rewritten without the word.", status: "in_review" });
    expect(await slugsFor("q=echidnaspike&status=in_review&status=archived")).toEqual([]);
    await restoreRevision({ slug: doc.slug, version: 1 });
    expect(await slugsFor("q=echidnaspike ")).toEqual([]);
    expect(await slugsFor("q=echidnaspike&status=archived")).toEqual([doc.slug]);
  });

  it("follows an import (a create from a parsed Markdown document) and a deletion", async () => {
    const imported = await create({ sections: [{ title: "Appendix", body: "The numbatcascade graph." }] });
    expect(await slugsFor("q=numbatcascade ")).toEqual([imported.slug]);
    const db = await getDb();
    await db.$executeRawUnsafe(`DELETE FROM "Postmortem" WHERE "slug" = ?`, imported.slug);
    expect(await slugsFor("q=numbatcascade ")).toEqual([]);
    const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "SearchDocument" WHERE "id" NOT IN (SELECT "id" FROM "Postmortem")`);
    expect(Number(row.n)).toBe(0);
    await integrityCheck();
  });

  it("rolls the index back with a save that fails halfway", async () => {
    const doc = await create({ summary: "The bilbycrash stayed." });
    const draft = postmortemUpdateSchema.parse({ ...doc, summary: "The dingocrash replaced it." });
    draft.timeline = [{ at: "not a time", kind: "note", text: "x", link: null }];
    await expect(savePostmortem({ slug: doc.slug, version: doc.version, draft })).rejects.toThrow();
    expect(await slugsFor("q=bilbycrash ")).toEqual([doc.slug]);
    expect(await slugsFor("q=dingocrash ")).toEqual([]);
  });
});

describe("ranking, matching and snippets", () => {
  it("ranks a word in the title above the summary above the body", async () => {
    const body = await create({ rootCause: { narrative: "The kookaburrafault again." }, incidentDate: "2024-01-01" });
    const summary = await create({ summary: "A kookaburrafault.", incidentDate: "2022-01-01" });
    const title = await create({ title: "Kookaburrafault in checkout", incidentDate: "2023-01-01" });
    expect(await slugsFor("q=kookaburrafault ")).toEqual([title.slug, summary.slug, body.slug]);
    expect(await slugsFor("q=kookaburrafault&sort=date")).toEqual([body.slug, title.slug, summary.slug]);
  });

  it("stems, completes a half-typed word, matches phrases and leaves out -words", async () => {
    const config = await create({ title: "Flamingo configuration drifted", summary: "Flamingo parsers rejected tokens." });
    const other = await create({ title: "Flamingo outage", summary: "Nothing about that." });
    expect(await slugsFor("q=flamingo parser ")).toEqual([config.slug]);
    expect(await slugsFor("q=flamingo configura")).toEqual([config.slug]);
    expect(await slugsFor('q="flamingo outage"')).toEqual([other.slug]);
    expect(await slugsFor("q=flamingo -drifted ")).toEqual([other.slug]);
    expect((await slugsFor("q=flamingo OR zzzunknown ")).sort()).toEqual([config.slug, other.slug].sort());
  });

  it("marks the matched words in the title and in the best field, as text", async () => {
    const doc = await create({
      title: "Pelican <b>timeout</b>",
      timeline: [{ at: null, kind: "note", text: "Retries hit the <script>pelicanqueue</script> hard." }],
    });
    const [result] = (await search("q=pelicanqueue ")).results;
    expect(result.slug).toBe(doc.slug);
    expect(result.snippet?.field).toBe("timeline");
    expect(formatParts(result.snippet!.parts)).toBe("Retries hit the [pelicanqueue] hard.");
    const [titled] = (await search("q=pelican timeout ")).results;
    expect(formatParts(titled.titleParts)).toBe("[Pelican] <b>[timeout]</b>");
  });

  it("shows a summary that opens with an image as plain text, in the snippet and without words", async () => {
    const doc = await create({
      title: "Ibisdeploy went wrong",
      summary: "![Real Life Postmortem Header](/assets/images/postmortem_500.png)\n\nA **config** change locked [accounts](https://x.example/a) for `ibisdeploy` users.",
    });
    const [matched] = (await search("q=locked ibisdeploy ")).results;
    expect(matched.slug).toBe(doc.slug);
    expect(formatParts(matched.snippet!.parts)).toBe("A config change [locked] accounts for [ibisdeploy] users.");
    const listed = (await search("perPage=100")).results.find((r) => r.slug === doc.slug)!;
    expect(listed.summary).toBe("A config change locked accounts for ibisdeploy users.");
  });

  it("answers any query without failing, and the expression it runs is always valid FTS5", async () => {
    await create({ summary: "Some text to match against." });
    const db = await getDb();
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 40 }), async (raw) => {
        const { match, excludeOnly } = matchExpressions(parseQuery(raw));
        for (const expression of [match, excludeOnly]) {
          if (expression) await db.$queryRawUnsafe(`SELECT count(*) FROM "SearchIndex" WHERE "SearchIndex" MATCH ?`, expression);
        }
        const response = await search(new URLSearchParams({ q: raw }).toString());
        expect(response.total).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

describe("typos", () => {
  it("finds the library's word for a misspelt one, finished or still being typed, and marks it", async () => {
    const failover = await create({ summary: "The database failover took nine minutes." });
    const checkout = await create({ summary: "The checkout page timed out for every cart." });
    const infra = await create({ summary: "The infrastructure team rolled the change back." });
    expect(await slugsFor("q=failovr ")).toEqual([failover.slug]);
    expect(await slugsFor("q=failovr")).toEqual([failover.slug]);
    // Other tests' postmortems mention checkout too: "cart" keeps to this one.
    expect(await slugsFor("q=cart chekout ")).toEqual([checkout.slug]);
    expect(await slugsFor("q=cart chekout")).toEqual([checkout.slug]);
    expect(await slugsFor("q=infrastucure ")).toEqual([infra.slug]);
    const [result] = (await search("q=failovr ")).results;
    expect(formatParts(result.snippet!.parts)).toBe("The database [failover] took nine minutes.");
  });

  it("leaves words the library has, short words, phrases and exclusions alone", async () => {
    const carts = await create({ summary: "The quollcarts emptied: a quollography of failures." });
    await create({ summary: "Every quollcards reader stopped." });
    // "quollcarts" is a word of the library: "quollcards" is not offered for it.
    expect(await slugsFor("q=quollcarts ")).toEqual([carts.slug]);
    expect(await slugsFor("q=quollcarts")).toEqual([carts.slug]);
    expect(await slugsFor("q=cat ")).toEqual([]);
    expect(await slugsFor('q="quollcartz emptied" ')).toEqual([]);
    expect(await slugsFor("q=quollography -quollcartz ")).toEqual([carts.slug]);
  });
});

describe("facets", () => {
  it("counts the matches of the query by every facet, each ignoring its own filter", async () => {
    const common = { summary: "The galahstorm arrived." };
    await create({ ...common, severity: "SEV1", services: ["galah-api"], tags: ["dns"], incidentDate: "2023-02-01", contributingFactors: [{ category: "environment_drift", text: "Drift." }], correctiveActions: [{ title: "Fix", status: "open" }] });
    await create({ ...common, severity: "SEV1", services: ["galah-api", "galah-db"], tags: ["cache"], incidentDate: "2024-06-01", correctiveActions: [{ title: "Fix", status: "done" }] });
    await create({ ...common, severity: "SEV3", services: ["galah-db"], incidentDate: "2024-08-01", status: "published" });
    await create({ ...common, severity: null, status: "archived", incidentDate: "2022-01-01" });

    const all = await search("q=galahstorm ");
    expect(all.total).toBe(3);
    expect(all.facets.severity).toEqual([
      { value: "SEV1", count: 2 },
      { value: "SEV3", count: 1 },
    ]);
    expect(all.facets.status).toEqual([
      { value: "draft", count: 2 },
      { value: "published", count: 1 },
      { value: "archived", count: 1 },
    ]);
    expect(all.facets.service).toEqual([
      { value: "galah-api", count: 2 },
      { value: "galah-db", count: 2 },
    ]);
    expect(all.facets.factor).toEqual([{ value: "environment_drift", count: 1 }]);
    expect(all.facets.action).toEqual([
      { value: "open", count: 1 },
      { value: "done", count: 1 },
      { value: "none", count: 1 },
    ]);
    expect(all.facets.year).toEqual([
      { value: "2024", count: 2 },
      { value: "2023", count: 1 },
    ]);

    const filtered = await search("q=galahstorm&severity=SEV1&service=galah-db&from=2024-01-01&to=2024-12-31");
    expect(filtered.total).toBe(1);
    expect(filtered.facets.severity).toEqual([
      { value: "SEV1", count: 1 },
      { value: "SEV3", count: 1 },
    ]);
    expect((await search("q=galahstorm&action=open")).total).toBe(1);
    expect((await search("q=galahstorm&factor=environment_drift")).total).toBe(1);
  });

  it("lists the whole library most recently updated first without words, newest incident first on request, and pages", async () => {
    const older = await create({ incidentDate: "2031-01-02" });
    const touched = await save(await create({ incidentDate: "2001-01-01" }), { summary: "Touched last." });
    const everything = await search("perPage=3");
    expect(everything.request.sort).toBe("updated");
    expect(everything.results.map((r) => r.slug)[0]).toBe(touched.slug);
    expect(everything.totalPages).toBe(Math.ceil(everything.total / 3));
    const byDate = await search("perPage=3&sort=date");
    expect(byDate.results[0].slug).toBe(older.slug);
    const dates = byDate.results.map((r) => r.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    const second = await search("perPage=3&page=2");
    expect(second.results.map((r) => r.slug)).not.toContain(everything.results[0].slug);
  });

  it("leaves out what a query of exclusions only names", async () => {
    const before = (await search("")).total;
    await create({ summary: "An emuoverflow." });
    expect((await search("q=-emuoverflow ")).total).toBe(before);
    expect((await search("")).total).toBe(before + 1);
  });
});

describe("findRelatedPostmortems", () => {
  it("finds postmortems that share services, tags, factors or rare words, with a reason", async () => {
    const source = await create({
      title: "Cassowary job overloaded the ledger",
      services: ["ledger-x"],
      tags: ["batch-x"],
      contributingFactors: [{ category: "environment_drift", text: "Staging differs." }],
    });
    const sameService = await create({ services: ["ledger-x"], contributingFactors: [{ category: "environment_drift", text: "Again." }] });
    const sameWord = await create({ title: "The cassowary job ran twice", tags: ["batch-x"] });
    await create({ services: ["unrelated-x"] });
    const related = await findRelatedPostmortems({ postmortem: source });
    expect(related.map((r) => r.slug).sort()).toEqual([sameService.slug, sameWord.slug].sort());
    expect(related.find((r) => r.slug === sameService.slug)?.reason).toBe("same service: ledger-x; also mentions ledger; also environment drift");
    expect(related.find((r) => r.slug === sameWord.slug)?.reason).toMatch(/^tag: batch-x; also mentions cassowary/);
  });
});
