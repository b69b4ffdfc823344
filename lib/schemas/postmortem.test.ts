import { describe, expect, it } from "vitest";
import type { z } from "zod";
import fixture from "@/e2e/fixtures/full-postmortem.json";
import {
  ACTION_PRIORITIES,
  ACTION_STATUSES,
  ACTION_TYPES,
  EVENT_KINDS,
  FACTOR_CATEGORIES,
  SEVERITIES,
  STATUSES,
} from "@/lib/domain/postmortem";
import {
  fieldErrorsOf,
  httpUrlSchema,
  listQuerySchema,
  postmortemInputSchema,
  postmortemUpdateSchema,
} from "./postmortem";

/** The field errors of an input the schema must refuse. */
function errorsOf(input: unknown, schema: z.ZodType = postmortemInputSchema): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`Expected ${JSON.stringify(input)} to be refused`);
  return fieldErrorsOf(result.error);
}

const event = { at: "2024-03-14T01:06:00+01:00", kind: "detected", text: "Pager fires.", link: null };
const action = { title: "Add jitter" };

describe("postmortemInputSchema defaults", () => {
  it("fills every key of a document that only has a title", () => {
    expect(postmortemInputSchema.parse({ title: "  Login outage  " })).toEqual({
      title: "Login outage",
      summary: "",
      severity: null,
      status: "draft",
      timezone: null,
      incidentDate: null,
      services: [],
      tags: [],
      authors: [],
      impact: "",
      impactFigures: { usersAffected: null, errorRate: null, durationMinutes: null, requestsFailed: null, revenueLost: null },
      timeline: [],
      rootCause: { trigger: "", narrative: "", whys: [] },
      contributingFactors: [],
      correctiveActions: [],
      lessons: { wentWell: "", wentWrong: "", lucky: "" },
      sections: [],
    });
  });

  it("fills the defaults of list items and partial nested objects", () => {
    const parsed = postmortemInputSchema.parse({
      title: "t",
      timeline: [{ text: "Something happened" }],
      correctiveActions: [action],
      contributingFactors: [{ text: "Drift" }],
      sections: [{ title: "Notes" }],
      impactFigures: { errorRate: 5 },
      rootCause: { whys: ["Because"] },
      lessons: { lucky: "Low traffic" },
    });
    expect(parsed.timeline).toEqual([{ at: null, kind: "note", text: "Something happened", link: null }]);
    expect(parsed.correctiveActions).toEqual([
      { title: "Add jitter", description: "", type: null, priority: null, owner: null, dueDate: null, status: "open", url: null },
    ]);
    expect(parsed.contributingFactors).toEqual([{ category: "other", text: "Drift" }]);
    expect(parsed.sections).toEqual([{ title: "Notes", body: "", internal: false }]);
    expect(parsed.impactFigures).toEqual({ usersAffected: null, errorRate: 5, durationMinutes: null, requestsFailed: null, revenueLost: null });
    expect(parsed.rootCause).toEqual({ trigger: "", narrative: "", whys: ["Because"] });
    expect(parsed.lessons).toEqual({ wentWell: "", wentWrong: "", lucky: "Low traffic" });
  });

  it("accepts the full example document unchanged", () => {
    expect(postmortemInputSchema.parse(fixture)).toEqual(fixture);
  });

  it("accepts a fetched document sent back as is (version, createdAt, updatedAt)", () => {
    const fetched = { ...fixture, version: 3, createdAt: "2024-03-14T00:00:00.000Z", updatedAt: "2024-03-15T00:00:00.000Z" };
    expect(postmortemUpdateSchema.safeParse(fetched).success).toBe(true);
  });

  it("requires a non-empty title", () => {
    expect(Object.keys(errorsOf({}))).toEqual(["title"]);
    expect(errorsOf({ title: "   " }).title).toEqual(["Give the postmortem a title"]);
  });
});

