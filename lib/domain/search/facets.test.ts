import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACTION_STATUSES, FACTOR_CATEGORIES, SEVERITIES, STATUSES } from "../postmortem";
import {
  ACTION_VALUES,
  applyFilters,
  byDateDescending,
  decodeFacets,
  encodeFacets,
  LabelDictionary,
  NO_FILTERS,
  SEVERITY_VALUES,
  type FacetRecord,
  type SearchFilters,
} from "./facets";
import type { FacetValues } from "./search-document";

const labels = new LabelDictionary();
const base: FacetValues = { severity: "SEV2", status: "published", day: "2024-03-14", services: [], tags: [], factorCategories: [], actionStatuses: [] };
const make = (id: number, values: Partial<FacetValues>): FacetRecord => encodeFacets(id, id, { ...base, ...values }, labels);

const records = [
  make(1, { severity: "SEV1", services: ["auth-api"], tags: ["dns"], factorCategories: ["environment_drift"], actionStatuses: ["open", "done"], day: "2023-05-01" }),
  make(2, { severity: "SEV1", services: ["auth-api", "checkout"], tags: ["cache"], actionStatuses: ["done"], day: "2024-01-10" }),
  make(3, { severity: "SEV2", services: ["checkout"], tags: ["dns", "cache"], factorCategories: ["monitoring"], day: "2024-07-01" }),
  make(4, { severity: null, status: "draft", services: ["billing"], actionStatuses: ["in_progress"], day: "2025-02-02" }),
  make(5, { severity: "SEV3", status: "archived", services: ["auth-api"], day: "2022-12-31" }),
];
const run = (filters: Partial<SearchFilters>) => applyFilters(records, { ...NO_FILTERS, ...filters }, labels);
const ids = (filters: Partial<SearchFilters>) => run(filters).passing.map((r) => r.id);
const count = (list: { value: string; count: number }[], value: string) => list.find((c) => c.value === value)?.count ?? 0;

describe("applyFilters", () => {
  it("leaves archived postmortems out unless their status is chosen, and still counts them under status", () => {
    const { passing, counts } = run({});
    expect(passing.map((r) => r.id)).toEqual([1, 2, 3, 4]);
    expect(counts.status).toEqual([
      { value: "draft", count: 1 },
      { value: "published", count: 3 },
      { value: "archived", count: 1 },
    ]);
    expect(ids({ status: ["archived"] })).toEqual([5]);
  });

  it("ORs values within a facet and ANDs facets", () => {
    expect(ids({ severity: ["SEV1", "SEV2"] })).toEqual([1, 2, 3]);
    expect(ids({ severity: ["SEV1"], tag: ["dns"] })).toEqual([1]);
    expect(ids({ severity: ["none"] })).toEqual([4]);
    expect(ids({ service: ["checkout", "billing"] })).toEqual([2, 3, 4]);
    expect(ids({ service: ["never-seen"] })).toEqual([]);
  });

  it("filters by factor category, action status (including none) and date range, inclusive", () => {
    expect(ids({ factor: ["environment_drift", "monitoring"] })).toEqual([1, 3]);
    expect(ids({ action: ["open"] })).toEqual([1]);
    expect(ids({ action: ["none"] })).toEqual([3]);
    expect(ids({ from: "2024-01-10", to: "2024-07-01" })).toEqual([2, 3]);
    expect(ids({ from: "2025-01-01" })).toEqual([4]);
  });

  it("counts each facet as if its own filter were not set", () => {
    const { counts, passing } = run({ severity: ["SEV1"], tag: ["dns"] });
    expect(passing.map((r) => r.id)).toEqual([1]);
    // Severity counts ignore the severity filter but honour the tag filter: ids 1 (SEV1) and 3 (SEV2) have dns.
    expect(counts.severity).toEqual([
      { value: "SEV1", count: 1 },
      { value: "SEV2", count: 1 },
    ]);
    // Tag counts ignore the tag filter but honour severity: ids 1 and 2.
    expect(count(counts.tag, "dns")).toBe(1);
    expect(count(counts.tag, "cache")).toBe(1);
    // Other facets count only what passes everything.
    expect(count(counts.service, "auth-api")).toBe(1);
    expect(count(counts.service, "checkout")).toBe(0);
    expect(counts.year).toEqual([{ value: "2023", count: 1 }]);
    expect(counts.action).toEqual([
      { value: "open", count: 1 },
      { value: "done", count: 1 },
    ]);
  });

  it("lists services and tags by count, then name, and years newest first", () => {
    const { counts } = run({});
    expect(counts.service.map((c) => c.value)).toEqual(["auth-api", "checkout", "billing"]);
    expect(counts.year.map((c) => c.value)).toEqual(["2025", "2024", "2023"]);
  });
});

