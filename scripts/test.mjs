// `npm test`: the whole suite, as CI runs it — lint, typecheck, unit and
// data-access tests (Vitest), production build, end-to-end tests (Playwright),
// race and crash tests against production servers (scripts/test-race.mjs).
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ensureBuild, ensureChromium, ensureDependencies, root, run, runBin, say } from "./lib/steps.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const results = [];
// Not test-results/: Playwright empties that folder when it starts.
const reports = path.join(root, "test-reports");

function step(name, action) {
  say(name);
  const started = Date.now();
  try {
    action();
    results.push({ name, ok: true, seconds: (Date.now() - started) / 1000 });
    return true;
  } catch (error) {
    process.stderr.write(`\n✗ ${name}: ${error.message}\n`);
    results.push({ name, ok: false, seconds: (Date.now() - started) / 1000 });
    return false;
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

try {
  ensureDependencies();
  ensureChromium();
} catch (error) {
  process.stderr.write(`\n${error.message}\n`);
  process.exit(1);
}
rmSync(path.join(reports, "vitest.json"), { force: true });
rmSync(path.join(reports, "playwright.json"), { force: true });
rmSync(path.join(reports, "race.json"), { force: true });

step("Lint (eslint)", () => runBin("eslint", ["--max-warnings=0", "."]));
step("Typecheck (tsc)", () => runBin("tsc", ["--noEmit"]));
step("Unit and data-access tests (vitest)", () =>
  runBin("vitest", ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${path.join(reports, "vitest.json")}`]),
);
if (step("Production build (next build)", () => ensureBuild({ force: true }))) {
  step("End-to-end tests (playwright, Chromium)", () => runBin("playwright", ["test"]));
  step("Race and crash tests (two servers on one database, kill -9, bad settings)", () => run(process.execPath, [path.join(root, "scripts", "test-race.mjs")]));
}

const unit = readJson(path.join(reports, "vitest.json"));
const e2e = readJson(path.join(reports, "playwright.json"));
const race = readJson(path.join(reports, "race.json"));
const passed = (unit?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0) + (e2e?.stats?.flaky ?? 0) + (race?.passed ?? 0);
const failed = (unit?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0) + (race?.failed ?? 0) + results.filter((r) => !r.ok && !/tests/.test(r.name)).length;
const skipped = (unit?.numPendingTests ?? 0) + (unit?.numTodoTests ?? 0) + (e2e?.stats?.skipped ?? 0) + (race?.skipped ?? 0);

process.stdout.write("\nSummary\n");
for (const r of results) process.stdout.write(`  ${r.ok ? "✓" : "✗"} ${r.name} (${r.seconds.toFixed(1)} s)\n`);
if (!existsSync(path.join(reports, "playwright.json"))) process.stdout.write("  (no end-to-end report)\n");
const allOk = results.every((r) => r.ok) && failed === 0;
process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(allOk ? 0 : 1);
