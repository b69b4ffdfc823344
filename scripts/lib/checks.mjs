// A list of named pass/fail checks that scripts print as they go and write
// as JSON at the end (npm test counts them in its summary line).

export function createChecks() {
  const results = [];
  return {
    results,
    /** Records one check; `detail` says what was seen (printed, and kept in the JSON). */
    check(name, ok, detail = "") {
      results.push({ name, ok: Boolean(ok), detail: String(detail) });
      process.stdout.write(`  ${ok ? "✓" : "✗"} ${name}${detail ? ` — ${detail}` : ""}\n`);
      return Boolean(ok);
    },
    /** Records a check that could not be made here (say, no second network interface), with why; counted neither way. */
    skip(name, reason) {
      results.push({ name, ok: null, skipped: true, detail: String(reason) });
      process.stdout.write(`  – ${name} — skipped: ${reason}\n`);
    },
    /** Runs a group of checks; an exception inside becomes one failed check rather than ending the run. */
    async group(name, body) {
      process.stdout.write(`\n${name}\n`);
      const started = Date.now();
      try {
        await body();
      } catch (error) {
        results.push({ name: `${name}: finished without an exception`, ok: false, detail: error.stack ?? String(error) });
        process.stdout.write(`  ✗ ${name} stopped: ${error.message}\n`);
      }
      process.stdout.write(`  (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    },
    get passed() {
      return results.filter((r) => r.ok === true).length;
    },
    get failed() {
      return results.filter((r) => r.ok === false).length;
    },
    get skipped() {
      return results.filter((r) => r.skipped).length;
    },
  };
}

/** Counts of each value in `values`, for messages such as "200×1, 409×19". */
export function tally(values) {
  const counts = new Map();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => `${value}×${count}`).join(", ");
}
