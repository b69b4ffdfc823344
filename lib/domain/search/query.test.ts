import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isEmptyQuery, matchExpressions, MAX_TERMS, parseQuery, prefixWordsOf } from "./query";

const match = (raw: string, options?: { isTyping?: boolean }) => matchExpressions(parseQuery(raw, options)).match;

describe("parseQuery and matchExpressions", () => {
  it("requires every word, quoting each one, and matches the last as a prefix while it is being typed", () => {
    expect(match("token parser")).toBe('"token" AND "parser"*');
    expect(match("token parser ")).toBe('"token" AND "parser"');
    expect(match("token parser", { isTyping: false })).toBe('"token" AND "parser"');
  });

  it("folds case and accents the way the index does", () => {
    expect(match("Düsseldorf CAFÉ ")).toBe('"dusseldorf" AND "cafe"');
  });

  it("reads quoted text as a phrase, and an unclosed quote as a phrase still being typed", () => {
    expect(match('"feature flag" rollout ')).toBe('"feature flag" AND "rollout"');
    expect(match('rollout "feature fl')).toBe('"rollout" AND "feature fl"*');
    expect(match('rollout "feature flag"')).toBe('"rollout" AND "feature flag"');
    expect(match("\u201cfeature flag\u201d ")).toBe('"feature flag"');
  });

  it("turns words joined by punctuation into a phrase, as the index splits them", () => {
    expect(match("auth-api ")).toBe('"auth api"');
    expect(match("e-mail.service ")).toBe('"e mail service"');
  });

  it("excludes -word, -\"a phrase\" and NOT word", () => {
    expect(match("cache -redis ")).toBe('("cache") NOT ("redis")');
    expect(match('cache -"feature flag" NOT dns ')).toBe('("cache") NOT ("feature flag" OR "dns")');
  });

  it("joins terms around OR, and ignores AND (every word is required anyway)", () => {
    expect(match("dns OR certificate expiry ")).toBe('("dns" OR "certificate") AND "expiry"');
    expect(match("dns AND certificate ")).toBe('"dns" AND "certificate"');
    expect(match("dns or certificate ")).toBe('"dns" AND "or" AND "certificate"');
  });

  it("treats an explicit * as a prefix anywhere", () => {
    expect(match("conf* drift ")).toBe('"conf"* AND "drift"');
  });

  it("waits for a second letter before matching a prefix", () => {
    expect(match("token p")).toBe('"token"');
    expect(match("p")).toBeNull();
    expect(match("p ")).toBe('"p"');
  });

  it("cleans away stray syntax instead of failing", () => {
    expect(match('"')).toBeNull();
    expect(match("AND")).toBeNull();
    expect(match("OR OR NOT")).toBeNull();
    expect(match("(((")).toBeNull();
    expect(match("cache AND ) col:umn ^start NEAR(a b) {x} ")).toBe('"cache" AND "col umn" AND "start" AND "near a" AND "b" AND "x"');
    // A stray quote opens a phrase that runs to the end (as when someone is still typing it).
    expect(match('token "parser fails')).toBe('"token" AND "parser fails"*');
    expect(match("-")).toBeNull();
    expect(isEmptyQuery(parseQuery("  ***  "))).toBe(true);
  });

  it("a query of exclusions only says what to leave out of everything", () => {
    expect(matchExpressions(parseQuery("-draft -test "))).toEqual({ match: null, excludeOnly: '"draft" OR "test"' });
  });

  it("offers the half-typed word for completion, and adds its completions as alternatives", () => {
    const parsed = parseQuery("drift configura");
    expect(prefixWordsOf(parsed)).toEqual(["configura"]);
    const completions = new Map([["configura", ["configuration", "configurable"]]]);
    expect(matchExpressions(parsed, completions).match).toBe('"drift" AND ("configura"* OR "configuration" OR "configurable")');
  });

  it("adds a word's corrections to it, finished or half-typed, but never to an exclusion or a phrase", () => {
    const corrections = new Map([["failovr", ["failover"]], ["chekout", ["checkout"]]]);
    expect(matchExpressions(parseQuery("failovr chekout "), new Map(), corrections).match).toBe('("failovr" OR "failover") AND ("chekout" OR "checkout")');
    expect(matchExpressions(parseQuery("dns failovr"), new Map(), corrections).match).toBe('"dns" AND ("failovr"* OR "failover")');
    expect(matchExpressions(parseQuery('dns -failovr "chekout flow" '), new Map(), corrections).match).toBe('("dns" AND "chekout flow") NOT ("failovr")');
  });

  it(`keeps at most ${MAX_TERMS} terms`, () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`).join(" ");
    expect(parseQuery(`${words} `).clauses).toHaveLength(MAX_TERMS);
  });

  it("never produces an expression with a stray quote, bracket or operator (any input)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), (raw) => {
        const { match: expression, excludeOnly } = matchExpressions(parseQuery(raw));
        return [expression, excludeOnly].every((text) => {
          if (text === null) return true;
          // Outside quoted strings only operators, brackets, * and spaces remain.
          const outside = text.replace(/"(?:[^"]|"")*"/g, "");
          return /^(?:[\s()*]|AND|OR|NOT)*$/.test(outside) && text.split("(").length === text.split(")").length;
        });
      }),
      { numRuns: 2000 },
    );
  });
});
