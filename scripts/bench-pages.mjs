// `npm run bench:pages [-- --files]`: scripts/bench-pages.ts. See docs/reliability.md.
import { runTsScript } from "./lib/run-ts-script.mjs";

runTsScript("bench-pages.ts");