describe("byDateDescending", () => {
  it("orders newest incident first, then newest id", () => {
    const same = [make(10, { day: "2024-01-01" }), make(11, { day: "2024-01-01" }), make(12, { day: "2025-01-01" })];
    expect([...same].sort(byDateDescending).map((r) => r.id)).toEqual([12, 11, 10]);
  });
});

/** The rule applyFilters implements, written the slow and obvious way: one pass per facet, decoded values. */
function facetCountsByDefinition(records: FacetRecord[], filters: SearchFilters, dictionary: LabelDictionary) {
  const decoded = records.map((record) => ({ record, ...decodeFacets(record, dictionary), severityValue: SEVERITY_VALUES[record.severity] }));
  type Decoded = (typeof decoded)[number];
  const factorsOf = (r: Decoded) => FACTOR_CATEGORIES.filter((_, i) => r.record.factors & (1 << i));
  const actionsOf = (r: Decoded) => ACTION_VALUES.filter((_, i) => r.record.actions & (1 << i));
  const tests = {
    severity: (r: Decoded) => filters.severity.length === 0 || filters.severity.includes(r.severityValue),
    status: (r: Decoded) => (filters.status.length === 0 ? r.status !== "archived" : filters.status.includes(r.status)),
    service: (r: Decoded) => filters.service.length === 0 || r.services.some((name) => filters.service.includes(name)),
    tag: (r: Decoded) => filters.tag.length === 0 || r.tags.some((name) => filters.tag.includes(name)),
    factor: (r: Decoded) => filters.factor.length === 0 || factorsOf(r).some((value) => filters.factor.includes(value)),
    action: (r: Decoded) => filters.action.length === 0 || actionsOf(r).some((value) => filters.action.includes(value)),
    year: (r: Decoded) => (!filters.from || r.record.day >= filters.from) && (!filters.to || r.record.day <= filters.to),
  };
  const facets = Object.keys(tests) as (keyof typeof tests)[];
  const passingAllBut = (facet: keyof typeof tests | null) => decoded.filter((r) => facets.every((other) => other === facet || tests[other](r)));
  const tally = (values: string[]) => {
    const counts = new Map<string, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    return counts;
  };
  const inOrder = (all: readonly string[], counts: Map<string, number>) => all.filter((value) => counts.has(value)).map((value) => ({ value, count: counts.get(value)! }));
  const byCount = (counts: Map<string, number>) =>
    [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  return {
    passing: passingAllBut(null).map((r) => r.record.id),
    counts: {
      severity: inOrder(SEVERITY_VALUES, tally(passingAllBut("severity").map((r) => r.severityValue))),
      status: inOrder(STATUSES, tally(passingAllBut("status").map((r) => r.status))),
      service: byCount(tally(passingAllBut("service").flatMap((r) => r.services))),
      tag: byCount(tally(passingAllBut("tag").flatMap((r) => r.tags))),
      factor: inOrder(FACTOR_CATEGORIES, tally(passingAllBut("factor").flatMap(factorsOf))),
      action: inOrder(ACTION_VALUES, tally(passingAllBut("action").flatMap(actionsOf))),
      year: [...tally(passingAllBut("year").map((r) => r.record.day.slice(0, 4)))]
        .sort((a, b) => Number(b[0]) - Number(a[0]))
        .map(([value, count]) => ({ value, count })),
    },
  };
}

const SERVICES = ["auth-api", "checkout", "billing", "search", "queue"];
const TAGS = ["dns", "cache", "tls", "deploy"];
const subsetOf = <T>(values: readonly T[]) => fc.subarray([...values], { maxLength: 3 });
const facetValues: fc.Arbitrary<FacetValues> = fc.record({
  severity: fc.constantFrom(...SEVERITIES, null),
  status: fc.constantFrom(...STATUSES),
  day: fc.date({ min: new Date("1998-01-01T00:00:00Z"), max: new Date("2026-12-31T00:00:00Z"), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
  services: fc.subarray(SERVICES, { maxLength: 3 }),
  tags: fc.subarray(TAGS, { maxLength: 3 }),
  factorCategories: fc.subarray([...FACTOR_CATEGORIES], { maxLength: 3 }),
  actionStatuses: fc.subarray([...ACTION_STATUSES], { maxLength: 3 }),
});
const searchFilters: fc.Arbitrary<SearchFilters> = fc.record({
  severity: subsetOf(SEVERITY_VALUES),
  status: subsetOf(STATUSES),
  service: subsetOf([...SERVICES, "never-seen"]),
  tag: subsetOf(TAGS),
  factor: subsetOf(FACTOR_CATEGORIES),
  action: subsetOf(ACTION_VALUES),
  from: fc.constantFrom(null, "2005-01-01", "2020-06-15"),
  to: fc.constantFrom(null, "2010-12-31", "2024-01-01"),
});

describe("applyFilters on random libraries", () => {
  it("gives the counts and the passing records the rule defines, for any filters", () => {
    fc.assert(
      fc.property(fc.array(facetValues, { maxLength: 60 }), searchFilters, (values, filters) => {
        const dictionary = new LabelDictionary();
        const library = values.map((value, i) => encodeFacets(i + 1, i + 1, value, dictionary));
        const fast = applyFilters(library, filters, dictionary);
        const expected = facetCountsByDefinition(library, filters, dictionary);
        expect(fast.counts).toEqual(expected.counts);
        expect(fast.passing.map((r) => r.id)).toEqual(expected.passing);
        expect(fast.total).toBe(expected.passing.length);
      }),
      { numRuns: 300 },
    );
  });

  it("reads the matches by id from a cache with holes, leaving out skipped ids, as if given only those records", () => {
    fc.assert(
      fc.property(
        fc.array(facetValues, { minLength: 1, maxLength: 60 }),
        searchFilters,
        fc.array(fc.nat(), { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.boolean(),
        (values, filters, picks, skipped, keepPassing) => {
          const dictionary = new LabelDictionary();
          // Ids with gaps (deleted postmortems), stored at their id.
          const library = values.map((value, i) => encodeFacets(i * 3 + 1, i + 1, value, dictionary));
          const cache: (FacetRecord | undefined)[] = [];
          for (const record of library) cache[record.id] = record;
          const ids = [...new Set(picks.map((pick) => (pick % (library.length * 3 + 2)) + 1))];
          const skip = new Set(skipped.map((pick) => library[pick % library.length].id));
          const chosen = ids.flatMap((id) => (cache[id] && !skip.has(id) ? [cache[id]] : []));
          const fast = applyFilters(cache, filters, dictionary, { ids, skip, keepPassing });
          const expected = applyFilters(chosen, filters, dictionary);
          expect(fast.counts).toEqual(expected.counts);
          expect(fast.total).toBe(expected.passing.length);
          expect(fast.passing).toEqual(keepPassing ? expected.passing : []);
        },
      ),
      { numRuns: 300 },
    );
  });
});