describe("enums", () => {
  const cases: [string, (bad: string) => unknown, readonly string[]][] = [
    ["severity", (bad) => ({ title: "t", severity: bad }), SEVERITIES],
    ["status", (bad) => ({ title: "t", status: bad }), STATUSES],
    ["timeline.0.kind", (bad) => ({ title: "t", timeline: [{ ...event, kind: bad }] }), EVENT_KINDS],
    ["contributingFactors.0.category", (bad) => ({ title: "t", contributingFactors: [{ category: bad, text: "x" }] }), FACTOR_CATEGORIES],
    ["correctiveActions.0.type", (bad) => ({ title: "t", correctiveActions: [{ ...action, type: bad }] }), ACTION_TYPES],
    ["correctiveActions.0.priority", (bad) => ({ title: "t", correctiveActions: [{ ...action, priority: bad }] }), ACTION_PRIORITIES],
    ["correctiveActions.0.status", (bad) => ({ title: "t", correctiveActions: [{ ...action, status: bad }] }), ACTION_STATUSES],
  ];

  it.each(cases)("%s refuses a bad value and names the allowed ones", (path, build, allowed) => {
    for (const bad of ["bogus", "SEV0", "DRAFT", ""]) {
      const errors = errorsOf(build(bad));
      expect(Object.keys(errors)).toEqual([path]);
      expect(errors[path]).toEqual([`Must be one of: ${allowed.join(", ")}`]);
    }
  });

  it.each(cases)("%s accepts every allowed value", (_path, build, allowed) => {
    for (const value of allowed) expect(postmortemInputSchema.safeParse(build(value)).success, value).toBe(true);
  });
});

describe("links", () => {
  it.each(["javascript:alert(1)", "JavaScript:alert(document.cookie)", " javascript:alert(1)", "data:text/html,<script>1</script>", "ftp://files.example.com/x", "/relative/path", "not a url"])(
    "refuses %j as timeline link and action url",
    (bad) => {
      const errors = errorsOf({ title: "t", timeline: [{ ...event, link: bad }], correctiveActions: [{ ...action, url: bad }] });
      expect(errors).toEqual({
        "timeline.0.link": ["Must be an http:// or https:// URL"],
        "correctiveActions.0.url": ["Must be an http:// or https:// URL"],
      });
    },
  );

  it("accepts http and https links and trims them", () => {
    expect(httpUrlSchema.parse("  https://git.example.com/shop/pull/812 ")).toBe("https://git.example.com/shop/pull/812");
    expect(httpUrlSchema.safeParse("http://localhost:3000/x").success).toBe(true);
  });
});

describe("impact figures", () => {
  it("refuses negative figures and an error rate over 100", () => {
    const errors = errorsOf({
      title: "t",
      impactFigures: { usersAffected: -1, errorRate: 100.5, durationMinutes: -0.5, requestsFailed: 3, revenueLost: -10 },
    });
    expect(errors).toEqual({
      "impactFigures.usersAffected": ["Must not be negative"],
      "impactFigures.errorRate": ["Must be at most 100"],
      "impactFigures.durationMinutes": ["Must not be negative"],
      "impactFigures.revenueLost": ["Must not be negative"],
    });
  });

  it("accepts the bounds 0 and 100 and null", () => {
    const parsed = postmortemInputSchema.parse({ title: "t", impactFigures: { errorRate: 100, usersAffected: 0, revenueLost: null } });
    expect(parsed.impactFigures).toMatchObject({ errorRate: 100, usersAffected: 0, revenueLost: null });
  });

  it("refuses numbers written as strings", () => {
    expect(errorsOf({ title: "t", impactFigures: { usersAffected: "18000" } })).toEqual({
      "impactFigures.usersAffected": ["Must be a number"],
    });
  });
});

