import { z } from "zod";

// Runs in the browser before the app hydrates. Zod compiles object schemas
// with `new Function` when eval is allowed, and probes for it first; under
// our CSP (no 'unsafe-eval', decision 014) the probe is refused and reported
// as a violation on every page that validates in the browser. Jitless mode
// skips the probe and parses the same way, just without the compiled fast path.
z.config({ jitless: true });
