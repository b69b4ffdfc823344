/**
 * `npm run bench:import [--count N] [--keep]`
 *
 * Issue 16, item 6: an archive of N (default 1,000) varied postmortem files
 * imported as `npx hindsight import ARCHIVE.zip` does (openSources →
 * importSources, the CLI's code path), into a fresh database in a temporary
 * folder. The files are the synthetic library (lib/domain/synthetic) written
 * by the Markdown export in every front matter, template and timeline shape,
 * some public, one in ten as plain text. Prints files/s and the time per
 * file (p50, p95, max) for the first import, then for the same archive again
 * (every file unchanged). Goal: 1,000 files in under a minute.
 * --keep leaves the folder (archive and database) in place.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { zipSync, strToU8 } from "fflate";
import { exportFileName, renderMarkdown } from "@/lib/domain/markdown/export";
import { EXPORT_TEMPLATES, FRONT_MATTER_FORMATS, TIMELINE_STYLES } from "@/lib/domain/markdown/export/options";
import { markdownAsPlainText } from "@/lib/domain/markdown/plain-text";
import { generatePostmortem } from "@/lib/domain/synthetic/generate-postmortem";
import type { PostmortemDocument } from "@/lib/schemas/postmortem";

const { values: flags } = parseArgs({ options: { count: { type: "string", default: "1000" }, keep: { type: "boolean", default: false } } });
const COUNT = Number(flags.count);
const say = (text = "") => process.stdout.write(`${text}\n`);
const round = (ms: number) => Math.round(ms * 10) / 10;

const dir = mkdtempSync(path.join(os.tmpdir(), "hindsight-bench-import-"));
process.env.DATABASE_URL = `file:${path.join(dir, "bench.db")}`;

/** File number `index` of the archive: a synthetic postmortem exported in one of the export's shapes. */
function archiveFile(index: number): [string, Uint8Array] {
  const draft = generatePostmortem(index);
  const doc: PostmortemDocument = { ...draft, slug: `bench-${index}`, version: 1, createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z" };
  const options = {
    frontMatter: FRONT_MATTER_FORMATS[index % 3],
    template: EXPORT_TEMPLATES[Math.floor(index / 3) % 3],
    timeline: TIMELINE_STYLES[Math.floor(index / 9) % 2],
    isPublic: index % 7 === 0,
  };
  const markdown = renderMarkdown(doc, options);
  const year = (doc.incidentDate ?? "2024").slice(0, 4);
  const name = `posts/${year}/${exportFileName(doc, options)}`;
  // One in ten as a plain-text write-up: the same post with its Markdown marks gone.
  if (index % 10 === 5) return [name.replace(/\.md$/, ".txt"), strToU8(markdownAsPlainText(markdown.replace(/^---\n[\s\S]*?\n---\n/, "")))];
  return [name, strToU8(markdown)];
}

function percentiles(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0);
  return { p50: at(0.5), p95: at(0.95), max: round(sorted.at(-1) ?? 0) };
}

async function main(): Promise<void> {
  const { prepareDatabase } = await import("@/cli/prepare-database");
  await prepareDatabase();
  const { actAsOperatorForThisProcess } = await import("@/lib/server/auth/actor");
  actAsOperatorForThisProcess();
  const { openSources } = await import("@/lib/server/import-archive/open-sources");
  const { importSources } = await import("@/lib/server/import-archive/import-sources");

  let started = performance.now();
  const entries = Object.fromEntries(Array.from({ length: COUNT }, (_, i) => archiveFile(i + 1)));
  const zip = path.join(dir, "archive.zip");
  const bytes = zipSync(entries);
  writeFileSync(zip, bytes);
  say(`Archive: ${Object.keys(entries).length} files, ${round(bytes.length / 1024 / 1024)} MB zipped, written in ${round((performance.now() - started) / 1000)} s (${zip})`);

  for (const pass of ["first import", "again (unchanged)"]) {
    started = performance.now();
    const cpuBefore = process.cpuUsage();
    const report = await importSources({ listing: await openSources([zip]) });
    const seconds = (performance.now() - started) / 1000;
    // The process's CPU, every thread (the read workers included): what the import costs whatever else the machine runs.
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const times = percentiles(report.results.map((result) => result.ms));
    const { files, new: created, update, unchanged, failed } = report.totals;
    say(`\n${pass}: ${files} files in ${round(seconds)} s → ${round(files / seconds)} files/s; per file p50 ${times.p50} ms, p95 ${times.p95} ms, max ${times.max} ms`);
    say(`  ${created} created, ${update} updated, ${unchanged} unchanged, ${failed} failed; CPU ${round(cpuSeconds)} s (${round((cpuSeconds * 1000) / files)} ms per file, all threads) on ${os.availableParallelism()} cores, load average ${os.loadavg()[0].toFixed(1)}`);
    for (const result of report.results.filter((item) => item.status === "failed").slice(0, 5)) say(`  failed: ${result.name}: ${result.error}`);
    if (pass === "first import") say(`  goal: ${COUNT} files in under 60 s: ${seconds < 60 ? "met" : "NOT met"}`);
  }
}

main()
  .catch((error) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exitCode = 1;
  })
  .finally(() => {
    if (!flags.keep) rmSync(dir, { recursive: true, force: true });
  });