describe("times and dates", () => {
  it("refuses an event time that is not an ISO date-time", () => {
    const errors = errorsOf({ title: "t", timeline: [event, { ...event, at: "13:55 PM" }, { ...event, at: "2024-02-30T10:00" }] });
    expect(Object.keys(errors)).toEqual(["timeline.1.at", "timeline.2.at"]);
    expect(errors["timeline.1.at"][0]).toMatch(/ISO 8601/);
  });

  it("refuses an unknown time zone and impossible dates", () => {
    expect(errorsOf({ title: "t", timezone: "Mars/Base", incidentDate: "2024-02-30", correctiveActions: [{ ...action, dueDate: "tomorrow" }] })).toEqual({
      timezone: ["Must be an IANA time zone such as Europe/Berlin or UTC"],
      incidentDate: ["Must be a date written as YYYY-MM-DD"],
      "correctiveActions.0.dueDate": ["Must be a date written as YYYY-MM-DD"],
    });
  });
});

describe("unknown keys", () => {
  it("are reported at their own path, at the top and nested", () => {
    const errors = errorsOf({
      title: "t",
      foo: 1,
      timeline: [event, { ...event, bogus: true }],
      impactFigures: { users: 3 },
      rootCause: { why: [] },
      correctiveActions: [{ ...action, assignee: "x" }],
    });
    expect(Object.keys(errors).sort()).toEqual(
      ["correctiveActions.0.assignee", "foo", "impactFigures.users", "rootCause.why", "timeline.1.bogus"].sort(),
    );
    expect(errors.foo).toEqual(["Unknown field: not part of the postmortem format (docs/format.md)"]);
  });

  it("reports a document that is not an object under (document)", () => {
    expect(Object.keys(errorsOf("just a string"))).toEqual(["(document)"]);
  });
});

describe("label lists", () => {
  it("refuses duplicate tags, also when they only differ by surrounding spaces", () => {
    expect(errorsOf({ title: "t", tags: ["cache", "latency", "cache"] })).toEqual({ tags: ["Entries must be unique"] });
    expect(errorsOf({ title: "t", services: ["api", " api "] })).toEqual({ services: ["Entries must be unique"] });
  });

  it("refuses empty and over-long entries at their index", () => {
    expect(errorsOf({ title: "t", authors: ["Amara", "  ", "x".repeat(101)] })).toEqual({
      "authors.1": ["Must not be empty"],
      "authors.2": ["Must be at most 100 characters"],
    });
  });

  it("trims entries", () => {
    expect(postmortemInputSchema.parse({ title: "t", tags: [" cache "] }).tags).toEqual(["cache"]);
  });
});

describe("slug and version", () => {
  it("refuses a slug that is not lowercase words joined by single hyphens", () => {
    for (const bad of ["Has-Caps", "double--hyphen", "-leading", "trailing-", "spa ce", ""]) {
      expect(Object.keys(errorsOf({ title: "t", slug: bad })), bad).toEqual(["slug"]);
    }
  });

  it("makes version optional on create and required on update", () => {
    expect(postmortemInputSchema.safeParse({ title: "t" }).success).toBe(true);
    expect(errorsOf({ title: "t" }, postmortemUpdateSchema)).toEqual({
      version: ["Send the version you last read, to detect concurrent edits"],
    });
    expect(Object.keys(errorsOf({ title: "t", version: 0 }, postmortemUpdateSchema))).toEqual(["version"]);
    expect(Object.keys(errorsOf({ title: "t", version: 1.5 }, postmortemUpdateSchema))).toEqual(["version"]);
    expect(postmortemUpdateSchema.parse({ title: "t", version: 2 }).version).toBe(2);
  });
});

describe("listQuerySchema", () => {
  it("falls back to defaults for malformed query values instead of failing", () => {
    expect(listQuerySchema.parse({ page: "abc", perPage: "1000", status: "gone" })).toEqual({ page: 1, perPage: 20, status: undefined });
    expect(listQuerySchema.parse({ page: "3", perPage: "5", status: "archived" })).toEqual({ page: 3, perPage: 5, status: "archived" });
    expect(listQuerySchema.parse({})).toEqual({ page: 1, perPage: 20 });
  });
});
