/** `hindsight render` (a JSON file → Markdown, no database) and `hindsight export` (stored postmortems → Markdown files). */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { exportFileNamer, renderMarkdown, type ExportFile, type ExportOptions } from "@/lib/domain/markdown/export";
import { isIsoDateTime } from "@/lib/domain/time";
import { slugify } from "@/lib/domain/slug";
import { exportQuerySchema } from "@/lib/schemas/export";
import { fieldErrorsOf, postmortemInputSchema, type PostmortemDocument } from "@/lib/schemas/postmortem";
import { parseInput } from "@/lib/schemas/parse-input";
import { getPostmortem, readPublishedPostmortems } from "@/lib/server/postmortems";
import { readJsonFile } from "./read-json-file";
import { UsageError } from "./usage-error";

export type ExportFlags = {
  format?: string;
  template?: string;
  timeline?: string;
  public?: boolean;
  authors?: boolean;
  replace?: string[];
  all?: boolean;
  out?: string;
};

type Run = { values: ExportFlags; positionals: string[]; out: NodeJS.WritableStream };

/** The export options from the flags; a bad value is a usage error naming the flag. */
function optionsOf(values: ExportFlags): ExportOptions {
  const result = exportQuerySchema.safeParse({
    format: values.format,
    template: values.template,
    timeline: values.timeline,
    public: values.public,
    authors: values.authors,
    replace: values.replace,
  });
  if (result.success) return result.data;
  const problems = Object.entries(fieldErrorsOf(result.error)).map(([field, messages]) => `--${field.split(".")[0]}: ${messages.join("; ")}`);
  throw new UsageError(problems.join("; "));
}

/** A document read from a file, completed as if it had been stored (slug from the title, version 1, dated now unless it says). */
function documentOf(input: unknown): PostmortemDocument {
  const draft = parseInput(postmortemInputSchema, input, "file");
  const now = new Date().toISOString();
  const dated = (value: string | undefined) => (value && isIsoDateTime(value) ? value : now);
  return {
    ...draft,
    slug: draft.slug ?? slugify(draft.title),
    version: draft.version ?? 1,
    createdAt: dated(draft.createdAt),
    updatedAt: dated(draft.updatedAt),
  };
}

/** `render FILE.json`: the Markdown on stdout. */
export async function runRender({ values, positionals, out }: Run): Promise<number> {
  if (positionals.length !== 1) throw new UsageError("render needs one FILE.json argument");
  const options = optionsOf(values);
  const [file] = positionals;
  out.write(renderMarkdown(documentOf(await readJsonFile(file)), options));
  return 0;
}

/** `export SLUG` (stdout, or a file in --out) and `export --all --out DIR`. */
export async function runExport({ values, positionals, out }: Run): Promise<number> {
  if (values.all && positionals.length > 0) throw new UsageError("export takes either a SLUG or --all, not both");
  if (!values.all && positionals.length !== 1) throw new UsageError("export needs one SLUG, or --all --out DIR");
  if (values.all && !values.out) throw new UsageError("export --all needs --out DIR: the folder to write the files into");
  const options = optionsOf(values);
  const single = values.all ? null : await getPostmortem({ slug: positionals[0] });
  if (single && !values.out) {
    out.write(renderMarkdown(single, options));
    return 0;
  }
  const dir = values.out!;
  // A page of postmortems at a time, named as the zip export names them (the same pages, in the same order).
  const pages: AsyncIterable<PostmortemDocument[]> | PostmortemDocument[][] = single ? [[single]] : await readPublishedPostmortems();
  const nameOf = exportFileNamer(options);
  const counts: Record<Outcome, number> = { new: 0, updated: 0, unchanged: 0 };
  for await (const page of pages) {
    const written = await writeFiles(dir, page.map((doc) => ({ name: nameOf(doc), markdown: renderMarkdown(doc, options) })));
    for (const { name, outcome } of written) {
      out.write(`${outcome.padEnd(9)} ${path.join(dir, name)}\n`);
      counts[outcome] += 1;
    }
  }
  const total = counts.new + counts.updated + counts.unchanged;
  if (total === 0) {
    out.write("No published postmortems to export.\n");
    return 0;
  }
  out.write(`${total} file${total === 1 ? "" : "s"}: ${counts.new} new, ${counts.updated} updated, ${counts.unchanged} unchanged.\n`);
  return 0;
}

type Outcome = "new" | "updated" | "unchanged";

/** Writes the files into `dir` (created if missing), replacing files of the same name; an unchanged file is not touched. */
async function writeFiles(dir: string, files: ExportFile[]): Promise<{ name: string; outcome: Outcome }[]> {
  const folder = path.resolve(dir);
  try {
    await mkdir(folder, { recursive: true });
    const outcomes: { name: string; outcome: Outcome }[] = [];
    for (const file of files) {
      const target = path.join(folder, file.name);
      const previous = await readFile(target, "utf8").catch(() => null);
      if (previous === file.markdown) {
        outcomes.push({ name: file.name, outcome: "unchanged" });
        continue;
      }
      await writeFile(target, file.markdown, "utf8");
      outcomes.push({ name: file.name, outcome: previous === null ? "new" : "updated" });
    }
    return outcomes;
  } catch (error) {
    throw new Error(`Cannot write into ${dir}: ${(error as Error).message}`);
  }
}
