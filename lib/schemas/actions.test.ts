import { describe, expect, it } from "vitest";
import { actionStatusChangeSchema, parseTrackerQuery, trackerQueryString } from "./actions";

const parse = (query: string) => parseTrackerQuery(new URLSearchParams(query));

describe("parseTrackerQuery", () => {
  it("has defaults for an empty query", () => {
    expect(parse("")).toEqual({ query: { statuses: [], due: "any", page: 1, perPage: 50 }, problems: {} });
  });

  it("reads every filter; statuses repeated or comma-separated", () => {
    const { query, problems } = parse("owner=Ana%20Lima&status=open&status=in_progress,done&due=overdue&type=prevent&severity=SEV1&page=2&perPage=10");
    expect(problems).toEqual({});
    expect(query).toEqual({ owner: "Ana Lima", statuses: ["open", "in_progress", "done"], due: "overdue", type: "prevent", severity: "SEV1", page: 2, perPage: 10 });
  });

  it("treats empty parameters as 'any'", () => {
    expect(parse("owner=&status=&type=&severity=&due=").query).toEqual({ statuses: [], due: "any", page: 1, perPage: 50 });
  });

  it("names each bad parameter and keeps the good ones", () => {
    const { query, problems } = parse("owner=Ana&status=open,finished&due=soon&dueFrom=yesterday&perPage=1000&page=-1&type=fix");
    expect(query).toEqual({ owner: "Ana", statuses: [], due: "any", page: 1, perPage: 50 });
    expect(Object.keys(problems).sort()).toEqual(["due", "dueFrom", "page", "perPage", "status", "type"]);
    expect(problems.due[0]).toBe('Must be one of: any, overdue, next30, none (got "soon")');
    expect(problems.perPage[0]).toMatch(/at most 200/);
  });

  it("refuses a range that ends before it starts", () => {
    const { query, problems } = parse("dueFrom=2024-05-01&dueTo=2024-04-01");
    expect(query.dueFrom).toBe("2024-05-01");
    expect(query.dueTo).toBeUndefined();
    expect(problems.dueTo[0]).toMatch(/before dueFrom/);
  });

  it("reads a page's searchParams object too", () => {
    expect(parseTrackerQuery({ status: ["open", "done"], owner: "unassigned" }).query).toMatchObject({ owner: "unassigned", statuses: ["open", "done"] });
  });

  it("round-trips through trackerQueryString", () => {
    const { query } = parse("owner=Bo&status=open&status=done&due=next30&page=3");
    expect(trackerQueryString(query)).toBe("owner=Bo&status=open&status=done&due=next30&page=3");
    expect(parse(trackerQueryString(query)).query).toEqual(query);
  });
});

describe("actionStatusChangeSchema", () => {
  it("needs a known status and the version read", () => {
    expect(actionStatusChangeSchema.safeParse({ status: "done", version: 3 }).success).toBe(true);
    expect(actionStatusChangeSchema.safeParse({ status: "closed", version: 3 }).success).toBe(false);
    expect(actionStatusChangeSchema.safeParse({ status: "done" }).success).toBe(false);
    expect(actionStatusChangeSchema.safeParse({ status: "done", version: 3, extra: 1 }).success).toBe(false);
  });
});
