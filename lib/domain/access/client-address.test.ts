import { describe, expect, it } from "vitest";
import { clientAddressOf } from "./client-address";

describe("clientAddressOf", () => {
  it("is the peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddressOf({ peer: "203.0.113.9", forwardedFor: "1.2.3.4", trustedProxies: [] })).toBe("203.0.113.9");
  });
  it("reads X-Forwarded-For from the right, skipping trusted proxies", () => {
    const trustedProxies = ["10.0.0.0/8"];
    expect(clientAddressOf({ peer: "10.0.0.5", forwardedFor: "1.2.3.4, 198.51.100.7, 10.0.0.9", trustedProxies })).toBe("198.51.100.7");
  });
  it("does not let a client forge its address through a trusted proxy", () => {
    // The client sent "X-Forwarded-For: 6.6.6.6"; the proxy appended the real address.
    expect(clientAddressOf({ peer: "127.0.0.1", forwardedFor: "6.6.6.6, 198.51.100.7", trustedProxies: ["127.0.0.1"] })).toBe("198.51.100.7");
  });
  it("understands IPv4-mapped and IPv6 peers and ranges", () => {
    expect(clientAddressOf({ peer: "::ffff:127.0.0.1", forwardedFor: "2001:db8::1", trustedProxies: ["127.0.0.1"] })).toBe("2001:db8::1");
    expect(clientAddressOf({ peer: "fd00::2", forwardedFor: "2001:db8::1", trustedProxies: ["fd00::/8"] })).toBe("2001:db8::1");
    expect(clientAddressOf({ peer: "fe80::2", forwardedFor: "2001:db8::1", trustedProxies: ["fd00::/8"] })).toBe("fe80::2");
  });
  it("ignores malformed hops and falls back to the peer", () => {
    expect(clientAddressOf({ peer: "10.1.1.1", forwardedFor: "not-an-ip, <script>", trustedProxies: ["10.0.0.0/8"] })).toBe("10.1.1.1");
    expect(clientAddressOf({ peer: null, forwardedFor: "1.2.3.4", trustedProxies: ["10.0.0.0/8"] })).toBeNull();
  });
});
