// `npm run bench:import [--count N] [--keep]`: scripts/bench-import.ts (an archive of N files imported as `hindsight import` does).
import { runTsScript } from "./lib/run-ts-script.mjs";

runTsScript("bench-import.ts");
