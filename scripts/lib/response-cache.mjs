// The whole-answer cache in front of Next (decision 020). Pages and searches
// depend only on the address, the host names a request carries, the database
// and the day, so an answer rendered once can be served again until the
// database changes (SQLite's data_version, read by the caller) or the day
// does. The per-request CSP nonce stays: an answer is stored with its nonce
// cut out, and every answer gets a fresh one put back in, the one the
// Content-Security-Policy header names. No HTTP here: serve-worker.mjs uses it.

/** Headers Next's client router sends: its answers are RSC payloads, not pages; they go to Next untouched. */
const ROUTER_HEADER = /^(rsc|next-.*)$/;
/** Headers that make an answer differ (a 304, a part): such requests go to Next untouched. */
const CONDITIONAL_HEADERS = ["range", "if-none-match", "if-modified-since"];
/** Headers that decide which public address the app writes into an answer (lib/server/http/public-origin.ts). */
const ORIGIN_HEADERS = ["host", "x-forwarded-host", "x-forwarded-proto"];
/** Headers of a stored answer that belong to one exchange, not to the answer. */
const EXCHANGE_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"]);
/** Put in the error pages: an answer carrying it is never stored, whatever its status. */
export const NO_STORE_MARKER = "data-hindsight-no-store";

/**
 * The key of a request whose answer may be stored, or null: GET of a page or
 * of /api/search, not from the client router, not conditional. `headers`
 * are Node's (lower-case names).
 */
export function cacheKeyOf({ method, url, headers }) {
  if (method !== "GET" || !url) return null;
  const path = url.split("?", 1)[0];
  const isPage = !path.startsWith("/api/") && !path.startsWith("/_next/");
  if (!isPage && path !== "/api/search") return null;
  if (/[?&]_rsc=/.test(url)) return null;
  for (const name of Object.keys(headers)) if (ROUTER_HEADER.test(name)) return null;
  for (const name of CONDITIONAL_HEADERS) if (headers[name] !== undefined) return null;
  return [...ORIGIN_HEADERS.map((name) => String(headers[name] ?? "")), url].join("\n");
}

/** The nonce a Content-Security-Policy names, or null. */
export function nonceOf(policy) {
  const match = /'nonce-([A-Za-z0-9+/_=-]+)'/.exec(policy ?? "");
  return match ? match[1] : null;
}

/**
 * An answer as it is kept: status, headers and body with every occurrence of
 * its nonce cut out (a nonce is 128 random bits: it occurs nowhere by chance).
 */
export function toTemplate({ status, headers, body }) {
  const nonce = nonceOf(headers["content-security-policy"]);
  const kept = {};
  for (const [name, value] of Object.entries(headers)) if (!EXCHANGE_HEADERS.has(name)) kept[name] = value;
  const cut = (text) => (nonce ? text.split(nonce) : [text]);
  const policy = kept["content-security-policy"];
  return {
    status,
    headers: kept,
    policyParts: typeof policy === "string" ? cut(policy) : null,
    bodyParts: cut(body),
    bytes: Buffer.byteLength(body),
  };
}

/** The answer to send: the template with `nonce` put back wherever the original one was. */
export function fromTemplate(template, nonce) {
  const headers = { ...template.headers };
  if (template.policyParts) headers["content-security-policy"] = template.policyParts.join(nonce);
  return { status: template.status, headers, body: template.bodyParts.join(nonce) };
}

/** Whether an answer may be served again: a complete 200 page or JSON that is no error page and sets no cookie. */
export function isStorable({ status, headers, body }) {
  if (status !== 200 || headers["set-cookie"] !== undefined || headers["content-encoding"] !== undefined) return false;
  const type = String(headers["content-type"] ?? "");
  if (!type.startsWith("text/html") && !type.startsWith("application/json")) return false;
  return !body.includes(NO_STORE_MARKER);
}

/**
 * Stored templates for one state of the world (`generation`: the database
 * version and the day): a new generation empties it. Least recently used
 * templates go first once `maxBytes` is reached; none is older than `maxAgeMs`.
 */
export class ResponseCache {
  #entries = new Map();
  #generation = null;
  #bytes = 0;

  constructor({ maxBytes, maxAgeMs, now = () => Date.now() }) {
    this.maxBytes = maxBytes;
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
    this.#entries.delete(key);
    if (this.now() - entry.storedAt > this.maxAgeMs) {
      this.#bytes -= entry.template.bytes;
      return null;
    }
    this.#entries.set(key, entry);
    return entry.template;
  }

  /** Stores `template` if it was rendered for the current generation and fits. */
  set(key, template, generation) {
    if (generation !== this.#generation || template.bytes > this.maxBytes) return;
    const previous = this.#entries.get(key);
    if (previous) {
      this.#entries.delete(key);
      this.#bytes -= previous.template.bytes;
    }
    this.#entries.set(key, { template, storedAt: this.now() });
    this.#bytes += template.bytes;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.template.bytes;
    }
  }
}
