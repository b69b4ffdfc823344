import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { inspectRequestInputs } from "@/lib/server/security/request-inputs";
import {
  CACHED_QUERY_PARAMETERS,
  ENTRY_OVERHEAD_BYTES,
  NO_STORE_MARKER,
  ResponseCache,
  cacheKeyOf,
  credentialsOf,
  fromTemplate,
  isStorable,
  nonceOf,
  renderHeadersOf,
  storedBytesOf,
  toTemplate,
  type Answer,
} from "./response-cache.mjs";

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
    expect(cacheKeyOf(get("/"))).toMatch(/^[\w-]{43}$/);
    expect(cacheKeyOf(get("/api/search?q=cache"))).not.toBeNull();
    expect(cacheKeyOf(get("/api/search?q=a"))).not.toBe(cacheKeyOf(get("/api/search?q=b")));
    expect(cacheKeyOf(get("/postmortems/a?events=1"))).not.toBe(cacheKeyOf(get("/postmortems/a?events=2")));
    expect(cacheKeyOf(get("/", { host: "a.test" }))).not.toBe(cacheKeyOf(get("/", { host: "b.test" })));
    // Nothing the app does not read changes the key (other cookies included).
    expect(cacheKeyOf(get("/", { cookie: "a=b", "user-agent": "x", "accept-encoding": "gzip" }))).toBe(cacheKeyOf(get("/")));
  });

  it("keys by X-Forwarded-Host/-Proto only when a proxy is trusted: otherwise they change nothing in an answer", () => {
    const trusted = { trustProxy: true };
    expect(cacheKeyOf(get("/", { "x-forwarded-host": "public.test" }), trusted)).not.toBe(cacheKeyOf(get("/"), trusted));
    expect(cacheKeyOf(get("/", { "x-forwarded-proto": "https" }), trusted)).not.toBe(cacheKeyOf(get("/"), trusted));
    expect(cacheKeyOf(get("/", { "x-forwarded-host": "public.test" }))).toBe(cacheKeyOf(get("/")));
    expect(cacheKeyOf(get("/", { "x-forwarded-proto": "https" }))).toBe(cacheKeyOf(get("/")));
  });

  it("keeps the key small whatever a client sends: huge header values and addresses make a 43-character key", () => {
    const huge = "h".repeat(15_000);
    for (const request of [get("/", { host: huge }), get("/", { "x-forwarded-host": huge }), get(`/api/search?q=${huge}`), get("/", { authorization: `Bearer ${huge}` })]) {
      expect(cacheKeyOf(request, { trustProxy: true })).toMatch(/^[\w-]{43}$/);
    }
  });

  it("does not cache a request with a query parameter its route does not read (Next answers it as usual)", () => {
    for (const url of ["/?utm_source=x", "/?q=a&unknown=1", "/api/search?q=a&x=1", "/postmortems/a?tab=1", "/postmortems/new?events=1", "/settings?q=a", "/?=x", "/?Q=a"]) {
      expect(cacheKeyOf(get(url)), url).toBeNull();
    }
    const allowed = ["/?q=a&severity=SEV1&severity=SEV2&status=draft&service=api&tag=db&factor=process&action=open&from=2026-01-01&to=2026-02-01&sort=relevance&page=2&perPage=50",
      "/api/search?q=a&page=2", "/insights?from=2026-01-01&service=api", "/actions?owner=ann&due=overdue&page=2", "/postmortems/a?events=400", "/postmortems/a/history?from=1&to=3", "/postmortems/a/edit?step=timeline", "/settings", "/postmortems/new"];
    for (const url of allowed) expect(cacheKeyOf(get(url)), url).not.toBeNull();
  });

  it("lists for each cached route only parameters the route reads (as the edge's table of inputs has them)", () => {
    const samples = ["/", "/api/search", "/insights", "/actions", "/postmortems/a", "/postmortems/a/history", "/postmortems/a/edit"];
    for (const [route, names] of CACHED_QUERY_PARAMETERS) {
      const pathname = samples.find((sample) => route.test(sample));
      expect(pathname, `a sample path for ${route}`).toBeDefined();
      for (const name of names) {
        // A control character is a bad value for every parameter: the edge names the parameter only if the route reads it.
        const { findings } = inspectRequestInputs({ pathname: pathname!, search: `?${name}=%01`, headers: new Headers() });
        expect(findings.map((finding) => finding.name), `${pathname} reads ${name}`).toEqual([name]);
      }
    }
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
  /** What an entry of `bytes` body bytes under a one-letter key counts. */
  const cost = (bytes: number) => storedBytesOf("a", template(bytes));

  it("serves what was stored for the current generation and empties itself when the generation changes", () => {
    const cache = new ResponseCache({ maxBytes: 10_000, maxEntries: 10, maxAgeMs: 60_000 });
    cache.observe("v1");
    cache.set("a", template(10), "v1");
    expect(cache.get("a")?.bytes).toBe(10);
    cache.observe("v2");
    expect(cache.get("a")).toBeNull();
    expect(cache.bytes).toBe(0);
  });

  it("refuses an answer rendered for an older generation (the database changed while it was rendered)", () => {
    const cache = new ResponseCache({ maxBytes: 10_000, maxEntries: 10, maxAgeMs: 60_000 });
    cache.observe("v1");
    cache.observe("v2");
    cache.set("a", template(10), "v1");
    expect(cache.get("a")).toBeNull();
  });

  it("lets the least recently used answers go first once full, and never keeps one bigger than the whole cache", () => {
    const cache = new ResponseCache({ maxBytes: 2 * cost(400) + 100, maxEntries: 10, maxAgeMs: 60_000 });
    cache.observe("v1");
    cache.set("a", template(400), "v1");
    cache.set("b", template(400), "v1");
    cache.get("a");
    cache.set("c", template(400), "v1");
    expect(cache.get("b")).toBeNull();
    expect(cache.get("a")).not.toBeNull();
    expect(cache.get("c")).not.toBeNull();
    expect(cache.bytes).toBe(2 * cost(400));
    cache.set("huge", template(2 * cost(400)), "v1");
    expect(cache.get("huge")).toBeNull();
    expect(cache.size).toBe(2);
  });

  it("counts the key, the headers and a fixed overhead with the body", () => {
    const headers = { "content-type": "application/json", "content-security-policy": "default-src 'none'", vary: "rsc, next-router-state-tree" };
    const stored = toTemplate({ status: 200, headers, body: "{}" });
    const key = "k".repeat(500);
    const headerText = Object.entries(headers).reduce((sum, [name, value]) => sum + name.length + value.length, 0);
    expect(storedBytesOf(key, stored)).toBe(ENTRY_OVERHEAD_BYTES + 500 + headerText + "default-src 'none'".length + 2);
    const cache = new ResponseCache({ maxBytes: 1_000_000, maxEntries: 10, maxAgeMs: 60_000 });
    cache.observe("v1");
    cache.set(key, stored, "v1");
    expect(cache.bytes).toBe(storedBytesOf(key, stored));
    // An answer whose body alone fits, but not with its key and headers, is not kept.
    const tight = new ResponseCache({ maxBytes: storedBytesOf(key, stored) - 1, maxEntries: 10, maxAgeMs: 60_000 });
    tight.observe("v1");
    tight.set(key, stored, "v1");
    expect(tight.size).toBe(0);
  });

  it("keeps at most maxEntries answers however small, dropping the least recently used", () => {
    const cache = new ResponseCache({ maxBytes: 1_000_000_000, maxEntries: 3, maxAgeMs: 60_000 });
    cache.observe("v1");
    for (const key of ["a", "b", "c"]) cache.set(key, template(1), "v1");
    cache.get("a");
    cache.set("d", template(1), "v1");
    expect(cache.size).toBe(3);
    expect(cache.get("b")).toBeNull();
    for (const key of ["a", "c", "d"]) expect(cache.get(key), key).not.toBeNull();
    expect(cache.bytes).toBe(3 * cost(1));
    expect(new ResponseCache({ maxBytes: 1000, maxEntries: 0, maxAgeMs: 1 }).size).toBe(0);
  });

  it("counts a replaced answer once", () => {
    const cache = new ResponseCache({ maxBytes: 10_000, maxEntries: 10, maxAgeMs: 60_000 });
    cache.observe("v1");
    cache.set("a", template(30), "v1");
    cache.set("a", template(50), "v1");
    expect(cache.bytes).toBe(cost(50));
    expect(cache.size).toBe(1);
  });

  it("forgets an answer older than the maximum age", () => {
    let now = 0;
    const cache = new ResponseCache({ maxBytes: 10_000, maxEntries: 10, maxAgeMs: 1000, now: () => now });
    cache.observe("v1");
    cache.set("a", template(10), "v1");
    now = 1000;
    expect(cache.get("a")).not.toBeNull();
    now = 2001;
    expect(cache.get("a")).toBeNull();
    expect(cache.bytes).toBe(0);
    expect(cache.size).toBe(0);
  });
});

