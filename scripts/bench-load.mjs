// `npm run bench:load [-- --reuse] [--count N] [--duration S] [--connections N] [--workers N] [--only a,b]`: scripts/bench-load.ts. See docs/reliability.md.
import { runTsScript } from "./lib/run-ts-script.mjs";

runTsScript("bench-load.ts");
