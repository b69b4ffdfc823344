/** The filters run in two places — SQL for the best-first page, memory for the counts and the newest-first order — and must agree. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACTION_VALUES, SEVERITY_VALUES } from "@/lib/domain/search/facets";
import { FACTOR_CATEGORIES, STATUSES } from "@/lib/domain/postmortem";
import { SERVICES, TAGS } from "@/lib/domain/synthetic/vocabulary";
import { giveTestFileFreshDatabase } from "@/lib/server/testing/fresh-database";

giveTestFileFreshDatabase();
const { seedSyntheticPostmortems } = await import("@/lib/server/postmortems/seed-synthetic");
const { searchPostmortems } = await import("@/lib/server/search");
const { parseSearchParams } = await import("@/lib/schemas/search");

const subset = <T>(values: readonly T[]) => fc.subarray([...values], { maxLength: 3 });

describe("filters in SQL and in memory", () => {
  it("select the same postmortems for any combination", async () => {
    await seedSyntheticPostmortems({ count: 400, useWorker: false });
    const totals: number[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          q: fc.constantFrom("latency", "token parser", "rollback", "cache"),
          severity: subset(SEVERITY_VALUES),
          status: subset(STATUSES),
          service: subset(SERVICES.slice(0, 8)),
          tag: subset(TAGS.slice(0, 8)),
          factor: subset(FACTOR_CATEGORIES),
          action: subset(ACTION_VALUES),
          from: fc.constantFrom(undefined, "2020-01-01", "2023-06-15"),
          to: fc.constantFrom(undefined, "2022-12-31", "2025-01-01"),
        }),
        async (query) => {
          const params = { ...query, q: `${query.q} `, perPage: "100" } as Record<string, string | string[] | undefined>;
          const best = await searchPostmortems(parseSearchParams({ ...params, sort: "relevance" }));
          const newest = await searchPostmortems(parseSearchParams({ ...params, sort: "date" }));
          expect(best.total).toBe(newest.total);
          totals.push(newest.total);
          const expected = newest.results.map((r) => r.slug).sort();
          if (newest.total <= 100) expect(best.results.map((r) => r.slug).sort()).toEqual(expected);
          else expect(best.results).toHaveLength(100);
        },
      ),
      { numRuns: 60 },
    );
    // Not only empty results: the combinations must exercise the filters.
    expect(totals.filter((total) => total > 0).length).toBeGreaterThan(10);
  }, 120_000);
});
