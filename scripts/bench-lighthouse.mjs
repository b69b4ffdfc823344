// `npm run bench:lighthouse [-- --runs N]`: scripts/bench-lighthouse.ts. See docs/reliability.md.
import { runTsScript } from "./lib/run-ts-script.mjs";

runTsScript("bench-lighthouse.ts");
