/**
 * One Lighthouse run, read the way issue 15 reads it: the four category
 * scores, the four metrics that weigh most, and the audits that cost points.
 * Lighthouse drives a Chromium already running with a debugging port (so it
 * never launches a browser of its own), from scripts/lib/lighthouse-run.mjs;
 * `npm run bench:lighthouse` runs it.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Result } from "lighthouse";
import { root } from "./steps.mjs";

export type FormFactor = "desktop" | "mobile";
export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
export type Category = (typeof CATEGORIES)[number];

export type PageScores = {
  scores: Record<Category, number>;
  /** Milliseconds, but CLS (unitless). */
  metrics: { fcp: number; lcp: number; tbt: number; cls: number };
  report: Result;
  /** The report's files, without .json or .html. */
  out: string;
};

/**
 * Runs Lighthouse on `url` in the Chromium listening on `port`, with the
 * session `cookie` on every request, and writes its report to `out`.json and
 * `out`.html. Mobile is Lighthouse's default (a mid-range phone, simulated
 * slow 4G, 4× CPU slowdown); desktop its desktop config (`--preset=desktop`).
 */
export async function runLighthouse(job: { url: string; port: number; cookie: string; formFactor: FormFactor; out: string }): Promise<PageScores> {
  const worker = spawn(process.execPath, [path.join(root, "scripts", "lib", "lighthouse-run.mjs")], { cwd: root, stdio: ["pipe", "inherit", "inherit"] });
  worker.stdin.end(JSON.stringify(job));
  const exit = await new Promise<number | string | null>((resolve) => worker.on("close", (code, signal) => resolve(code ?? signal)));
  if (exit !== 0) throw new Error(`Lighthouse failed on ${job.url} (${job.formFactor}), exit ${exit}`);
  const report = JSON.parse(readFileSync(`${job.out}.json`, "utf8")) as Result;
  if (report.runtimeError) throw new Error(`Lighthouse could not load ${job.url}: ${report.runtimeError.code} ${report.runtimeError.message}`);
  const finalUrl = report.finalDisplayedUrl;
  if (new URL(finalUrl).pathname !== new URL(job.url).pathname) throw new Error(`${job.url} ended at ${finalUrl}: was the session cookie refused?`);
  const score = (category: Category) => Math.round((report.categories[category]?.score ?? 0) * 100);
  const value = (audit: string) => report.audits[audit]?.numericValue ?? Number.NaN;
  return {
    scores: { performance: score("performance"), accessibility: score("accessibility"), "best-practices": score("best-practices"), seo: score("seo") },
    metrics: { fcp: value("first-contentful-paint"), lcp: value("largest-contentful-paint"), tbt: value("total-blocking-time"), cls: value("cumulative-layout-shift") },
    report,
    out: job.out,
  };
}

/**
 * The audits that cost `category` points: scored audits with weight below a
 * full score (for performance, the metrics below 0.9), each with up to three
 * of the items it found, worst first as Lighthouse lists them.
 */
export function failingAudits(report: Result, category: Category): string[] {
  const lines: string[] = [];
  for (const ref of report.categories[category]?.auditRefs ?? []) {
    const audit = report.audits[ref.id];
    if (!audit || ref.weight === 0 || audit.score === null) continue;
    if (audit.score >= (category === "performance" ? 0.9 : 1)) continue;
    lines.push(`${ref.id} (score ${audit.score}${audit.displayValue ? `, ${audit.displayValue}` : ""}): ${audit.title}`);
    for (const item of detailItems(audit.details).slice(0, 3)) lines.push(`    ${item}`);
  }
  if (category === "performance") {
    // What Lighthouse estimates would save the most time, whatever it scores.
    const savings = Object.values(report.audits)
      .map((audit) => ({ audit, ms: audit.metricSavings ? Math.max(audit.metricSavings.LCP ?? 0, audit.metricSavings.FCP ?? 0, audit.metricSavings.TBT ?? 0) : 0 }))
      .filter(({ audit, ms }) => ms >= 50 && audit.score !== null && audit.score < 1)
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 4);
    for (const { audit, ms } of savings) lines.push(`${audit.id}: ${audit.title} (up to ${Math.round(ms)} ms${audit.displayValue ? `; ${audit.displayValue}` : ""})`);
  }
  return lines;
}

function detailItems(details: unknown): string[] {
  const items = (details as { items?: Record<string, unknown>[] } | undefined)?.items ?? [];
  return items.map((item) => {
    const node = item.node as { snippet?: string; explanation?: string } | undefined;
    const text = [item.description, item.source, node?.snippet, node?.explanation?.split("\n")[0], item.url].find((part) => typeof part === "string" && part !== "");
    return String(typeof text === "object" ? JSON.stringify(text) : (text ?? JSON.stringify(item))).replace(/\s+/g, " ").slice(0, 220);
  });
}
