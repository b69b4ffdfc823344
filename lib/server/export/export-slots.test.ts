import { afterEach, describe, expect, it, vi } from "vitest";
import { appErrorOf } from "@/lib/server/testing/app-error-of";
import { exportClientOf, takeExportSlot } from "./export-slots";

const forget = () => ((globalThis as { hindsightExportSlots?: unknown }).hindsightExportSlots = undefined);

afterEach(() => {
  forget();
  vi.unstubAllEnvs();
  vi.useRealTimers();
});

describe("exportClientOf", () => {
  it("counts a token on its own, else the person, else the address", () => {
    const person = { kind: "user" as const, userId: "u1", email: "a@example.com", name: "A", role: "viewer" as const };
    expect(exportClientOf(person, "10.0.0.1")).toBe("person:u1");
    expect(exportClientOf({ ...person, tokenId: "t9" }, "10.0.0.1")).toBe("token:t9");
    expect(exportClientOf({ kind: "operator" }, "10.0.0.1")).toBe("address:10.0.0.1");
    expect(exportClientOf({ kind: "operator" }, null)).toBe("address:unknown");
  });
});

// Under npm start the primary keeps the count for every worker (scripts/lib/export-limits.test.ts for the rules,
// e2e/export-limits.spec.ts through two workers); a lone server keeps its own, tested here.
describe("takeExportSlot in a lone server (its own count)", () => {
  it("refuses a second export while the first runs (429, Retry-After 10 s), and lets it start once released", async () => {
    const slot = await takeExportSlot("person:ada");
    const refused = await appErrorOf(takeExportSlot("person:ada"));
    expect(refused).toMatchObject({ code: "TOO_MANY_REQUESTS", details: { retryAfterSeconds: 10 } });
    expect(refused.message).toBe("An export of yours is still running. Wait until it has finished, then try again.");
    // Someone else is not held up.
    (await takeExportSlot("person:bo")).release();
    slot.release();
    slot.release();
    (await takeExportSlot("person:ada")).release();
  });

  it("refuses a fourth start within a minute, saying when to come back", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-05T10:00:00Z") });
    for (let i = 0; i < 3; i++) {
      (await takeExportSlot("token:t1")).release();
      vi.advanceTimersByTime(10_000);
    }
    const refused = await appErrorOf(takeExportSlot("token:t1"));
    expect(refused).toMatchObject({ code: "TOO_MANY_REQUESTS", details: { retryAfterSeconds: 30 } });
    expect(refused.message).toBe("You started 3 exports within the last minute. Try again in 30 s.");
  });

  it("follows HINDSIGHT_EXPORTS_AT_ONCE and HINDSIGHT_EXPORTS_PER_MINUTE", async () => {
    vi.stubEnv("HINDSIGHT_EXPORTS_AT_ONCE", "2");
    vi.stubEnv("HINDSIGHT_EXPORTS_PER_MINUTE", "5");
    // Settings are read once per process: a fresh copy of the modules reads them again.
    vi.resetModules();
    const { takeExportSlot } = await import("./export-slots");
    const slots = [await takeExportSlot("person:ci"), await takeExportSlot("person:ci")];
    // (A fresh copy of the modules has its own AppError class: compared by shape.)
    await expect(takeExportSlot("person:ci")).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: "2 exports of yours are still running. Wait until one has finished, then try again.",
    });
    for (const slot of slots) slot.release();
  });
});
