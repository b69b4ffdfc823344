import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstK } from "./top";

describe("firstK", () => {
  it("gives the same first k as a full sort", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 300 }), fc.integer({ min: 0, max: 40 }), (items, k) => {
        const expected = [...items].sort((a, b) => a - b).slice(0, k);
        expect(firstK(items, k, (a, b) => a - b)).toEqual(expected);
      }),
    );
  });
});
