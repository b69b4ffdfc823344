import { describe, expect, it } from "vitest";
import { inspectRequestInputs } from "./request-inputs";

const inspect = (pathname: string, search = "", headers: Record<string, string> = {}) =>
  inspectRequestInputs({ pathname, search, headers: new Headers(headers) });

describe("inspectRequestInputs", () => {
  it("finds nothing wrong in well-formed requests", () => {
    expect(inspect("/", "?q=cache&severity=SEV1,SEV2&from=2024-01-01&page=2&sort=date").findings).toEqual([]);
    expect(inspect("/postmortems/a-b/history", "?from=1&to=3").findings).toEqual([]);
    expect(inspect("/postmortems/a-b/edit", "?step=root-cause").findings).toEqual([]);
    expect(inspect("/api/import", "?fileName=2024-03-13-outage.md&create=1").findings).toEqual([]);
    expect(inspect("/actions", "?owner=Jonas%20Weber&status=open,in_progress&due=overdue&perPage=200").findings).toEqual([]);
    expect(inspect("/api/postmortems", "", { "x-hindsight-author": "Amara Okafor", "next-action": "a".repeat(42) })).toEqual({ findings: [], headersToDrop: [] });
  });

  it("ignores parameters a route does not read and empty values", () => {
    expect(inspect("/", "?utm_source=mail&page=").findings).toEqual([]);
    expect(inspect("/postmortems/x", "?step=nonsense").findings).toEqual([]);
  });

  it.each([
    ["/", "?page=-1", "page"],
    ["/", "?severity=SEV9", "severity"],
    ["/api/search", "?from=2024-13-45", "from"],
    ["/api/postmortems", "?perPage=__proto__", "perPage"],
    ["/insights", "?service=" + "x".repeat(101), "service"],
    ["/postmortems/a/history", "?to=99999999999999999999", "to"],
    ["/postmortems/a/edit", "?step=constructor", "step"],
    ["/api/import", "?fileName=a%00b", "fileName"],
    ["/api/import", "?create=maybe", "create"],
    ["/actions", "?due=yesterday", "due"],
    ["/postmortems/a-b", "?events=-5", "events"],
    ["/actions", "?status=open,closed", "status"],
  ])("notes a malformed value: %s%s", (pathname, search, name) => {
    expect(inspect(pathname, search).findings).toMatchObject([{ where: "query", name, reason: "not a valid value" }]);
  });

  it("notes a malformed %-escape in any parameter, whatever the route", () => {
    expect(inspect("/anything", "?x=%C3%28&%E0%A4%A=1").findings.map((f) => f.reason)).toEqual(["malformed %-escape", "malformed %-escape"]);
  });

  it("drops Next.js headers that cannot be valid and notes them", () => {
    const { findings, headersToDrop } = inspect("/", "", {
      "next-action": "abc",
      "next-router-state-tree": "%7Bnot-json",
      "x-hindsight-author": "a\u0001b",
    });
    expect(headersToDrop).toEqual(["next-action", "next-router-state-tree"]);
    expect(findings.map((f) => f.name).sort()).toEqual(["next-action", "next-router-state-tree"]);
  });

  it("keeps a valid router state header", () => {
    expect(inspect("/", "", { "next-router-state-tree": encodeURIComponent(JSON.stringify(["", {}])) }).headersToDrop).toEqual([]);
  });

  it("groups repeats of one kind under one key, whatever the value or the slug", () => {
    const a = inspect("/postmortems/one/history", "?to=x").findings[0];
    const b = inspect("/postmortems/two/history", "?to=y").findings[0];
    expect(a.key).toBe(b.key);
  });
});
