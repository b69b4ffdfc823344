import { describe, expect, it } from "vitest";
import { ExportLimits } from "./export-limits.mjs";

const LIMITS = { atOnce: 1, perMinute: 3, running: 4 };
const T0 = 1_000_000;

describe("ExportLimits", () => {
  it("lets a client run one export at a time, and says to come back in a few seconds", () => {
    const limits = new ExportLimits();
    expect(limits.take({ owner: 1, id: 1, client: "person:ada", limits: LIMITS, now: T0 })).toEqual({ ok: true });
    // From another worker process too: the client is the same person.
    expect(limits.take({ owner: 2, id: 1, client: "person:ada", limits: LIMITS, now: T0 + 10 })).toEqual({ ok: false, reason: "running", retryAfterMs: 10_000 });
    expect(limits.take({ owner: 2, id: 2, client: "person:bo", limits: LIMITS, now: T0 + 20 })).toEqual({ ok: true });
    limits.release({ owner: 1, id: 1 });
    expect(limits.take({ owner: 2, id: 3, client: "person:ada", limits: LIMITS, now: T0 + 30 })).toEqual({ ok: true });
  });

  it("counts starts over a sliding minute and answers when the oldest leaves it", () => {
    const limits = new ExportLimits();
    for (const [i, at] of [0, 5_000, 20_000].entries()) {
      expect(limits.take({ owner: 1, id: i, client: "token:t1", limits: LIMITS, now: T0 + at })).toEqual({ ok: true });
      limits.release({ owner: 1, id: i });
    }
    expect(limits.take({ owner: 1, id: 9, client: "token:t1", limits: LIMITS, now: T0 + 30_000 })).toEqual({ ok: false, reason: "rate", retryAfterMs: 30_000 });
    // A refused start is not counted: once the first start is a minute old, one more may start.
    expect(limits.take({ owner: 1, id: 10, client: "token:t1", limits: LIMITS, now: T0 + 59_999 })).toMatchObject({ ok: false, reason: "rate", retryAfterMs: 1 });
    expect(limits.take({ owner: 1, id: 11, client: "token:t1", limits: LIMITS, now: T0 + 60_000 })).toEqual({ ok: true });
    limits.release({ owner: 1, id: 11 });
    expect(limits.take({ owner: 1, id: 12, client: "token:t1", limits: LIMITS, now: T0 + 60_001 })).toEqual({ ok: false, reason: "rate", retryAfterMs: 4_999 });
  });

  it("answers with the rate when both limits refuse: waiting for the running export would not be enough", () => {
    const limits = new ExportLimits();
    for (let i = 0; i < 3; i++) limits.take({ owner: 1, id: i, client: "person:ada", limits: { ...LIMITS, atOnce: 3 }, now: T0 + i });
    expect(limits.take({ owner: 1, id: 9, client: "person:ada", limits: LIMITS, now: T0 + 1_000 })).toEqual({ ok: false, reason: "rate", retryAfterMs: 59_000 });
  });

  it("follows the settings it is given: several at once, more per minute", () => {
    const limits = new ExportLimits();
    const generous = { atOnce: 2, perMinute: 100, running: 10 };
    expect(limits.take({ owner: 1, id: 1, client: "person:ada", limits: generous, now: T0 })).toEqual({ ok: true });
    expect(limits.take({ owner: 1, id: 2, client: "person:ada", limits: generous, now: T0 })).toEqual({ ok: true });
    expect(limits.take({ owner: 1, id: 3, client: "person:ada", limits: generous, now: T0 })).toMatchObject({ ok: false, reason: "running" });
  });

  it("runs at most `running` exports in all, whoever asks", () => {
    const limits = new ExportLimits();
    for (let i = 0; i < 4; i++) expect(limits.take({ owner: 1, id: i, client: `person:${i}`, limits: LIMITS, now: T0 })).toEqual({ ok: true });
    expect(limits.take({ owner: 1, id: 4, client: "person:late", limits: LIMITS, now: T0 })).toEqual({ ok: false, reason: "busy", retryAfterMs: 10_000 });
    expect(limits.running).toBe(4);
  });

  it("gives up every export of a worker process that stopped, and ignores releases it does not know", () => {
    const limits = new ExportLimits();
    limits.take({ owner: 1, id: 1, client: "person:ada", limits: LIMITS, now: T0 });
    limits.take({ owner: 2, id: 1, client: "person:bo", limits: LIMITS, now: T0 });
    limits.release({ owner: 3, id: 1 });
    expect(limits.running).toBe(2);
    limits.releaseOwner(1);
    expect(limits.running).toBe(1);
    expect(limits.take({ owner: 2, id: 2, client: "person:ada", limits: LIMITS, now: T0 + 1 })).toEqual({ ok: true });
  });

  it("forgets clients whose starts are all older than a minute (bounded bookkeeping)", () => {
    const limits = new ExportLimits();
    for (let i = 0; i < 1_000; i++) {
      limits.take({ owner: 1, id: i, client: `address:10.0.${i >> 8}.${i & 255}`, limits: { ...LIMITS, running: 2_000 }, now: T0 + i });
      limits.release({ owner: 1, id: i });
    }
    expect(limits.clients).toBe(1_000);
    limits.take({ owner: 1, id: 5_000, client: "person:ada", limits: LIMITS, now: T0 + 61_000 });
    expect(limits.clients).toBe(1);
  });
});
