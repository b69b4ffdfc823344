// `npm run bench:search [-- --reuse] [--count N] [--skip-http]`: scripts/bench-search.ts. See docs/search.md.
import { runTsScript } from "./lib/run-ts-script.mjs";

runTsScript("bench-search.ts");
