/**
 * `npm run bench:actions [-- --count N]` (through bench-actions.mjs): times the
 * corrective-action tracker's queries (lib/server/actions) against the
 * synthetic library that `npm run bench:search` seeds (data/bench/search-N.db;
 * seeded here when missing). Prints the median and p95 of each query shape,
 * and the CSV export of 10,000 rows. Figures: docs/actions.md.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { actionsToCsv } from "@/lib/domain/actions";
import { parseTrackerQuery } from "@/lib/schemas/actions";
import { prepareBenchLibrary } from "./lib/bench-library";
import { root } from "./lib/steps.mjs";

const { values: flags } = parseArgs({ options: { count: { type: "string", default: "50000" }, runs: { type: "string", default: "20" } } });
const COUNT = Number(flags.count);
const RUNS = Number(flags.runs);
const file = path.join(root, "data", "bench", `search-${COUNT}.db`);
process.env.DATABASE_URL = `file:${file}`;
process.env.HINDSIGHT_LOG_LEVEL ??= "warn";

const say = (text: string) => process.stdout.write(`${text}\n`);
const fmt = new Intl.NumberFormat("en-US");
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const percentile = (samples: number[], p: number) => [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.ceil((p / 100) * samples.length) - 1)];

async function main() {
  await prepareBenchLibrary({ file, count: COUNT, reuse: true });
  const { listActionOwners, listActions } = await import("@/lib/server/actions");
  const { getDb } = await import("@/lib/server/db");
  const db = await getDb();
  const [{ count: actionCount }] = await db.$queryRawUnsafe<{ count: bigint }[]>("SELECT COUNT(*) AS count FROM CorrectiveAction");
  const owners = await listActionOwners();
  const today = new Date().toISOString().slice(0, 10);
  say(`Library: ${path.relative(root, file)}, ${fmt.format(Number(actionCount))} corrective actions, ${owners.length} owners; ${RUNS} runs per query`);

  const shapes: [string, string][] = [
    ["no filter (page 1)", ""],
    ["owner", `owner=${encodeURIComponent(owners[0] ?? "x")}`],
    ["unassigned", "owner=unassigned"],
    ["status open + in progress", "status=open,in_progress"],
    ["overdue", "due=overdue"],
    ["due in 30 days", "due=next30"],
    ["type + severity", "type=prevent&severity=SEV1"],
    ["owner + overdue + type", `owner=${encodeURIComponent(owners[1] ?? "x")}&due=overdue&type=detect`],
    ["page 1000", "page=1000"],
  ];
  say("\nquery                          median ms   p95 ms   matches");
  for (const [name, search] of shapes) {
    const { query } = parseTrackerQuery(new URLSearchParams(search));
    const samples: number[] = [];
    let total = 0;
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      total = (await listActions({ query, today })).total;
      samples.push(performance.now() - started);
    }
    say(`${name.padEnd(30)} ${ms(percentile(samples, 50)).padStart(9)} ${ms(percentile(samples, 95)).padStart(8)}   ${fmt.format(total)}`);
  }

  const ownersSamples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await listActionOwners();
    ownersSamples.push(performance.now() - started);
  }
  say(`${"owner list (filter select)".padEnd(30)} ${ms(percentile(ownersSamples, 50)).padStart(9)} ${ms(percentile(ownersSamples, 95)).padStart(8)}`);

  const { query } = parseTrackerQuery(new URLSearchParams("status=open,in_progress"));
  const started = performance.now();
  const page = await listActions({ query: { ...query, perPage: 10_000 }, today });
  const queried = performance.now();
  const csv = actionsToCsv(page.actions, { today, origin: "http://localhost:3000" });
  const written = performance.now();
  say(`\nCSV export, ${fmt.format(page.actions.length)} rows: query ${ms(queried - started)} ms, CSV ${ms(written - queried)} ms, ${(csv.length / 1024 / 1024).toFixed(1)} MB`);
  await db.$disconnect();
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
