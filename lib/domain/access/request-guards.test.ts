import { describe, expect, it } from "vitest";
import { isAllowedHost, isSameOriginWrite } from "./request-guards";

describe("isAllowedHost", () => {
  it("answers any host without a public URL", () => {
    expect(isAllowedHost("anything.test", {})).toBe(true);
  });
  it("answers only the public host name and loopback with one (DNS rebinding)", () => {
    const publicUrl = "https://postmortems.example.com";
    expect(isAllowedHost("postmortems.example.com", { publicUrl })).toBe(true);
    expect(isAllowedHost("POSTMORTEMS.example.com:443", { publicUrl })).toBe(true);
    expect(isAllowedHost("127.0.0.1:3000", { publicUrl })).toBe(true);
    expect(isAllowedHost("localhost", { publicUrl })).toBe(true);
    expect(isAllowedHost("[::1]:3000", { publicUrl })).toBe(true);
    expect(isAllowedHost("attacker.test", { publicUrl })).toBe(false);
    expect(isAllowedHost("postmortems.example.com.attacker.test", { publicUrl })).toBe(false);
    expect(isAllowedHost(null, { publicUrl })).toBe(false);
  });
});

describe("isSameOriginWrite", () => {
  const base = { method: "POST", hasSessionCookie: true, hasBearerToken: false, secFetchSite: null, origin: null, ownOrigins: ["http://localhost:3000"] };
  it("lets reads, cookie-less requests and Bearer-token requests through", () => {
    expect(isSameOriginWrite({ ...base, method: "GET", secFetchSite: "cross-site" })).toBe(true);
    expect(isSameOriginWrite({ ...base, hasSessionCookie: false, secFetchSite: "cross-site" })).toBe(true);
    expect(isSameOriginWrite({ ...base, hasBearerToken: true, secFetchSite: "cross-site" })).toBe(true);
  });
  it("refuses a cookie-carrying write from another site, whatever the content type", () => {
    expect(isSameOriginWrite({ ...base, secFetchSite: "cross-site" })).toBe(false);
    expect(isSameOriginWrite({ ...base, secFetchSite: "same-site" })).toBe(false);
    expect(isSameOriginWrite({ ...base, origin: "https://evil.test" })).toBe(false);
    expect(isSameOriginWrite({ ...base, origin: "null" })).toBe(false);
  });
  it("accepts our own pages' writes, and clients that are not browsers", () => {
    expect(isSameOriginWrite({ ...base, secFetchSite: "same-origin", origin: "http://localhost:3000" })).toBe(true);
    expect(isSameOriginWrite({ ...base, origin: "http://localhost:3000" })).toBe(true);
    expect(isSameOriginWrite(base)).toBe(true);
  });
});
