// `npm run bench:actions`: scripts/bench-actions.ts. See docs/actions.md.
import { runTsScript } from "./lib/run-ts-script.mjs";

runTsScript("bench-actions.ts");
