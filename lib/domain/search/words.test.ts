import { describe, expect, it } from "vitest";
import { distinctWords, MAX_LISTED_WORD, unknownWords, wordsOf } from "./words";

describe("wordsOf", () => {
  it("splits on anything but letters and digits, folding case and accents", () => {
    expect(wordsOf("Auth-API returned 500s; Düsseldorf café, naïve_test")).toEqual(["auth", "api", "returned", "500s", "dusseldorf", "cafe", "naive", "test"]);
    expect(wordsOf("東京 datacenter")).toEqual(["東京", "datacenter"]);
  });
});

describe("distinctWords", () => {
  it("keeps each word once, drops one-letter words, bare numbers and very long tokens", () => {
    const long = "x".repeat(MAX_LISTED_WORD + 1);
    expect(distinctWords(["a cache, the Cache", `2024 ${long} v2`])).toEqual(["cache", "the", "v2"]);
  });
});

describe("unknownWords", () => {
  it("lists each listed word the known set lacks, once", () => {
    expect(unknownWords(["Cache cache stampede", "a stampede of 42 requests"], new Set(["cache", "of"]))).toEqual(["stampede", "requests"]);
  });
});
