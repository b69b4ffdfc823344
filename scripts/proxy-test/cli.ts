// By hand: npx tsx scripts/proxy-test/cli.ts --target http://127.0.0.1:3000 [--port 8080] [--proto https|http]
// then e.g. curl -H 'Host: hindsight.example.test' http://127.0.0.1:8080/api/health
import { parseArgs } from "node:util";
import { startReverseProxy } from "./reverse-proxy";

const { values } = parseArgs({ options: { target: { type: "string" }, port: { type: "string", default: "8080" }, proto: { type: "string", default: "https" } } });
if (!values.target || !URL.canParse(values.target) || !["http", "https"].includes(values.proto)) {
  console.error("Usage: npx tsx scripts/proxy-test/cli.ts --target http://127.0.0.1:3000 [--port 8080] [--proto https|http]");
  process.exit(2);
}
startReverseProxy({ target: values.target, port: Number(values.port), proto: values.proto as "http" | "https" }).then(
  (proxy) => console.log(`Proxying ${proxy.url} → ${values.target} (X-Forwarded-Proto: ${values.proto})`),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
