// The whole-answer cache in front of Next (decision 020). Pages and searches
// depend only on the address, the host names a request carries, the database
// and the day, so an answer rendered once can be served again until the
// database changes (SQLite's data_version, read by the caller) or the day
// does. The per-request CSP nonce stays: an answer is stored with its nonce
// cut out, and every answer gets a fresh one put back in, the one the
// Content-Security-Policy header names. No HTTP here: serve-worker.mjs uses it.
import { createHash } from "node:crypto";

/** Headers Next's client router sends: its answers are RSC payloads, not pages; they go to Next untouched. */
const ROUTER_HEADER = /^(rsc|next-.*)$/;
/** Headers that make an answer differ (a 304, a part): such requests go to Next untouched. */
const CONDITIONAL_HEADERS = ["range", "if-none-match", "if-modified-since"];
/**
 * Headers that decide which public address the app writes into an answer
 * (lib/server/http/public-origin.ts, decision 013). The forwarded pair counts
 * only when a proxy is trusted: otherwise the app ignores it, and so does the key.
 */
const HOST_HEADERS = ["host"];
const PROXIED_HOST_HEADERS = ["host", "x-forwarded-host", "x-forwarded-proto"];
/** The library's search and filters (lib/schemas/search.ts), on `/` and `/api/search`. */
const SEARCH_PARAMETERS = ["q", "severity", "status", "service", "tag", "factor", "action", "from", "to", "sort", "page", "perPage"];
/**
 * The query parameters each cached route reads, as lib/server/security/request-inputs.ts
 * lists them (a test holds the two together). A request with any other parameter
 * is not cached, so that made-up parameters cannot fill the cache with copies of
 * one page; it is answered by Next as usual. (Dropping such parameters from the
 * key instead would not be sound: Next writes the whole address, query included,
 * into every page's router state.) Routes not listed are cached without parameters only.
 */
export const CACHED_QUERY_PARAMETERS = [
  [/^\/$/, SEARCH_PARAMETERS],
  [/^\/api\/search$/, SEARCH_PARAMETERS],
  [/^\/insights$/, ["from", "to", "service", "severity"]],
  [/^\/actions$/, ["owner", "status", "due", "dueFrom", "dueTo", "type", "severity", "page", "perPage"]],
  [/^\/postmortems\/(?!new$)[^/]+$/, ["events"]],
  [/^\/postmortems\/[^/]+\/history$/, ["from", "to"]],
  [/^\/postmortems\/[^/]+\/edit$/, ["step"]],
];
/** Session cookies (lib/server/auth/authenticate.ts): a page is rendered for whoever holds one (decision 021). */
const SESSION_COOKIES = ["hindsight.session_token", "__Secure-hindsight.session_token"];

/**
 * The credentials a request carries, as the cache sees them: the Bearer
 * token, or the session cookie's value ("" for anonymous). An answer is
 * served again only for the very same credentials, so nobody is ever sent a
 * page rendered for someone else; a page shows its reader's name, so keying
 * by role alone would not do either.
 */
export function credentialsOf(headers) {
  const authorization = String(headers.authorization ?? "").trim();
  if (authorization) return { kind: "bearer", value: authorization.replace(/^bearer\s+/i, "") };
  const cookies = String(headers.cookie ?? "").split(";");
  for (const cookie of cookies) {
    const at = cookie.indexOf("=");
    if (at > 0 && SESSION_COOKIES.includes(cookie.slice(0, at).trim())) return { kind: "session", value: cookie.slice(at + 1).trim() };
  }
  return { kind: "anonymous", value: "" };
}
/** Headers of a stored answer that belong to one exchange, not to the answer. */
const EXCHANGE_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "x-hindsight-cache"]);
/** Headers of a request that belong to its exchange: never passed on to the render of a cached answer. */
const REQUEST_EXCHANGE_HEADERS = new Set(["connection", "keep-alive", "content-length", "transfer-encoding", "expect", "te", "trailer", "upgrade", "accept-encoding"]);
/**
 * Put (as this exact attribute) in the error pages and in parts left out
 * after a failure: an answer carrying it is never stored, whatever its
 * status. Text a user wrote cannot produce it: React escapes its quotes.
 */
