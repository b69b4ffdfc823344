// `node scripts/bench-export.mjs [--reuse] [--count N] [--workers N] [--runs N] [--dist DIR]`: scripts/bench-export.ts. See docs/reliability.md.
import { runTsScript } from "./lib/run-ts-script.mjs";

runTsScript("bench-export.ts");
