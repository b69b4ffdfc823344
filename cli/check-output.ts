/** How `hindsight check` prints its findings: a header per file, one line per finding, a total. */
import { inspect } from "node:util";
import type { CheckFinding } from "@/lib/domain/check";

export type CheckedFile = { file: string; findings: CheckFinding[]; error?: string };

type Style = "bold" | "red" | "yellow" | "dim" | "green";
type Paint = (style: Style, text: string) => string;

/** Colour only for a terminal that wants it: never when piped, or when NO_COLOR is set (https://no-color.org). */
export function painterFor(stream: NodeJS.WritableStream, env: Record<string, string | undefined> = process.env): Paint {
  const tty = stream as NodeJS.WritableStream & { isTTY?: boolean; hasColors?: () => boolean };
  const isColor = Boolean(tty.isTTY) && !env.NO_COLOR && (tty.hasColors?.() ?? false);
  if (!isColor) return (_style, text) => text;
  return (style, text) => {
    const [open, close] = inspect.colors[style] ?? [0, 0];
    return `\u001b[${open}m${text}\u001b[${close}m`;
  };
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
// A rule's closing entry stands for the findings it left out (MAX_FINDINGS_PER_RULE), so totals stay true.
const tally = (findings: CheckFinding[]) => findings.reduce((sum, finding) => sum + (finding.omitted ?? 1), 0);

/** The human report: per file a header, then `file:line  rule  message — suggestion  "excerpt"`, language before completeness. */
export function formatCheckReport(results: CheckedFile[], paint: Paint = (_style, text) => text): string {
  const lines: string[] = [];
  for (const { file, findings, error } of results) {
    if (error !== undefined) {
      lines.push(`${paint("bold", file)} — ${paint("red", "could not be checked")}: ${error}`, "");
      continue;
    }
    const language = findings.filter((finding) => finding.kind === "language");
    const completeness = findings.filter((finding) => finding.kind === "completeness");
    const summary = findings.length === 0 ? paint("green", "nothing to change") : `${count(tally(language), "language finding")}, ${count(completeness.length, "completeness gap")}`;
    lines.push(`${paint("bold", file)} — ${summary}`);
    for (const finding of [...language, ...completeness]) lines.push(formatFinding(file, finding, paint));
    lines.push("");
  }
  lines.push(formatTotal(results));
  return `${lines.join("\n")}\n`;
}

function formatFinding(file: string, finding: CheckFinding, paint: Paint): string {
  const where = finding.line === null ? file : `${file}:${finding.line}`;
  const rule = paint(finding.kind === "language" ? "red" : "yellow", finding.rule);
  const excerpt = finding.excerpt === null ? "" : `  "${finding.excerpt}"`;
  return `${where}  ${rule}  ${finding.message} — ${paint("dim", finding.suggestion)}${excerpt}`;
}

/** One line: how many files, language findings (what fails CI), completeness gaps (advice only), unreadable files. */
export function formatTotal(results: CheckedFile[]): string {
  const checked = results.filter((result) => result.error === undefined);
  const language = tally(checked.flatMap((result) => result.findings.filter((finding) => finding.kind === "language")));
  const flaggedFiles = checked.filter((result) => result.findings.some((finding) => finding.kind === "language")).length;
  const gaps = checked.reduce((sum, result) => sum + result.findings.filter((finding) => finding.kind === "completeness").length, 0);
  const failed = results.length - checked.length;
  const languagePart = language ? `${count(language, "language finding")} in ${count(flaggedFiles, "file")}` : "no language findings";
  const failedPart = failed ? `; ${count(failed, "file")} could not be read` : "";
  return `Checked ${count(checked.length, "file")}: ${languagePart}, ${count(gaps, "completeness gap")}${failedPart}.`;
}
