import { describe, expect, it } from "vitest";
import { applyFilters, byDateDescending, encodeFacets, LabelDictionary, NO_FILTERS, type FacetRecord, type SearchFilters } from "./facets";
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
