import { describe, expect, it } from "vitest";
import { NO_STORE_MARKER, ResponseCache, cacheKeyOf, credentialsOf, fromTemplate, isStorable, nonceOf, renderHeadersOf, toTemplate, type Answer } from "./response-cache.mjs";

const NONCE = "8nB/sAeE7eph3kT1zfLRdA==";
const POLICY = `default-src 'self'; script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'; object-src 'none'`;

function page(overrides: Partial<Answer> = {}): Answer {
  return {
    status: 200,
    headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": POLICY, date: "Fri, 04 Dec 2026 20:00:00 GMT", "content-length": "123", vary: "rsc" },
    body: `<html><script nonce="${NONCE}">self.__next_f.push([1,"x"])</script><script nonce="${NONCE}" src="/a.js"></script><p>[nonce:${NONCE}] → ünïcode</p></html>`,
    ...overrides,
  };
}

const get = (url: string, headers: Record<string, string> = {}) => ({ method: "GET", url, headers: { host: "localhost:3000", ...headers } });

describe("cacheKeyOf and credentialsOf: a page is served again only to the same credentials", () => {
  it("keys by the session cookie or the Bearer token, never sharing between two people or with anonymous visitors", () => {
    const alice = get("/", { cookie: "theme=dark; hindsight.session_token=alice.sig" });
    const bob = get("/", { cookie: "hindsight.session_token=bob.sig" });
    const token = get("/api/search?q=x", { authorization: "Bearer hsp_abc" });
    expect(cacheKeyOf(alice)).not.toBe(cacheKeyOf(bob));
    expect(cacheKeyOf(alice)).not.toBe(cacheKeyOf(get("/")));
    expect(cacheKeyOf(get("/", { cookie: "hindsight.session_token=alice.sig" }))).toBe(cacheKeyOf(alice));
    expect(cacheKeyOf(get("/", { cookie: "__Secure-hindsight.session_token=alice.sig" }))).not.toBe(cacheKeyOf(get("/")));
    expect(cacheKeyOf(token)).not.toBe(cacheKeyOf(get("/api/search?q=x")));
    expect(credentialsOf(alice.headers)).toEqual({ kind: "session", value: "alice.sig" });
    expect(credentialsOf(token.headers)).toEqual({ kind: "bearer", value: "hsp_abc" });
    // The credentials themselves never appear in a key (keys are kept in memory and may be logged).
    expect(cacheKeyOf(alice)).not.toContain("alice.sig");
  });
});

