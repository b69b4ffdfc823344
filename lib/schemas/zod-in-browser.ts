/**
 * zod's settings for the browser, imported (for its effect) by every schema
 * module before it uses zod. zod 4 probes for `new Function` to compile
 * object schemas, which our CSP refuses and reports as a violation on every
 * page that validates (decision 014); jitless mode skips the probe and
 * parses the same way. Set here, where the schemas get zod, rather than in
 * instrumentation-client.ts: that put zod on every page, most of which never
 * validate in the browser (issue 15).
 *
 * The schemas import zod as a namespace (`import * as z from "zod"`), which
 * bundlers tree-shake: `import { z }` brought all of zod (~93 KB gzipped
 * instead of ~26 KB).
 */
import { config } from "zod";

if (typeof window !== "undefined") config({ jitless: true });
