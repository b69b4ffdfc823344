/**
 * Seconds of CPU per MB that `parseMarkdown` spends on each input shape,
 * hostile ones included (issue 16, item 7): `npx tsx scripts/bench-parse-shapes.ts [MB]`.
 */
import { parseMarkdown } from "@/lib/domain/markdown/import";

const megabytes = Number(process.argv[2] ?? 1);
const size = megabytes * 1024 * 1024;
const fill = (unit: string, head = "") => head + unit.repeat(Math.ceil((size - head.length) / unit.length));

const shapes: Record<string, () => string> = {
  "timeline lines '- 10:47 - '": () => fill("- 10:47 - \n", "# Outage\n\nDate: 2024-03-14\n\n## Timeline\n\n"),
  "timeline lines with text": () => fill("- 10:47 - Cache node restarted after the alert fired\n", "# Outage\n\n## Timeline\n\n"),
  "plain-text timeline 'April 3rd, 23:40 - …'": () => fill("April 3rd, 23:40 - Cache node restarted\nThe cache came back slowly.\n\n", "Outage\n\nTimeline\n\n"),
  "one long line": () => fill("word ", "# Outage\n\n"),
  "table with many cells": () => `| Time | Event |\n|---|---|\n${fill("| 10:47 | x |")}`,
  "wide table row": () => `|${"a|".repeat(2000)}\n|${"-|".repeat(2000)}\n${fill(`|${"b|".repeat(2000)}\n`)}`,
  "deep nesting": () => fill(Array.from({ length: 200 }, (_, depth) => `${"  ".repeat(depth)}- level ${depth}`).join("\n") + "\n\n"),
  "blockquote nesting": () => fill(`${">".repeat(500)} deep\n`),
  "emphasis runs": () => fill("*_".repeat(50) + "text" + "_*".repeat(10) + "\n"),
  "emphasis run one line": () => fill("*a _b "),
  "even emphasis '*_*_*_*_ text'": () => fill("*_*_*_*_ text\n"),
  "closers only 'a* b_'": () => fill("a* b_ x\n"),
  "link ends '[a]('": () => fill("[a](".repeat(40) + "\n"),
  "chat log with bold names": () => fill("10:47 **alice**: deploying the _new_ build\n", "# Outage\n\nDate: 2024-03-14\n\n## Timeline\n\n"),
  "brackets": () => fill("[".repeat(100) + "a" + "](".repeat(50) + "\n"),
  "prose paragraphs": () => fill("The cache expired at 10:47 and every request went to the database. We restarted it.\n\n", "# Outage\n\n## What happened\n\n"),
};

for (const [name, make] of Object.entries(shapes)) {
  const text = make();
  const started = process.cpuUsage();
  const wall = performance.now();
  const { document } = parseMarkdown(text, { now: new Date("2026-01-15T12:00:00Z") });
  const cpu = process.cpuUsage(started);
  const seconds = (cpu.user + cpu.system) / 1e6;
  const mb = text.length / 1024 / 1024;
  console.log(`${name.padEnd(44)} ${mb.toFixed(2)} MB  ${(seconds / mb).toFixed(2)} s/MB cpu  ${((performance.now() - wall) / 1000).toFixed(2)} s wall  events ${document.timeline?.length ?? 0}`);
}
