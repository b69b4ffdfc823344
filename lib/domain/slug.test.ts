import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { slugSchema } from "@/lib/schemas/postmortem";
import { slugCandidate, slugify } from "./slug";

describe("slugify", () => {
  it("turns a title into lowercase words joined by hyphens", () => {
    expect(slugify("Checkout slowed to a crawl after a cache TTL change")).toBe(
      "checkout-slowed-to-a-crawl-after-a-cache-ttl-change",
    );
    expect(slugify("  Login outage (2024) -- EU!  ")).toBe("login-outage-2024-eu");
  });

  it("drops accents and apostrophes instead of splitting words on them", () => {
    expect(slugify("Café Zürich façade")).toBe("cafe-zurich-facade");
    expect(slugify("Don't deploy on Friday’s")).toBe("dont-deploy-on-fridays");
  });

  it("falls back to 'postmortem' when nothing usable is left", () => {
    expect(slugify("")).toBe("postmortem");
    expect(slugify("!!! ???")).toBe("postmortem");
    expect(slugify("事故")).toBe("postmortem");
  });

  it("cuts long titles at a word boundary near the limit", () => {
    const title = "word ".repeat(40);
    const slug = slugify(title, 20);
    expect(slug).toBe("word-word-word-word");
    expect(slug.length).toBeLessThanOrEqual(20);
  });

  it("cuts inside a word when there is no boundary in the second half", () => {
    expect(slugify("a-" + "x".repeat(50), 20)).toBe("a-" + "x".repeat(18));
  });

  it("always yields a slug the schema accepts, within the length limit", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 10, max: 120 }), (title, max) => {
        const slug = slugify(title, max);
        expect(slug.length).toBeLessThanOrEqual(max);
        expect(slugSchema.safeParse(slug).success, slug).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe("slugCandidate", () => {
  it("returns the base on the first attempt and numbered variants after", () => {
    expect(slugCandidate("db-outage", 1)).toBe("db-outage");
    expect(slugCandidate("db-outage", 2)).toBe("db-outage-2");
    expect(slugCandidate("db-outage", 10)).toBe("db-outage-10");
  });
});
