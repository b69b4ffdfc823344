import { readFile } from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/domain/errors";
import { listQuerySchema, postmortemInputSchema } from "@/lib/schemas/postmortem";
import { parseInput } from "@/lib/server/http/json-body";
import { createPostmortem, getPostmortem, listPostmortems } from "@/lib/server/postmortems";
import { formatList } from "./output";

export class UsageError extends Error {}

export const COMMANDS = ["create", "get", "list"];

type Invocation = {
  values: { author?: string; status?: string; page?: string; "per-page"?: string; json?: boolean };
  positionals: string[];
  out: NodeJS.WritableStream;
};

const MAX_FILE_BYTES = 5 * 1024 * 1024;

export function usage(): string {
  return `Usage: npx hindsight <command> [options]

Commands:
  create FILE.json [--author NAME]   Create a postmortem from an exchange JSON file ("-" reads stdin)
  get SLUG                           Print a postmortem as exchange JSON
  list [--status S] [--page N] [--per-page N] [--json]
                                     List postmortems, most recently updated first

The database is DATABASE_URL (default file:./data/hindsight.db in the project folder).
The exchange JSON format is described in docs/format.md.
`;
}

/** Runs one command and returns its exit code. */
export async function runCommand(command: string, invocation: Invocation): Promise<number> {
  const { positionals, values, out } = invocation;
  switch (command) {
    case "create": {
      const file = single(positionals, "create needs one FILE.json argument");
      const draft = parseInput(postmortemInputSchema, await readJsonFile(file), "file");
      const created = await createPostmortem({ draft, authorName: values.author ?? process.env.USER });
      out.write(`Created "${created.title}" as ${created.slug} (version ${created.version}).\n`);
      return 0;
    }
    case "get": {
      const slug = single(positionals, "get needs one SLUG argument");
      out.write(`${JSON.stringify(await getPostmortem({ slug }), null, 2)}\n`);
      return 0;
    }
    case "list": {
      const query = listQuerySchema.parse({ page: values.page, perPage: values["per-page"], status: values.status });
      const page = await listPostmortems(query);
      out.write(values.json ? `${JSON.stringify(page, null, 2)}\n` : formatList(page.items, page.total, page.page, page.totalPages));
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

function single(positionals: string[], message: string): string {
  if (positionals.length !== 1) throw new UsageError(message);
  return positionals[0];
}

async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = file === "-" ? await readStdin() : await readFile(path.resolve(file), "utf8");
  } catch (error) {
    throw new AppError("BAD_REQUEST", `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`);
  }
  if (Buffer.byteLength(text) > MAX_FILE_BYTES) throw new AppError("TOO_LARGE", `${file} is larger than 5 MB.`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError("BAD_REQUEST", `${file} is not valid JSON: ${(error as Error).message}`);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
