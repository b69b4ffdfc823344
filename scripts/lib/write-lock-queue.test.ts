import { describe, expect, it } from "vitest";
import { WriteLockQueue } from "./write-lock-queue.mjs";

describe("WriteLockQueue: one write turn for all of npm start's workers", () => {
  it("grants the turn at once when no one holds it, and to the next in arrival order on each release", () => {
    const queue = new WriteLockQueue();
    expect(queue.request({ worker: 1, id: 1 })).toEqual({ worker: 1, id: 1 });
    expect(queue.request({ worker: 2, id: 1 })).toBeNull();
    expect(queue.request({ worker: 1, id: 2 })).toBeNull();
    expect(queue.request({ worker: 2, id: 2 })).toBeNull();
    // First come, first served across workers: worker 1's second write waits behind worker 2's first.
    expect(queue.release({ worker: 1, id: 1 })).toEqual({ worker: 2, id: 1 });
    expect(queue.release({ worker: 2, id: 1 })).toEqual({ worker: 1, id: 2 });
    expect(queue.release({ worker: 1, id: 2 })).toEqual({ worker: 2, id: 2 });
    expect(queue.release({ worker: 2, id: 2 })).toBeNull();
    expect(queue.length).toBe(0);
  });

  it("lets a waiter that gave up leave the queue without handing the turn on", () => {
    const queue = new WriteLockQueue();
    queue.request({ worker: 1, id: 1 });
    queue.request({ worker: 2, id: 7 });
    queue.request({ worker: 2, id: 8 });
    expect(queue.release({ worker: 2, id: 7 })).toBeNull();
    expect(queue.release({ worker: 1, id: 1 })).toEqual({ worker: 2, id: 8 });
  });

  it("hands the turn on when the worker holding it dies, and forgets everything that worker asked for", () => {
    const queue = new WriteLockQueue();
    queue.request({ worker: 1, id: 1 });
    queue.request({ worker: 1, id: 2 });
    queue.request({ worker: 2, id: 1 });
    expect(queue.releaseWorker(1)).toEqual({ worker: 2, id: 1 });
    expect(queue.length).toBe(1);
    expect(queue.releaseWorker(3)).toBeNull();
  });

  it("ignores a release of a turn it does not know (a second release, a stale message)", () => {
    const queue = new WriteLockQueue();
    queue.request({ worker: 1, id: 1 });
    queue.request({ worker: 2, id: 1 });
    expect(queue.release({ worker: 9, id: 9 })).toBeNull();
    expect(queue.release({ worker: 1, id: 1 })).toEqual({ worker: 2, id: 1 });
    expect(queue.release({ worker: 1, id: 1 })).toBeNull();
    expect(queue.length).toBe(1);
  });
});
