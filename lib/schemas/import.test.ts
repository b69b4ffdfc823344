import { describe, expect, it } from "vitest";
import { importQuerySchema } from "./import";

describe("importQuerySchema", () => {
  it("reads create as a yes/no and keeps a file name", () => {
    expect(importQuerySchema.parse({ create: "1", fileName: " 2024-02-10-search.md " })).toEqual({ create: true, fileName: "2024-02-10-search.md" });
    expect(importQuerySchema.parse({ create: "true" }).create).toBe(true);
    expect(importQuerySchema.parse({ create: "0" }).create).toBe(false);
    expect(importQuerySchema.parse({})).toEqual({ create: false, fileName: undefined });
  });

  it("absorbs odd values rather than failing", () => {
    expect(importQuerySchema.parse({ create: ["1", "2"], fileName: ["a", "b"] })).toEqual({ create: false, fileName: undefined });
    expect(importQuerySchema.parse({ fileName: "a\u0000b\nc" }).fileName).toBe("abc");
    expect(importQuerySchema.parse({ fileName: "x".repeat(400) }).fileName).toHaveLength(255);
    expect(importQuerySchema.parse({ fileName: "   " }).fileName).toBeUndefined();
  });
});
