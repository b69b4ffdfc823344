// A small reverse proxy on loopback, as nginx or a load balancer would sit in
// front of Hindsight: it connects to the app under the app's own address and
// tells it the name the visitor used in X-Forwarded-Host (and the scheme in
// X-Forwarded-Proto, "https" as if it terminated TLS). It also works as a
// browser's HTTP proxy (absolute-form request targets), so a test browser can
// visit made-up host names without DNS. Used by e2e/public-url.spec.ts;
// by hand: npx tsx scripts/proxy-test/cli.ts --target http://127.0.0.1:3000 [--port 8080] [--proto https]
import http from "node:http";
import type { AddressInfo } from "node:net";

// Hop-by-hop headers belong to one connection and are not passed on (RFC 9110 §7.6.1).
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade"]);

export type ReverseProxy = { url: string; port: number; close: () => Promise<void> };

/** Starts the proxy on loopback. `target` is the app's origin; `proto` is what X-Forwarded-Proto says. */
export function startReverseProxy({ target, port = 0, proto = "https" }: { target: string; port?: number; proto?: "http" | "https" }): Promise<ReverseProxy> {
  const upstream = new URL(target);
  const server = http.createServer((incoming, outgoing) => {
    // A browser using us as its proxy sends "GET http://name/path"; a plain client sends "GET /path".
    const asked = new URL(incoming.url ?? "/", `http://${incoming.headers.host ?? "unknown"}`);
    const headers = Object.fromEntries(Object.entries(incoming.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
    const forwardedFor = [incoming.headers["x-forwarded-for"], incoming.socket.remoteAddress].filter(Boolean).join(", ");
    const request = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: `${asked.pathname}${asked.search}`,
        headers: { ...headers, host: upstream.host, "x-forwarded-host": asked.host, "x-forwarded-proto": proto, "x-forwarded-for": forwardedFor },
      },
      (response) => {
        const answer = Object.fromEntries(Object.entries(response.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
        outgoing.writeHead(response.statusCode ?? 502, answer);
        response.pipe(outgoing);
      },
    );
    request.on("error", (error: Error) => {
      if (!outgoing.headersSent) outgoing.writeHead(502, { "content-type": "text/plain" });
      outgoing.end(`Bad gateway: ${error.message}\n`);
    });
    incoming.pipe(request);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({
        port: bound,
        url: `http://127.0.0.1:${bound}`,
        close: () => new Promise<void>((done) => server.close(() => done()).closeAllConnections()),
      });
    });
  });
}