describe("cacheKeyOf: which requests the answer cache may serve", () => {
  it("keys pages and searches by address and by the host names that decide absolute links", () => {
    expect(cacheKeyOf(get("/"))).toMatch(/^localhost:3000\n\n\nanonymous:[\w-]+\n\/$/);
    expect(cacheKeyOf(get("/api/search?q=cache"))).not.toBeNull();
    expect(cacheKeyOf(get("/postmortems/a?tab=1"))).not.toBe(cacheKeyOf(get("/postmortems/a?tab=2")));
    expect(cacheKeyOf(get("/", { host: "a.test" }))).not.toBe(cacheKeyOf(get("/", { host: "b.test" })));
    expect(cacheKeyOf(get("/", { "x-forwarded-host": "public.test" }))).not.toBe(cacheKeyOf(get("/")));
    expect(cacheKeyOf(get("/", { "x-forwarded-proto": "https" }))).not.toBe(cacheKeyOf(get("/")));
    // Nothing the app does not read changes the key (other cookies included).
    expect(cacheKeyOf(get("/", { cookie: "a=b", "user-agent": "x", "accept-encoding": "gzip" }))).toBe(cacheKeyOf(get("/")));
  });

  it("leaves writes, other APIs, static files, the client router's requests and conditional requests to Next", () => {
    expect(cacheKeyOf({ ...get("/"), method: "POST" })).toBeNull();
    expect(cacheKeyOf({ ...get("/"), method: "HEAD" })).toBeNull();
    for (const url of ["/api/health", "/api/postmortems/a", "/api/postmortems/a/export", "/api/searching", "/_next/static/chunks/a.js", "/postmortems/a?_rsc=1x2"]) {
      expect(cacheKeyOf(get(url)), url).toBeNull();
    }
    for (const name of ["rsc", "next-router-state-tree", "next-router-prefetch", "next-action", "next-url", "range", "if-none-match", "if-modified-since"]) {
      expect(cacheKeyOf(get("/", { [name]: "1" })), name).toBeNull();
    }
    // An address that only looks like a page once normalised is still an API.
    expect(cacheKeyOf(get("/x/../api/health"))).toBeNull();
    expect(cacheKeyOf(get("http://localhost:3000/api/health"))).toBeNull();
  });

  it("leaves a GET with a body to Next: passing it on could smuggle a second request onto the render connection", () => {
    expect(cacheKeyOf(get("/", { "content-length": "20" }))).toBeNull();
    expect(cacheKeyOf(get("/", { "transfer-encoding": "chunked" }))).toBeNull();
    expect(cacheKeyOf(get("/", { "content-length": "0" }))).not.toBeNull();
  });

  it("leaves bots to Next, which writes other HTML for bots that only read HTML", () => {
    const isBot = (userAgent: string) => /Slackbot/.test(userAgent);
    expect(cacheKeyOf(get("/", { "user-agent": "Slackbot-LinkExpanding 1.0" }), { isBot })).toBeNull();
    expect(cacheKeyOf(get("/", { "user-agent": "Mozilla/5.0 Chrome/156" }), { isBot })).not.toBeNull();
  });

  it("renders with the client's headers but none of its exchange, and asks for an uncompressed answer", () => {
    const headers = renderHeadersOf({ host: "h", "user-agent": "u", accept: "text/html", "accept-encoding": "gzip", connection: "keep-alive", "content-length": "5", expect: "100-continue", te: "trailers", upgrade: "h2c" });
    expect(headers).toEqual({ host: "h", "user-agent": "u", accept: "text/html" });
  });
});

describe("templates: a stored answer gets a fresh nonce every time it is sent", () => {
  it("finds the nonce the policy names", () => {
    expect(nonceOf(POLICY)).toBe(NONCE);
    expect(nonceOf("default-src 'none'")).toBeNull();
    expect(nonceOf(undefined)).toBeNull();
  });

  it("puts the new nonce wherever the old one was, in the policy and the body, and nowhere else", () => {
    const answer = fromTemplate(toTemplate(page()), "FRESH");
    expect(answer.headers["content-security-policy"]).toBe(POLICY.replace(NONCE, "FRESH"));
    const body = answer.body.toString("utf8");
    expect(body).toBe(String(page().body).replaceAll(NONCE, "FRESH"));
    expect(body).not.toContain(NONCE);
    expect(body.match(/FRESH/g)).toHaveLength(3);
  });

  it("keeps an answer without a nonce (a search's JSON) as it is", () => {
    const json: Answer = { status: 200, headers: { "content-type": "application/json", "content-security-policy": "default-src 'none'" }, body: '{"results":[]}' };
    const answer = fromTemplate(toTemplate(json), "FRESH");
    expect({ ...answer, body: answer.body.toString() }).toEqual(json);
  });

  it("drops the headers of the one exchange (date, length, encoding) and keeps the rest", () => {
    const template = toTemplate(page());
    expect(Object.keys(template.headers).sort()).toEqual(["content-security-policy", "content-type", "vary"]);
    expect(template.bytes).toBe(Buffer.byteLength(page().body));
    expect(toTemplate({ ...page(), headers: { ...page().headers, "x-hindsight-cache": "miss" } }).headers["x-hindsight-cache"]).toBeUndefined();
  });
});

