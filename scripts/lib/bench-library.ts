/**
 * The synthetic library the benchmarks measure: a database file seeded with
 * `count` postmortems through the data-access layer, or the one seeded
 * before when `reuse` is set and it exists. Returns the seeding time in
 * seconds, or null when the file was reused. DATABASE_URL must already name
 * `file` (the data-access layer reads it).
 */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { migrate, root } from "./steps.mjs";

const fmt = new Intl.NumberFormat("en-US");

export async function prepareBenchLibrary(options: { file: string; count: number; reuse: boolean }): Promise<number | null> {
  const { file, count, reuse } = options;
  mkdirSync(path.dirname(file), { recursive: true });
  if (reuse && existsSync(file)) {
    process.stdout.write(`Reusing ${path.relative(root, file)}\n`);
    return null;
  }
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  migrate(`file:${file}`);
  const { seedSyntheticPostmortems } = await import("@/lib/server/postmortems/seed-synthetic");
  const started = performance.now();
  await seedSyntheticPostmortems({
    count,
    onProgress: (done, total) =>
      process.stderr.write(`\rSeeding ${fmt.format(done)} of ${fmt.format(total)} (${((performance.now() - started) / 1000).toFixed(0)} s)`),
  });
  process.stderr.write("\n");
  return (performance.now() - started) / 1000;
}
