/** `hindsight parse FILE` (Markdown or text → exchange JSON and warnings, no database) and `hindsight import PATH…` (files, folders, zips). */
import path from "node:path";
import { parseMarkdown } from "@/lib/domain/markdown/import";
import { postmortemInputSchema } from "@/lib/schemas/postmortem";
import { openSources } from "@/lib/server/import-archive/open-sources";
import { importSources } from "@/lib/server/import-archive/import-sources";
import { describeImport, describeTotals, progressLine } from "./import-output";
import { readTextFile } from "./read-text-file";
import { UsageError } from "./usage-error";

type Run = {
  values: { author?: string; "dry-run"?: boolean; json?: boolean };
  positionals: string[];
  out: NodeJS.WritableStream;
  err?: NodeJS.WritableStream;
};

const fileNameOf = (file: string) => (file === "-" ? undefined : path.basename(file));

/** `parse FILE`: `{ document, warnings }` as JSON on stdout. */
export async function runParse({ positionals, out }: Run): Promise<number> {
  if (positionals.length !== 1) throw new UsageError('parse needs one FILE argument (Markdown or text; "-" reads stdin)');
  const [file] = positionals;
  const { document, warnings } = parseMarkdown(await readTextFile(file), { fileName: fileNameOf(file) });
  out.write(`${JSON.stringify({ document: postmortemInputSchema.parse(document), warnings }, null, 2)}\n`);
  return 0;
}

/**
 * `import PATH…`: every file, folder (recursively) and zip given, one file
 * after the other; each file's line as it is done (or the JSON report at the
 * end with --json), a progress line on stderr when it is a terminal, and a
 * summary. Exit 1 when any file failed.
 */
export async function runImport({ values, positionals, out, err = process.stderr }: Run): Promise<number> {
  if (positionals.length === 0) throw new UsageError("import needs one or more PATH arguments (files, folders or .zip archives)");
  const dryRun = values["dry-run"] ?? false;
  const listing = await openSources(positionals);
  const isTerminal = (err as NodeJS.WriteStream).isTTY === true;
  let progressShown = false;
  const report = await importSources({
    listing,
    dryRun,
    authorName: values.author ?? process.env.USER,
    onProgress: (done, total, item) => {
      // The progress line is redrawn in place on a terminal, and cleared before any other line is written.
      if (isTerminal && progressShown) err.write("\r\u001b[K");
      if (!values.json) (item.status === "failed" ? err : out).write(describeImport(item, done, total, dryRun));
      if (isTerminal && done < total) {
        err.write(progressLine(done, total, item.name, (err as NodeJS.WriteStream).columns));
        progressShown = true;
      } else progressShown = false;
    },
  });
  if (values.json) out.write(`${JSON.stringify(report, (key, value) => (key === "ms" ? Math.round(value * 10) / 10 : value), 2)}\n`);
  else out.write(describeTotals(report));
  return report.totals.failed > 0 ? 1 : 0;
}
