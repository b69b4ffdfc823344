import { describe, expect, it } from "vitest";
import { importFileQuerySchema } from "./import-archive";

describe("POST /api/import/files's query", () => {
  it("takes a file's path inside its folder or zip, and whether it is a dry run", () => {
    expect(importFileQuerySchema.parse({ name: " posts\\2023/./outage.md ", dryRun: "1" })).toEqual({ name: "posts/2023/outage.md", dryRun: true });
    expect(importFileQuerySchema.parse({ name: "a.md" })).toEqual({ name: "a.md", dryRun: false });
    expect(importFileQuerySchema.parse({ name: "a.md", dryRun: "no" }).dryRun).toBe(false);
  });

  it("takes a path deeper than a postmortem keeps (the import keeps its end)", () => {
    expect(importFileQuerySchema.parse({ name: `${"folder/".repeat(300)}a.md` }).name).toHaveLength(2104);
  });

  it("refuses no name, a name that climbs out of its folder, an absolute one and a very long one", () => {
    for (const name of [undefined, "", " \u0000 ", "../a.md", "posts/../../a.md", "/etc/a.md", `${"a".repeat(4097)}.md`]) {
      expect(importFileQuerySchema.safeParse({ name }).success, String(name)).toBe(false);
    }
  });
});
