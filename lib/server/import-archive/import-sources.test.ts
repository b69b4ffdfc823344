/**
 * Importing a whole archive (issue 16, item 6) on a real database: a folder
 * and a zip of the same files, imported twice, changed, dry-run; a bad file
 * among good ones; a crafted zip refused.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { postmortemUpdateSchema } from "@/lib/schemas/postmortem";
import { giveTestFileFreshDatabase } from "@/lib/server/testing/fresh-database";

giveTestFileFreshDatabase();
const { openSources } = await import("./open-sources");
const { importSources } = await import("./import-sources");
const { importSourceFile } = await import("./import-source-file");
const { getPostmortem, listPostmortems, listRevisions } = await import("@/lib/server/postmortems");

const dir = mkdtempSync(path.join(os.tmpdir(), "hindsight-import-archive-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CACHE = `# The cache stampede of March

Date: 2024-03-02

## Timeline (all times UTC)
- 10:00 Cache cluster restarted for an upgrade
- 10:04 Alert: database CPU at 100%
- 10:30 Cache warmed, load back to normal

## Action items
- Warm the cache before moving traffic (owner: Sam)
`;
const DNS = "Resolvers failed after a config push\n\nOn February 12th, 2023 our resolvers failed.\n\nWhat went wrong?\n\nThe push skipped the canary.\n";

function write(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
}

const total = async () => (await listPostmortems({ page: 1, perPage: 1 })).total;
const run = async (paths: string[], dryRun = false) => importSources({ listing: await openSources(paths), dryRun });
const byName = (report: Awaited<ReturnType<typeof run>>) => Object.fromEntries(report.results.map((result) => [result.name, result.status]));

describe("importing a folder", () => {
  const blog = path.join(dir, "blog");
  write(blog, {
    "2024/cache.md": CACHE,
    "dns.txt": DNS,
    "broken.md": new Uint8Array([0, 159, 146, 150, 0, 0, 1, 2]),
    "images/graph.png": new Uint8Array([137, 80, 78, 71]),
    ".obsidian/notes.md": "# Not a postmortem",
    "__MACOSX/._dns.txt": "junk",
  });

  it("creates one postmortem per file; a bad file is reported and the others still import; other files are skipped with their reason", async () => {
    const before = await total();
    const report = await run([blog]);
    expect(byName(report)).toEqual({ "2024/cache.md": "new", "broken.md": "failed", "dns.txt": "new" });
    expect(report.results.find((result) => result.name === "broken.md")?.error).toMatch(/broken\.md/);
    expect(report.skipped).toEqual([
      { name: ".obsidian", reason: "hidden" },
      { name: "__MACOSX", reason: "macOS metadata (__MACOSX)" },
      { name: "images/graph.png", reason: "not a format Hindsight reads (.png)" },
    ]);
    expect(report.totals).toMatchObject({ files: 3, new: 2, failed: 1, skipped: 3 });
    expect(await total()).toBe(before + 2);
    const cache = report.results.find((result) => result.name === "2024/cache.md");
    expect(cache).toMatchObject({ saved: true, title: "The cache stampede of March", counts: { events: 3, factors: 0, actions: 1 } });
    const stored = await getPostmortem({ slug: cache!.slug! });
    expect(stored.status).toBe("draft");
    expect(stored.source).toMatchObject({ fileName: "2024/cache.md", contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it("imported again: every file unchanged, nothing duplicated, nothing written", async () => {
    const before = await total();
    const cacheSlug = (await run([blog], true)).results.find((result) => result.name === "2024/cache.md")!.slug!;
    const revisions = (await listRevisions({ slug: cacheSlug })).length;
    const report = await run([blog]);
    expect(byName(report)).toEqual({ "2024/cache.md": "unchanged", "broken.md": "failed", "dns.txt": "unchanged" });
    expect(await total()).toBe(before);
    expect((await listRevisions({ slug: cacheSlug })).length).toBe(revisions);
  });

  it("a changed file updates its postmortem as a new revision, same slug; a dry run first changes nothing", async () => {
    writeFileSync(path.join(blog, "2024/cache.md"), CACHE.replace("- Warm the cache", "- Rate-limit cache refills (owner: Ana)\n- Warm the cache"));
    const before = await total();
    const dry = await run([blog], true);
    const slug = dry.results.find((result) => result.name === "2024/cache.md")!.slug!;
    const version = (await getPostmortem({ slug })).version;
    expect(dry).toMatchObject({ dryRun: true, totals: { new: 0, update: 1, unchanged: 1, failed: 1 } });
    expect(dry.results.every((result) => !result.saved)).toBe(true);
    expect((await getPostmortem({ slug })).version).toBe(version);

    const report = await run([blog]);
    expect(byName(report)).toEqual({ "2024/cache.md": "update", "broken.md": "failed", "dns.txt": "unchanged" });
    const updated = await getPostmortem({ slug });
    expect(updated.version).toBe(version + 1);
    expect(updated.correctiveActions.map((action) => action.title)).toEqual(["Rate-limit cache refills", "Warm the cache before moving traffic"]);
    expect((await listRevisions({ slug }))[0]).toMatchObject({ summary: "Imported again from 2024/cache.md" });
    expect(await total()).toBe(before);
  });
});

describe("reading ahead on worker threads (large imports)", () => {
  it("gives the same results as reading in turn, a bad file included", async () => {
    const folder = path.join(dir, "pool");
    write(folder, { "a.md": CACHE.replace("of March", "of June"), "b.md": new Uint8Array([0, 200, 0]), "c.txt": DNS.replace("config push", "cert expiry"), "d.md": " " });
    const listing = await openSources([folder]);
    const dry = await importSources({ listing, dryRun: true });
    const pooled = await importSources({ listing, readAhead: true });
    const strip = (report: typeof dry) => report.results.map(({ name, status, title, counts, warnings, error }) => ({ name, status, title, counts, warnings, error }));
    expect(strip(pooled)).toEqual(strip(dry));
    expect(byName(pooled)).toEqual({ "a.md": "new", "b.md": "failed", "c.txt": "new", "d.md": "failed" });
  }, 60_000);
});

describe("importing a zip", () => {
  it("names its files by their path in the zip: the same files as a folder are unchanged, a new one is created", async () => {
    const zip = path.join(dir, "blog.zip");
    writeFileSync(zip, zipSync({ "dns.txt": strToU8(DNS), "2024/": new Uint8Array(), "2024/new.md": strToU8(CACHE.replace("of March", "of April")) }));
    const before = await total();
    const report = await run([zip]);
    expect(byName(report)).toEqual({ "dns.txt": "unchanged", "2024/new.md": "new" });
    expect(report.results.map((result) => result.label)).toEqual([`${zip}:dns.txt`, `${zip}:2024/new.md`]);
    expect(await total()).toBe(before + 1);
  });

  it("refuses a zip with a ../ path whole, importing nothing", async () => {
    const zip = path.join(dir, "evil.zip");
    const bytes = Buffer.from(zipSync({ "ok.md": strToU8(CACHE), "xx/evil.md": strToU8(DNS) })).toString("latin1").split("xx/evil.md").join("../evil.md");
    writeFileSync(zip, Buffer.from(bytes, "latin1"));
    const before = await total();
    await expect(openSources([zip])).rejects.toThrow(/outside its own folder/);
    expect(await total()).toBe(before);
  });
});

describe("importSourceFile", () => {
  it("the same bytes under another name are unchanged, and say where they were imported from", async () => {
    const result = await importSourceFile({ name: "copy/of/dns.txt", bytes: strToU8(DNS) });
    expect(result).toMatchObject({ status: "unchanged", saved: false, warnings: ["The same file was imported before as dns.txt: nothing to do."] });
  });

  it("a preview gives the document read, and writes nothing", async () => {
    const before = await total();
    const result = await importSourceFile({ name: "preview.md", bytes: strToU8(CACHE.replace("of March", "of May")), dryRun: true, withDocument: true });
    expect(result).toMatchObject({ status: "new", saved: false, document: { title: "The cache stampede of May", source: { fileName: "preview.md" } } });
    expect(await total()).toBe(before);
  });

  it("a changed file whose postmortem is published fails, in the preview as in the import, and writes nothing", async () => {
    const first = await importSourceFile({ name: "published.md", bytes: strToU8(CACHE.replace("of March", "of July")) });
    const db = await (await import("@/lib/server/db")).getDb();
    await db.postmortem.update({ where: { slug: first.slug }, data: { status: "published" } });
    const changed = strToU8(CACHE.replace("of March", "of July, revised"));
    for (const dryRun of [true, false]) {
      const result = await importSourceFile({ name: "published.md", bytes: changed, dryRun });
      expect(result).toMatchObject({ status: "failed", error: expect.stringMatching(/is published and read-only: reopen it/) });
    }
    expect((await getPostmortem({ slug: first.slug! })).title).toBe("The cache stampede of July");
  });

  it("a path deeper than a postmortem keeps is kept by its end, the same each time: the postmortem can still be saved, and found again", async () => {
    const name = `${"deep-folder/".repeat(120)}outage.md`;
    const first = await importSourceFile({ name, bytes: strToU8(CACHE.replace("of March", "of August")) });
    const stored = await getPostmortem({ slug: first.slug! });
    expect(stored.source?.fileName).toHaveLength(1000);
    expect(stored.source?.fileName).toMatch(/^….*deep-folder\/outage\.md$/);
    expect(postmortemUpdateSchema.safeParse(stored).success).toBe(true);
    expect(await importSourceFile({ name, bytes: strToU8(CACHE.replace("of March", "of August")) })).toMatchObject({ status: "unchanged", slug: first.slug });
  });

  it("the same new file imported twice at once is created once", async () => {
    const bytes = strToU8(CACHE.replace("of March", "of September"));
    const results = await Promise.all([importSourceFile({ name: "twice.md", bytes }), importSourceFile({ name: "twice.md", bytes })]);
    expect(results.map((result) => result.status).sort()).toEqual(["new", "unchanged"]);
    expect(results[0].slug).toBe(results[1].slug);
  });

  it("an empty file fails with a clear reason", async () => {
    expect(await importSourceFile({ name: "empty.md", bytes: strToU8(" \n") })).toMatchObject({ status: "failed", error: expect.stringMatching(/empty/) });
  });
});
