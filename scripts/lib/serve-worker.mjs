// One server worker of `npm start` (serve-cluster.mjs forks it): Next.js,
// with the answer cache in front (decision 020). A GET of a page or of
// /api/search is answered from the cache when the database has not changed
// since it was rendered; otherwise Next renders it once, however many
// requests ask at the same moment, on a private loopback port of this
// worker, and the answer is kept. Everything else goes to Next untouched.
// PORT, HOST, DATABASE_URL, HINDSIGHT_CACHE_MB (0: no cache), and
// HINDSIGHT_TRUST_PROXY / HINDSIGHT_PUBLIC_URL for the cache key.
import { databaseUrlFrom } from "../../lib/database-url.mjs";
import { randomBytes } from "node:crypto";
import http from "node:http";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import next from "next";
// Next's own rule for the crawlers it serves other HTML, on purpose (issue 15 weighed isbot): isbot also
// calls curl, Node's fetch and headless browsers bots, which would leave every API client and script
// uncached; next/server's userAgent() cannot load before Next has set up its request storage.
import { isBot } from "next/dist/shared/lib/router/utils/is-bot.js";
import { databaseGeneration } from "./database-generation.mjs";
import { credentialChecker } from "./credential-check.mjs";
import { ResponseCache, cacheKeyOf, credentialsOf, fromTemplate, isStorable, isText, renderHeadersOf, toTemplate } from "./response-cache.mjs";
import { root } from "./steps.mjs";

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || undefined;
/** A safety net only: answers depend on nothing else that changes while the server runs (the generation covers the day). */
const MAX_AGE_MS = 10 * 60_000;
/** A render that takes longer is given up on: the request goes to Next directly, and the next one renders again. */
const RENDER_TIMEOUT_MS = 60_000;
/** Beside the memory bound: a flood of small answers (searches for made-up words) cannot grow the cache's bookkeeping past this many entries. */
const MAX_ENTRIES = 10_000;
const gzip = promisify(zlib.gzip);

const app = next({ dev: false, dir: root, hostname: host ?? "localhost", port });
const handle = app.getRequestHandler();
// Loads .env files too: settings are read after it.
await app.prepare();

// Checked with the other settings at start (lib/server/config.ts); blank counts as unset there too.
const cacheMegabytes = process.env.HINDSIGHT_CACHE_MB?.trim() ? Number(process.env.HINDSIGHT_CACHE_MB) : 256;
// Decision 013: X-Forwarded-Host/-Proto name the public origin only when a proxy is trusted and no public URL is set;
// otherwise they change nothing in an answer, and a client must not be able to make new cache entries with them.
const trustProxy = ["1", "true"].includes(process.env.HINDSIGHT_TRUST_PROXY ?? "") && !process.env.HINDSIGHT_PUBLIC_URL?.trim();
const front = cacheMegabytes > 0 ? await cachingFront() : handle;
const server = http.createServer((request, response) => {
  // Who is on the other end of the connection, for proxy.ts to work out the client's address
  // (lib/domain/access/client-address.ts); whatever a client sent under this name is replaced.
  request.headers["x-hindsight-peer"] = request.socket.remoteAddress ?? "";
  Promise.resolve(front(request, response)).catch((error) => {
    process.stderr.write(`Answering ${request.method} ${request.url} failed: ${error?.stack ?? error}\n`);
    if (response.headersSent) return response.destroy();
    response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    response.end("Internal Server Error");
  });
});
server.on("error", (error) => {
  process.stderr.write(`Could not serve on port ${port}: ${error.message}\n`);
  process.exit(1);
});
server.listen(port, host);

// Stop taking connections, let answers in progress finish (a few seconds at most), then exit.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}

/** The SQLite file the app opens: DATABASE_URL resolved as lib/server/db.ts resolves it. */
function databaseFile() {
  const url = databaseUrlFrom(process.env);
  return path.resolve(url.replace(/^file:/, "").replace(/\?.*$/, ""));
}

