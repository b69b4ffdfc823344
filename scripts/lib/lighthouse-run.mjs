// One Lighthouse run, in plain Node: reads a job from standard input
// ({ url, port, cookie, formFactor, out }) and writes the report to
// `out`.json and `out`.html. A process of its own because tsx, which runs our
// TypeScript scripts, compiles every module with esbuild's keepNames, and the
// `__name` calls that adds break the functions Lighthouse sends into the page
// ("ReferenceError: __name is not defined").
import { readFileSync, writeFileSync } from "node:fs";
import lighthouse, { desktopConfig, generateReport } from "lighthouse";

const { url, port, cookie, formFactor, out } = JSON.parse(readFileSync(0, "utf8"));
const flags = {
  port,
  output: "json",
  logLevel: "error",
  extraHeaders: { Cookie: cookie },
  onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
};
// Mobile is Lighthouse's default config; desktop its desktop config, as `--preset=desktop` uses.
const result = await lighthouse(url, flags, formFactor === "desktop" ? desktopConfig : undefined);
if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
writeFileSync(`${out}.json`, JSON.stringify(result.lhr));
writeFileSync(`${out}.html`, generateReport(result.lhr, "html"));
