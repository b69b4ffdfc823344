/** `hindsight check FILE…`: the blameless-language check and the completeness checklist on Markdown or text files, no database. */
import { stat } from "node:fs/promises";
import path from "node:path";
import { checkDocument } from "@/lib/domain/check";
import { AppError } from "@/lib/domain/errors";
import { parseMarkdown } from "@/lib/domain/markdown/import";
import { MAX_IMPORT_BYTES } from "@/lib/schemas/import";
import { postmortemInputSchema } from "@/lib/schemas/postmortem";
import { formatCheckReport, painterFor, type CheckedFile } from "./check-output";
import { formatFailure } from "./output";
import { readTextFile } from "./read-text-file";
import { UsageError } from "./usage-error";

type Run = { values: { json?: boolean }; positionals: string[]; out: NodeJS.WritableStream; err?: NodeJS.WritableStream };

/** Prints each file's findings (or, with --json, `[{ file, findings }]`); exit 1 when any language finding or unreadable file, so CI fails. */
export async function runCheck({ values, positionals, out, err = process.stderr }: Run): Promise<number> {
  if (positionals.length === 0) throw new UsageError('check needs one or more FILE arguments (Markdown or text; "-" reads stdin)');
  const results: CheckedFile[] = [];
  for (const file of positionals) {
    const label = file === "-" ? "<stdin>" : file;
    try {
      results.push({ file: label, findings: await checkFile(file) });
    } catch (error) {
      const message = formatFailure(error).replace(/^hindsight: /, "").trimEnd();
      // The human report says it in its place; JSON on stdout is for machines, so people read it on stderr.
      if (values.json) err.write(`hindsight: ${message}\n`);
      results.push({ file: label, error: message, findings: [] });
    }
  }
  out.write(values.json ? `${JSON.stringify(results, null, 2)}\n` : formatCheckReport(results, painterFor(out)));
  const hasLanguage = results.some((result) => result.findings.some((finding) => finding.kind === "language"));
  const hasFailed = results.some((result) => result.error !== undefined);
  return hasLanguage || hasFailed ? 1 : 0;
}

async function checkFile(file: string) {
  await refuseTooLarge(file);
  const source = await readTextFile(file);
  // Git's test for binary content: a NUL byte near the start. The importer would read anything, so refuse here.
  if (source.slice(0, 8000).includes("\u0000")) throw new AppError("BAD_REQUEST", `${file} looks like a binary file, not Markdown or text.`);
  const { document } = parseMarkdown(source, { fileName: file === "-" ? undefined : path.basename(file) });
  return checkDocument({ source, document: postmortemInputSchema.parse(document) });
}

// Before reading: a 2 GB file would otherwise be read whole just to be refused.
async function refuseTooLarge(file: string): Promise<void> {
  if (file === "-") return;
  const size = await stat(path.resolve(file)).then(
    (stats) => (stats.isFile() ? stats.size : 0),
    () => 0, // readTextFile names the problem (no such file, a folder, no permission).
  );
  if (size > MAX_IMPORT_BYTES) throw new AppError("TOO_LARGE", `${file} is larger than 5 MB.`);
}
