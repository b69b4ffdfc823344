import { describe, expect, it } from "vitest";
import { resolvePublicOrigin } from "./public-origin";

const headers = (values: Record<string, string>) => new Headers(values);
const direct = { trustProxy: false };
const behindProxy = { trustProxy: true };

describe("resolvePublicOrigin", () => {
  it("uses the Host header when no proxy is trusted", () => {
    expect(resolvePublicOrigin(headers({ host: "127.0.0.1:3000" }), direct)).toBe("http://127.0.0.1:3000");
    expect(resolvePublicOrigin(headers({ host: "Hindsight.Example.TEST" }), direct)).toBe("http://hindsight.example.test");
  });

  it("ignores forged forwarded headers when no proxy is trusted", () => {
    const forged = headers({ host: "127.0.0.1:3000", "x-forwarded-host": "evil.test", "x-forwarded-proto": "https" });
    expect(resolvePublicOrigin(forged, direct)).toBe("http://127.0.0.1:3000");
  });

  it("uses X-Forwarded-Host and -Proto from a trusted proxy, the first of a list", () => {
    const forwarded = headers({ host: "127.0.0.1:3000", "x-forwarded-host": "incidents.other.test", "x-forwarded-proto": "https" });
    expect(resolvePublicOrigin(forwarded, behindProxy)).toBe("https://incidents.other.test");
    const chain = headers({ host: "127.0.0.1:3000", "x-forwarded-host": "a.example.test:8443, b.internal", "x-forwarded-proto": "HTTPS,http" });
    expect(resolvePublicOrigin(chain, behindProxy)).toBe("https://a.example.test:8443");
  });

  it("keeps a default port out of the origin", () => {
    const forwarded = headers({ "x-forwarded-host": "hindsight.example.test:443", "x-forwarded-proto": "https" });
    expect(resolvePublicOrigin(forwarded, behindProxy)).toBe("https://hindsight.example.test");
  });

  it("falls back to http when the forwarded protocol is missing or odd", () => {
    expect(resolvePublicOrigin(headers({ "x-forwarded-host": "a.example.test" }), behindProxy)).toBe("http://a.example.test");
    expect(resolvePublicOrigin(headers({ "x-forwarded-host": "a.example.test", "x-forwarded-proto": "javascript" }), behindProxy)).toBe("http://a.example.test");
  });

  it.each(["evil.test/path", "evil.test@other.test", "a b", "evil.test:99999", "", "-bad.test", "x".repeat(300), "evil.test\\x"])(
    "never builds a URL from a malformed host (%j): falls back to the next source",
    (bad) => {
      expect(resolvePublicOrigin(headers({ host: "127.0.0.1:3000", "x-forwarded-host": bad }), behindProxy)).toBe("http://127.0.0.1:3000");
      expect(resolvePublicOrigin(headers({ host: bad }), direct)).toBe("http://localhost");
    },
  );

  it("accepts IPv6 hosts", () => {
    expect(resolvePublicOrigin(headers({ host: "[::1]:3000" }), direct)).toBe("http://[::1]:3000");
  });

  it("prefers a configured public URL over every header", () => {
    const forwarded = headers({ host: "127.0.0.1:3000", "x-forwarded-host": "incidents.other.test", "x-forwarded-proto": "http" });
    expect(resolvePublicOrigin(forwarded, { publicUrl: "https://postmortems.example.com/", trustProxy: true })).toBe("https://postmortems.example.com");
  });
});
