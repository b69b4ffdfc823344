/**
 * The `hindsight` command line: the same lib/ functions the API calls.
 * Exit codes: 0 done, 1 the command failed (bad input, not found, conflict), 2 usage error.
 */
import { parseArgs } from "node:util";

type ParseArgsOptionConfig = { type: "string" | "boolean"; multiple?: boolean };
import { COMMAND_OPTIONS, COMMANDS, COMMANDS_WITHOUT_DATABASE, runCommand, usage, UsageError } from "./commands";
import { prepareDatabase } from "./prepare-database";
import { formatFailure } from "./output";

/** Every flag any command takes, with its type; COMMAND_OPTIONS says which command takes which. */
const OPTIONS: Record<string, ParseArgsOptionConfig> = {
  author: { type: "string" },
  status: { type: "string" },
  page: { type: "string" },
  "per-page": { type: "string" },
  json: { type: "boolean" },
  format: { type: "string" },
  template: { type: "string" },
  timeline: { type: "string" },
  public: { type: "boolean" },
  authors: { type: "boolean" },
  replace: { type: "string", multiple: true },
  all: { type: "boolean" },
  out: { type: "string" },
  severity: { type: "string" },
  service: { type: "string" },
  tag: { type: "string" },
  factor: { type: "string" },
  action: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  sort: { type: "string" },
  synthetic: { type: "string" },
  force: { type: "boolean" },
  name: { type: "string" },
  role: { type: "string" },
  "password-stdin": { type: "boolean" },
  "read-only": { type: "boolean" },
  expires: { type: "string" },
  "dry-run": { type: "boolean" },
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help" || command === "-h") {
    process.stdout.write(usage());
    return command ? 0 : 2;
  }
  try {
    if (!COMMANDS.includes(command)) throw new UsageError(`unknown command "${command}"`);
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      // Each command accepts only its own flags: `hindsight import --format hugo` is a usage error, not ignored.
      options: Object.fromEntries(COMMAND_OPTIONS[command].map((name) => [name, OPTIONS[name]])),
    });
    if (!COMMANDS_WITHOUT_DATABASE.includes(command)) await prepareDatabase();
    // The CLI is the operator's: it works on the database directly, with every right (decision 021).
    const { actAsOperatorForThisProcess } = await import("@/lib/server/auth/actor");
    actAsOperatorForThisProcess();
    return await runCommand(command, { values, positionals, out: process.stdout });
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      const flag = /'([^']+)'/.exec((error as Error).message)?.[1] ?? "that option";
      error = new UsageError(`${command} does not take ${flag}`);
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`hindsight: ${(error as Error).message}\n\n${usage()}`);
      return 2;
    }
    process.stderr.write(formatFailure(error));
    return 1;
  }
}

// A reader that stops early (`… | head`) closes the pipe: the rest of the output has nowhere to go, and
// that is no failure of the command, which finishes and exits with its own code.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
}

main(process.argv.slice(2)).then(exitOnceWritten, (error) => {
  process.stderr.write(formatFailure(error));
  return exitOnceWritten(1);
});

/**
 * Exits once everything written to stdout and stderr has left the process.
 * A pipe (`… --json | jq`) takes about 64 KB at once and Node holds the rest
 * until the reader catches up: exiting at once cut `check --json` there.
 * Exiting explicitly, rather than waiting for the event loop to empty, means
 * a handle left open (a database connection, a timer) cannot hang a CI job.
 */
async function exitOnceWritten(code: number): Promise<void> {
  process.exitCode = code;
  await Promise.all([written(process.stdout), written(process.stderr)]);
  process.exit(code);
}

/** Resolves when the stream has handed over every earlier write (writes complete in order), or has failed. */
function written(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write("", () => resolve()));
}