async function cachingFront() {
  // Next renders cache misses here: a real HTTP exchange, so that the answer
  // is exactly what Next sends, headers and all, without touching Next's internals.
  const renderer = http.createServer((request, response) => handle(request, response));
  await new Promise((resolve) => renderer.listen({ host: "127.0.0.1", port: 0, exclusive: true }, resolve));
  const rendererPort = renderer.address().port;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  const cache = new ResponseCache({ maxBytes: cacheMegabytes * 1024 * 1024, maxEntries: MAX_ENTRIES, maxAgeMs: MAX_AGE_MS });
  const generationNow = databaseGeneration(databaseFile());
  const maxSessionDays = Number(process.env.HINDSIGHT_SESSION_MAX_DAYS?.trim() || 30);
  const stillValid = credentialChecker(databaseFile(), { maxSessionAgeMs: maxSessionDays * 86_400_000 });
  const inFlight = new Map();

  const render = (request, key, generation) => {
    const flightKey = `${generation}\n${key}`;
    let flight = inFlight.get(flightKey);
    if (!flight) {
      flight = fetchAnswer(request, { port: rendererPort, agent })
        .then((answer) => {
          if (!isText(answer.headers)) return { raw: answer };
          const template = toTemplate(answer);
          if (isStorable(answer)) cache.set(key, template, generation);
          return { template };
        })
        .finally(() => inFlight.delete(flightKey));
      inFlight.set(flightKey, flight);
    }
    return flight;
  };

  return async (request, response) => {
    const key = cacheKeyOf(request, { isBot, trustProxy });
    const generation = key === null ? null : generationNow();
    if (generation === null) return handle(request, response);
    cache.observe(generation);
    const stored = cache.get(key);
    // A stored answer was rendered for these very credentials; they must still hold (expiry is not a commit).
    if (stored && stillValid(credentialsOf(request.headers))) return send(request, response, stored, "hit");
    let rendered;
    try {
      rendered = await render(request, key, generation);
    } catch (error) {
      process.stderr.write(`Rendering ${request.url} for the answer cache failed (${error?.message ?? error}); answering without it.\n`);
      return handle(request, response);
    }
    if (rendered.raw) return sendRaw(response, rendered.raw);
    return send(request, response, rendered.template, "miss");
  };
}

/** GETs `request`'s address from Next on the loopback port, uncompressed (the nonce must be found in the text), as bytes. */
function fetchAnswer(request, { port, agent }) {
  return new Promise((resolve, reject) => {
    const inner = http.request({ host: "127.0.0.1", port, method: "GET", path: request.url, headers: renderHeadersOf(request.headers), agent }, (answer) => {
      const chunks = [];
      answer.on("data", (chunk) => chunks.push(chunk));
      answer.on("end", () => resolve({ status: answer.statusCode ?? 500, headers: answer.headers, body: Buffer.concat(chunks) }));
      answer.on("error", reject);
    });
    inner.setTimeout(RENDER_TIMEOUT_MS, () => inner.destroy(new Error(`no answer within ${RENDER_TIMEOUT_MS / 1000} s`)));
    inner.on("error", reject);
    inner.end();
  });
}

/** Whether the client takes gzip ("gzip;q=0" says it does not). */
function takesGzip(request) {
  const accepted = String(request.headers["accept-encoding"] ?? "");
  return accepted.split(",").some((part) => {
    const [coding, ...params] = part.trim().split(";");
    const quality = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);
    return coding.trim().toLowerCase() === "gzip" && (quality === undefined || Number(quality) > 0);
  });
}

/** Sends a stored answer with a fresh nonce, gzipped when the client takes it (as Next would); X-Hindsight-Cache says whether it was rendered for this request. */
async function send(request, response, template, cacheStatus) {
  const { status, headers, body } = fromTemplate(template, randomBytes(16).toString("base64"));
  let payload = body;
  const vary = String(headers.vary ?? "");
  if (!/accept-encoding/i.test(vary)) headers.vary = vary ? `${vary}, Accept-Encoding` : "Accept-Encoding";
  if (payload.length > 1024 && takesGzip(request)) {
    payload = await gzip(payload);
    headers["content-encoding"] = "gzip";
  }
  headers["content-length"] = String(payload.length);
  headers["x-hindsight-cache"] = cacheStatus;
  response.writeHead(status, headers);
  response.end(payload);
}

/** Sends an answer that is not a page or JSON (an image at a page's address, say) exactly as Next gave it. */
function sendRaw(response, { status, headers, body }) {
  const kept = { ...headers };
  for (const name of ["connection", "keep-alive", "transfer-encoding", "date"]) delete kept[name];
  kept["content-length"] = String(body.length);
  response.writeHead(status, kept);
  response.end(body);
}
