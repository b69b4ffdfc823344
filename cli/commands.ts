import { DEFAULT_DATABASE_URL } from "@/lib/database-url.mjs";
import { listQuerySchema, postmortemInputSchema } from "@/lib/schemas/postmortem";
import { parseInput } from "@/lib/schemas/parse-input";
import { createPostmortem, getPostmortem, listPostmortems } from "@/lib/server/postmortems";
import { formatList } from "./output";
import { readJsonFile } from "./read-json-file";
import { UsageError } from "./usage-error";
import { runExport, runRender, type ExportFlags } from "./export-commands";
import { runReindex, runSearch, runSeed, type SearchFlags } from "./search-commands";
import { runImport, runParse } from "./import-commands";
import { runCheck } from "./check-commands";
import { runBackup, runRestore } from "./backup-commands";
import { runUser, type UserFlags } from "./user-commands";
import { runToken, type TokenFlags } from "./token-commands";

export { UsageError };

export const COMMANDS = ["create", "get", "list", "render", "export", "search", "seed", "reindex", "parse", "import", "check", "backup", "restore", "user", "token"];

const EXPORT_OPTIONS = ["format", "template", "timeline", "public", "authors", "replace"];
const SEARCH_OPTIONS = ["severity", "status", "service", "tag", "factor", "action", "from", "to", "sort", "page", "per-page", "json"];

/** The flags each command takes (main.ts refuses any other); the usage text below describes them. */
export const COMMAND_OPTIONS: Record<string, string[]> = {
  create: ["author"],
  get: [],
  list: ["status", "page", "per-page", "json"],
  render: EXPORT_OPTIONS,
  export: ["out", "all", ...EXPORT_OPTIONS],
  search: SEARCH_OPTIONS,
  seed: ["synthetic"],
  reindex: [],
  parse: [],
  import: ["author", "dry-run", "json"],
  check: ["json"],
  backup: ["force"],
  restore: [],
  user: ["name", "role", "password-stdin", "json"],
  token: ["name", "read-only", "expires", "all", "json"],
};

/**
 * Commands that never migrate the database: render, parse and check open none;
 * backup and restore copy the file as it is, with their own connections.
 */
export const COMMANDS_WITHOUT_DATABASE = ["render", "parse", "check", "backup", "restore"];

type Invocation = {
  values: { author?: string; "dry-run"?: boolean; status?: string; page?: string; "per-page"?: string; json?: boolean; force?: boolean } & ExportFlags & SearchFlags & UserFlags & TokenFlags;
  positionals: string[];
  out: NodeJS.WritableStream;
};

export function usage(): string {
  return `Usage: npx hindsight <command> [options]

Commands:
  create FILE.json [--author NAME]   Create a postmortem from an exchange JSON file ("-" reads stdin)
  get SLUG                           Print a postmortem as exchange JSON
  list [--status S] [--page N] [--per-page N] [--json]
                                     List postmortems, most recently updated first
  render FILE.json [export options]  Print an exchange JSON file as a Markdown post (no database needed)
  export SLUG [--out DIR] [export options]
                                     Print a postmortem as a Markdown post, or write it into DIR
  export --all --out DIR [export options]
                                     Write every published postmortem into DIR as YYYY-MM-DD-slug.md
                                     (created if missing; re-running updates the same files)
  parse FILE                         Print how a Markdown or text postmortem reads: { document, warnings } as JSON
                                     (no database needed; "-" reads stdin)
  import PATH… [--author NAME] [--dry-run] [--json]
                                     Import postmortems: each PATH a file (Markdown, text, HTML, .docx), a folder
                                     (read recursively) or a .zip; prints each file's slug and warning count, then
                                     a summary (a file that fails is reported, the others are still imported; exit 1
                                     if any failed). Re-importing is safe: a file imported before is skipped when
                                     unchanged and updated (a new revision) when changed, never duplicated.
                                     --dry-run reads everything, prints what would happen and changes nothing;
                                     --json prints the report as JSON
  check FILE… [--json]              Check Markdown or text postmortems for blaming language and missing pieces:
                                     prints each finding with its line (exit 1 when any blaming language is found,
                                     so a blog's CI can run it; no database needed)
  search "WORDS" [search options]    Search the library as the web page does (ranked, highlighted, with facet counts)
  seed --synthetic N                 Add N realistic synthetic postmortems (load tests, benchmarks)
  reindex                            Rebuild the search index from the stored postmortems
  backup FILE [--force]              Copy the database into FILE with SQLite's online backup (servers may keep
                                     running); --force replaces an existing FILE
  restore FILE                       Replace the database with a backup, after checking it is a sound Hindsight
                                     database; the current one is kept as <db>.before-restore-<time>
                                     (restart running servers afterwards)

People and tokens (the CLI acts as the operator, with every right):
  user add EMAIL --name NAME --role viewer|editor|admin [--password-stdin]
                                     Add a person: with --password-stdin the password is read from standard input
                                     (one trailing newline dropped), else an invite link /invite/TOKEN is printed
                                     for them to set it (absolute when HINDSIGHT_PUBLIC_URL is set)
  user list [--json]                 List people: name, email, role, status (active, disabled, invited), sign-in
  user set-role EMAIL ROLE           Change a person's role (viewer, editor or admin)
  user disable EMAIL                 Stop a person signing in; their sessions and tokens stop working at once
  user enable EMAIL                  Let a disabled person sign in again
  user invite EMAIL                  Print a new invite link (a lost link, a forgotten password); old links stop working
  token create EMAIL --name NAME [--read-only] [--expires DAYS]
                                     Make an API token for a person; prints what it is, then the token alone on
                                     the last line (shown once: ... | tail -1)
  token list [--all | EMAIL] [--json]
                                     List tokens (everyone's by default), never the tokens themselves
  token revoke ID                    Revoke a token by its id, the start of its id, or its hsp_… prefix

Export options:
  --format jekyll|hugo|none          front matter (default jekyll)
  --template blog|sre|short          section order (default blog)
  --timeline list|table              timeline shape (default list)
  --public                           leave out owners, tracker links, authors and internal sections
  --authors                          with --public: keep the authors' names
  --replace TERM=WORD                with --public: replace TERM everywhere (repeatable)

Search options (lists are comma-separated):
  --severity SEV1,SEV2,none  --status draft,in_review,published,archived  --service S  --tag T
  --factor environment_drift,…  --action open,in_progress,done,wont_do,none  --from YYYY-MM-DD  --to YYYY-MM-DD
  --sort relevance|date|updated  --page N  --per-page N  --json
  Words: "a phrase", -excluded, a OR b, prefix*; the last word also matches as a prefix.

The database is DATABASE_URL (default ${DEFAULT_DATABASE_URL} in the project folder).
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
    case "render":
      return runRender(invocation);
    case "parse":
      return runParse(invocation);
    case "import":
      return runImport(invocation);
    case "check":
      return runCheck(invocation);
    case "backup":
      return runBackup(invocation);
    case "restore":
      return runRestore(invocation);
    case "export":
      return runExport(invocation);
    case "search":
      return runSearch(invocation);
    case "seed":
      return runSeed(invocation);
    case "reindex":
      return runReindex(invocation);
    case "user":
      return runUser(invocation);
    case "token":
      return runToken(invocation);
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

function single(positionals: string[], message: string): string {
  if (positionals.length !== 1) throw new UsageError(message);
  return positionals[0];
}