describe("isStorable: only complete, successful, cookie-free pages and JSON", () => {
  it("stores a 200 page or JSON", () => {
    expect(isStorable(page())).toBe(true);
    expect(isStorable(page({ headers: { "content-type": "application/json" } }))).toBe(true);
  });

  it("never stores an error, a redirect, a cookie, an encoded body, another type or an error page sent as 200", () => {
    expect(isStorable(page({ status: 404 }))).toBe(false);
    expect(isStorable(page({ status: 500 }))).toBe(false);
    expect(isStorable(page({ status: 307 }))).toBe(false);
    expect(isStorable(page({ headers: { ...page().headers, "set-cookie": ["a=b"] } }))).toBe(false);
    expect(isStorable(page({ headers: { ...page().headers, "content-encoding": "gzip" } }))).toBe(false);
    expect(isStorable(page({ headers: { "content-type": "text/markdown" } }))).toBe(false);
    expect(isStorable(page({ body: `<main ${NO_STORE_MARKER}>The database is busy</main>` }))).toBe(false);
    // A part of a streamed page that failed on the server, as React writes it.
    expect(isStorable(page({ body: '<!--$!--><template data-dgst="1234"></template><!--/$-->' }))).toBe(false);
    expect(isStorable(page({ body: '<script>$RX("B:0","1234")</script>' }))).toBe(false);
  });

  it("is not switched off by a postmortem that merely mentions the markers (its quotes arrive escaped)", () => {
    expect(isStorable(page({ body: "<p>data-hindsight-no-store=&quot;&quot; and $RX(&quot;B:0&quot;) and data-dgst=&quot;1&quot;</p>" }))).toBe(true);
    expect(isStorable(page({ body: '<script>self.__next_f.push([1,"data-hindsight-no-store=\\"\\" $RX(\\"B:0\\")"])</script>' }))).toBe(true);
  });
});

describe("ResponseCache", () => {
  const template = (bytes: number) => toTemplate({ status: 200, headers: {}, body: "x".repeat(bytes) });

  it("serves what was stored for the current generation and empties itself when the generation changes", () => {
    const cache = new ResponseCache({ maxBytes: 1000, maxAgeMs: 60_000 });
    cache.observe("v1");
    cache.set("a", template(10), "v1");
    expect(cache.get("a")?.bytes).toBe(10);
    cache.observe("v2");
    expect(cache.get("a")).toBeNull();
    expect(cache.bytes).toBe(0);
  });

  it("refuses an answer rendered for an older generation (the database changed while it was rendered)", () => {
    const cache = new ResponseCache({ maxBytes: 1000, maxAgeMs: 60_000 });
    cache.observe("v1");
    cache.observe("v2");
    cache.set("a", template(10), "v1");
    expect(cache.get("a")).toBeNull();
  });

  it("lets the least recently used answers go first once full, and never keeps one bigger than the whole cache", () => {
    const cache = new ResponseCache({ maxBytes: 100, maxAgeMs: 60_000 });
    cache.observe("v1");
    cache.set("a", template(40), "v1");
    cache.set("b", template(40), "v1");
    cache.get("a");
    cache.set("c", template(40), "v1");
    expect(cache.get("b")).toBeNull();
    expect(cache.get("a")).not.toBeNull();
    expect(cache.get("c")).not.toBeNull();
    expect(cache.bytes).toBe(80);
    cache.set("huge", template(101), "v1");
    expect(cache.get("huge")).toBeNull();
    expect(cache.size).toBe(2);
  });

  it("counts a replaced answer once", () => {
    const cache = new ResponseCache({ maxBytes: 100, maxAgeMs: 60_000 });
    cache.observe("v1");
    cache.set("a", template(30), "v1");
    cache.set("a", template(50), "v1");
    expect(cache.bytes).toBe(50);
    expect(cache.size).toBe(1);
  });

  it("forgets an answer older than the maximum age", () => {
    let now = 0;
    const cache = new ResponseCache({ maxBytes: 100, maxAgeMs: 1000, now: () => now });
    cache.observe("v1");
    cache.set("a", template(10), "v1");
    now = 1000;
    expect(cache.get("a")).not.toBeNull();
    now = 2001;
    expect(cache.get("a")).toBeNull();
    expect(cache.bytes).toBe(0);
  });
});