export const NO_STORE_MARKER = 'data-hindsight-no-store=""';
/**
 * What React writes when a part of a streamed page failed on the server (an
 * error digest on a boundary, or the script that renders the boundary again
 * in the browser): such a page is sent as 200, and must not be kept. Both
 * hold a quote, which escaped user text cannot.
 */
const FAILED_BOUNDARY_MARKERS = ['data-dgst="', '$RX("'];

/**
 * The key of a request whose answer may be stored, or null: GET of a page or
 * of /api/search without a body, not from the client router, not
 * conditional, not from a bot (Next writes other HTML for bots that only
 * read HTML: `isBot`), with no query parameter its route does not read.
 * `headers` are Node's (lower-case names). `trustProxy`: whether
 * X-Forwarded-Host/-Proto name the public origin (HINDSIGHT_TRUST_PROXY on and
 * no HINDSIGHT_PUBLIC_URL). The key is a SHA-256 digest of the address, host
 * names and credentials, so it is small whatever a client sends, and holds
 * no credentials.
 */
export function cacheKeyOf({ method, url, headers }, { isBot = () => false, trustProxy = false } = {}) {
  if (method !== "GET" || !url) return null;
  if (headers["transfer-encoding"] !== undefined || (headers["content-length"] !== undefined && headers["content-length"] !== "0")) return null;
  let address;
  try {
    address = new URL(url, "http://hindsight.invalid");
  } catch {
    return null;
  }
  const path = address.pathname;
  const isPage = !path.startsWith("/api/") && !path.startsWith("/_next/");
  if (!isPage && path !== "/api/search") return null;
  // The client router's `_rsc` is one of the parameters no route reads.
  if (!readsOnlyKnownParameters(path, address.searchParams)) return null;
  for (const name of Object.keys(headers)) if (ROUTER_HEADER.test(name)) return null;
  for (const name of CONDITIONAL_HEADERS) if (headers[name] !== undefined) return null;
  if (isBot(String(headers["user-agent"] ?? ""))) return null;
  const credentials = credentialsOf(headers);
  const hostNames = (trustProxy ? PROXIED_HOST_HEADERS : HOST_HEADERS).map((name) => String(headers[name] ?? ""));
  return createHash("sha256").update(JSON.stringify([url, ...hostNames, credentials.kind, credentials.value])).digest("base64url");
}

/** Whether every query parameter of a request to `path` is one its route reads. */
function readsOnlyKnownParameters(path, parameters) {
  const known = CACHED_QUERY_PARAMETERS.find(([route]) => route.test(path))?.[1] ?? [];
  for (const name of parameters.keys()) if (!known.includes(name)) return false;
  return true;
}

/** The headers to render a cached request with: the client's, without those of its own exchange (and uncompressed, so the nonce can be found). */
export function renderHeadersOf(headers) {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !REQUEST_EXCHANGE_HEADERS.has(name)));
}

/** Whether an answer is a page or JSON, the only kinds stored (anything else passes through as bytes). */
export function isText(headers) {
  const type = String(headers["content-type"] ?? "");
  return type.startsWith("text/html") || type.startsWith("application/json");
}

/** The nonce a Content-Security-Policy names, or null. */
export function nonceOf(policy) {
  const match = /'nonce-([A-Za-z0-9+/_=-]+)'/.exec(policy ?? "");
  return match ? match[1] : null;
}

/** `body` cut at every occurrence of `separator`. */
function splitBuffer(body, separator) {
  const parts = [];
  let from = 0;
  for (let at = body.indexOf(separator, from); at !== -1; at = body.indexOf(separator, from)) {
    parts.push(body.subarray(from, at));
    from = at + separator.length;
  }
  parts.push(body.subarray(from));
  return parts;
}

/**
 * An answer as it is kept: status, headers and body (bytes: they cost no
 * JavaScript heap and need no encoding per answer) with every occurrence of
 * its nonce cut out (a nonce is 128 random bits: it occurs nowhere by chance).
 */
