import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { placeInTimeOrder } from "./order";

type Row = { id: string; at: string | null };
const row = (id: string, at: string | null): Row => ({ id, at });
const ids = (rows: Row[]) => rows.map((r) => r.id);

describe("placeInTimeOrder", () => {
  it("sorts timed events by instant", () => {
    const rows = [row("c", "2024-03-14T10:30:00Z"), row("a", "2024-03-14T10:00:00Z"), row("b", "2024-03-14T10:15:00Z")];
    expect(ids(placeInTimeOrder(rows))).toEqual(["a", "b", "c"]);
  });

  it("compares instants, not the written wall-clock times", () => {
    // 10:30 in Berlin is 09:30 UTC: before 10:00 UTC.
    const rows = [row("utc", "2024-03-14T10:00:00Z"), row("berlin", "2024-03-14T10:30:00+01:00")];
    expect(ids(placeInTimeOrder(rows))).toEqual(["berlin", "utc"]);
  });

  it("keeps each untimed event at its index", () => {
    const rows = [
      row("t3", "2024-03-14T12:00:00Z"),
      row("u1", null),
      row("t1", "2024-03-14T10:00:00Z"),
      row("u2", null),
      row("t2", "2024-03-14T11:00:00Z"),
    ];
    expect(ids(placeInTimeOrder(rows))).toEqual(["t1", "u1", "t2", "u2", "t3"]);
  });

  it("is stable for equal times", () => {
    const at = "2024-03-14T10:00:00Z";
    const rows = [row("later", "2024-03-14T11:00:00Z"), row("first", at), row("second", at), row("third", at)];
    expect(ids(placeInTimeOrder(rows))).toEqual(["first", "second", "third", "later"]);
  });

  it("treats an unreadable time as untimed", () => {
    const rows = [row("b", "2024-03-14T11:00:00Z"), row("odd", "not a time"), row("a", "2024-03-14T10:00:00Z")];
    expect(ids(placeInTimeOrder(rows))).toEqual(["a", "odd", "b"]);
  });

  it("returns a new array with the same objects, and leaves the input alone", () => {
    const rows = [row("b", "2024-03-14T11:00:00Z"), row("a", "2024-03-14T10:00:00Z")];
    const before = [...rows];
    const placed = placeInTimeOrder(rows);
    expect(placed).not.toBe(rows);
    expect(rows).toEqual(before);
    expect(placed[0]).toBe(rows[1]);
    expect(placeInTimeOrder([])).toEqual([]);
  });

  describe("properties", () => {
    // Few distinct instants, so that equal times are common.
    const at = fc.option(
      fc.integer({ min: 0, max: 30 }).map((minutes) => new Date(Date.UTC(2024, 2, 14, 10, minutes)).toISOString()),
      { nil: null, freq: 3 },
    );
    const rows = fc.array(at, { maxLength: 40 }).map((times) => times.map((time, index) => row(`e${index}`, time)));

    it("keeps untimed events at their index and sorts the timed ones stably", () => {
      fc.assert(
        fc.property(rows, (input) => {
          const placed = placeInTimeOrder(input);
          expect(placed).toHaveLength(input.length);
          expect([...placed].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...input].sort((a, b) => a.id.localeCompare(b.id)));
          input.forEach((event, index) => {
            if (event.at === null) expect(placed[index]).toBe(event);
            else expect(placed[index].at).not.toBeNull();
          });
          const timed = placed.filter((event) => event.at !== null);
          timed.slice(1).forEach((event, index) => {
            const previous = timed[index];
            const order = Date.parse(previous.at!) - Date.parse(event.at!);
            expect(order).toBeLessThanOrEqual(0);
            // Stable: among equal times, input order (e0 < e1 < …) is kept.
            if (order === 0) expect(Number(previous.id.slice(1))).toBeLessThan(Number(event.id.slice(1)));
          });
        }),
        { numRuns: 500 },
      );
    });

    it("is idempotent", () => {
      fc.assert(
        fc.property(rows, (input) => {
          const once = placeInTimeOrder(input);
          expect(placeInTimeOrder(once)).toEqual(once);
        }),
      );
    });
  });
});