describe("the answer cache under a flood of made-up requests (issue 15)", () => {
  const NEXT_HEADERS = {
    "content-type": "application/json",
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    vary: "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch",
    "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  };
  /** A search answer as serve-worker.mjs receives it: headers parsed apart, the body one Buffer. */
  const searchAnswer = (i: number): Answer => ({
    status: 200,
    headers: JSON.parse(JSON.stringify({ ...NEXT_HEADERS, date: new Date(i).toUTCString() })),
    body: Buffer.concat([Buffer.from(JSON.stringify({ q: `word${i % 10}`, total: 0, results: [], facets: {} }))]),
  });
  const search = (i: number, headers: Record<string, string> = {}) => get(`/api/search?q=word${i % 10}`, headers);

  /** Stores the answers to `requests` as serve-worker.mjs does: a key, a template, a set. */
  function serve(cache: ResponseCache, requests: ReturnType<typeof get>[], options: { trustProxy?: boolean } = {}) {
    requests.forEach((request, i) => {
      const key = cacheKeyOf(request, options);
      if (key !== null) cache.set(key, toTemplate(searchAnswer(i)), "v1");
    });
  }
  const newCache = (maxEntries = 100_000) => {
    const cache = new ResponseCache({ maxBytes: 256 * 1024 * 1024, maxEntries, maxAgeMs: 60_000 });
    cache.observe("v1");
    return cache;
  };
  const uniqueHost = (i: number) => `${i}.`.padEnd(15_000, "x");

  it("4,000 searches with unique 15 KB X-Forwarded-Host values make no new entries when no proxy is trusted", () => {
    const cache = newCache();
    serve(cache, Array.from({ length: 4000 }, (_, i) => search(i, { "x-forwarded-host": uniqueHost(i), "x-forwarded-proto": `p${i}` })));
    expect(cache.size).toBe(10);
  });

  it("made-up query parameters make no new entries", () => {
    const cache = newCache();
    serve(cache, Array.from({ length: 4000 }, (_, i) => get(`/api/search?q=word${i % 10}&nonce${i}=1`)));
    serve(cache, Array.from({ length: 4000 }, (_, i) => get(`/?q=word${i % 10}&utm_source=${i}`)));
    expect(cache.size).toBe(0);
  });

  it("counts memory linearly in the entries, keys and headers included: twice the entries, twice the bytes, whatever the header sizes", () => {
    const measure = (count: number, hostLength: number) => {
      const cache = newCache();
      const requests = Array.from({ length: count }, (_, i) => get("/api/search?q=word", { "x-forwarded-host": `${i}.`.padEnd(hostLength, "x") }));
      serve(cache, requests, { trustProxy: true });
      expect(cache.size).toBe(count);
      return cache.bytes;
    };
    const thousand = measure(1000, 20);
    expect(measure(2000, 20)).toBe(2 * thousand);
    expect(measure(4000, 20)).toBe(4 * thousand);
    // The key is a digest: 15 KB host names cost what 20-byte ones do.
    expect(measure(1000, 15_000)).toBe(thousand);
    expect(thousand / 1000).toBeGreaterThan(ENTRY_OVERHEAD_BYTES);
  });

  it("stops at maxEntries under a flood of trusted but unique host names", () => {
    const cache = newCache(500);
    serve(cache, Array.from({ length: 4000 }, (_, i) => search(i, { "x-forwarded-host": uniqueHost(i) })), { trustProxy: true });
    expect(cache.size).toBe(500);
  });

  it("counts at least the memory its entries really take (heap and Buffers, after a garbage collection)", () => {
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    const used = () => {
      gc();
      gc();
      const { heapUsed, arrayBuffers } = process.memoryUsage();
      return heapUsed + arrayBuffers;
    };
    const cache = newCache();
    const requests = Array.from({ length: 5000 }, (_, i) => get(`/api/search?q=word${i}`));
    const before = used();
    serve(cache, requests);
    const grown = used() - before;
    expect(cache.size).toBe(5000);
    // About 0.7× on Node 20: the overhead is counted with some room to spare.
    expect(grown, `counted ${cache.bytes} bytes, heap and Buffers grew by ${grown}`).toBeLessThan(cache.bytes);
  });
});
