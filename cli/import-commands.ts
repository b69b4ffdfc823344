/** `hindsight parse FILE` (Markdown or text → exchange JSON and warnings, no database) and `hindsight import FILE…` (creates postmortems). */
import path from "node:path";
import { parseMarkdown } from "@/lib/domain/markdown/import";
import { postmortemInputSchema } from "@/lib/schemas/postmortem";
import { importPostmortem } from "@/lib/server/postmortems/import-postmortem";
import { formatFailure } from "./output";
import { readTextFile } from "./read-text-file";
import { UsageError } from "./usage-error";

type Run = { values: { author?: string }; positionals: string[]; out: NodeJS.WritableStream; err?: NodeJS.WritableStream };

const fileNameOf = (file: string) => (file === "-" ? undefined : path.basename(file));

/** `parse FILE`: `{ document, warnings }` as JSON on stdout. */
export async function runParse({ positionals, out }: Run): Promise<number> {
  if (positionals.length !== 1) throw new UsageError('parse needs one FILE argument (Markdown or text; "-" reads stdin)');
  const [file] = positionals;
  const { document, warnings } = parseMarkdown(await readTextFile(file), { fileName: fileNameOf(file) });
  out.write(`${JSON.stringify({ document: postmortemInputSchema.parse(document), warnings }, null, 2)}\n`);
  return 0;
}

/** `import FILE…`: one postmortem per file, each slug and warning count as it goes; a file that fails does not stop the others. */
export async function runImport({ values, positionals, out, err = process.stderr }: Run): Promise<number> {
  if (positionals.length === 0) throw new UsageError("import needs one or more FILE arguments (Markdown or text)");
  let failed = 0;
  for (const [index, file] of positionals.entries()) {
    const step = `[${index + 1}/${positionals.length}]`;
    try {
      const text = await readTextFile(file);
      const { document, warnings } = await importPostmortem({ text, fileName: fileNameOf(file), authorName: values.author ?? process.env.USER });
      const count = `${warnings.length} warning${warnings.length === 1 ? "" : "s"}`;
      out.write(`${step} ${file} → ${document.slug} (${count})\n`);
    } catch (error) {
      failed++;
      err.write(`${step} ${file}: ${formatFailure(error).replace(/^hindsight: /, "")}`);
    }
  }
  const imported = positionals.length - failed;
  out.write(`Imported ${imported} of ${positionals.length} file${positionals.length === 1 ? "" : "s"}.${failed ? ` ${failed} failed (see above).` : ""}\n`);
  return failed ? 1 : 0;
}