export function toTemplate({ status, headers, body }) {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
  const nonce = nonceOf(headers["content-security-policy"]);
  const kept = {};
  for (const [name, value] of Object.entries(headers)) if (!EXCHANGE_HEADERS.has(name)) kept[name] = value;
  const policy = kept["content-security-policy"];
  return {
    status,
    headers: kept,
    policyParts: typeof policy === "string" ? (nonce ? policy.split(nonce) : [policy]) : null,
    bodyParts: nonce ? splitBuffer(bytes, Buffer.from(nonce)) : [bytes],
    bytes: bytes.length,
  };
}

/** The answer to send: the template with `nonce` put back wherever the original one was; the body as bytes. */
export function fromTemplate(template, nonce) {
  const headers = { ...template.headers };
  if (template.policyParts) headers["content-security-policy"] = template.policyParts.join(nonce);
  const separator = Buffer.from(nonce);
  const pieces = template.bodyParts.flatMap((part, i) => (i === 0 ? [part] : [separator, part]));
  return { status: template.status, headers, body: Buffer.concat(pieces) };
}

/** Whether an answer may be served again: a complete 200 page or JSON that is no error page, has no failed part and sets no cookie. */
export function isStorable({ status, headers, body }) {
  if (status !== 200 || headers["set-cookie"] !== undefined || headers["content-encoding"] !== undefined) return false;
  if (!isText(headers)) return false;
  const text = Buffer.isBuffer(body) ? body : Buffer.from(body);
  return !text.includes(NO_STORE_MARKER) && !FAILED_BOUNDARY_MARKERS.some((marker) => text.includes(marker));
}

/**
 * What an entry holds besides its key, header and body text: the Map's slot,
 * the entry, template and header objects, the arrays and Buffer views. Measured
 * on search answers (response-cache.test.ts); without it, a flood of small
 * answers would take far more memory than the cache counts.
 */
export const ENTRY_OVERHEAD_BYTES = 1024;

/** The memory `template` stored under `key` takes, as the cache counts it: key, headers, body and the overhead. */
export function storedBytesOf(key, template) {
  let bytes = ENTRY_OVERHEAD_BYTES + key.length + template.bytes;
  for (const [name, value] of Object.entries(template.headers)) {
    bytes += name.length;
    for (const item of Array.isArray(value) ? value : [value]) bytes += String(item ?? "").length;
  }
  for (const part of template.policyParts ?? []) bytes += part.length;
  return bytes;
}

/**
 * Stored templates for one state of the world (`generation`: the database
 * version and the day): a new generation empties it. Least recently used
 * templates go first once `maxBytes` (storedBytesOf each) or `maxEntries` is
 * reached; none is older than `maxAgeMs`.
 */
export class ResponseCache {
  #entries = new Map();
  #generation = null;
  #bytes = 0;

  constructor({ maxBytes, maxEntries, maxAgeMs, now = () => Date.now() }) {
    this.maxBytes = maxBytes;
    this.maxEntries = maxEntries;
    this.maxAgeMs = maxAgeMs;
    this.now = now;
  }

  get size() {
    return this.#entries.size;
  }

  get bytes() {
    return this.#bytes;
  }

  /** Moves to `generation`, dropping everything stored for another. */
  observe(generation) {
    if (generation === this.#generation) return;
    this.#generation = generation;
    this.#entries.clear();
    this.#bytes = 0;
  }

  get(key) {
    const entry = this.#entries.get(key);
    if (!entry) return null;
    this.#remove(key);
    if (this.now() - entry.storedAt > this.maxAgeMs) return null;
    this.#add(key, entry);
    return entry.template;
  }

  /** Stores `template` if it was rendered for the current generation and fits. */
  set(key, template, generation) {
    const bytes = storedBytesOf(key, template);
    if (generation !== this.#generation || bytes > this.maxBytes || this.maxEntries < 1) return;
    this.#remove(key);
    this.#add(key, { template, bytes, storedAt: this.now() });
    for (const oldest of this.#entries.keys()) {
      if (this.#bytes <= this.maxBytes && this.#entries.size <= this.maxEntries) break;
      this.#remove(oldest);
    }
  }

  #add(key, entry) {
    this.#entries.set(key, entry);
    this.#bytes += entry.bytes;
  }

  #remove(key) {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }
}
