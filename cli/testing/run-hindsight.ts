/**
 * Runs the real `hindsight` command (cli/hindsight.mjs) in a child process, as
 * a user's shell would, for the CLI tests.
 */
import { spawn, type ChildProcessByStdio } from "node:child_process";
import type { Readable, Writable } from "node:stream";
import path from "node:path";

export type CliRun = { code: number | null; stdout: string; stderr: string };

export type RunOptions = {
  env?: Record<string, string>;
  cwd?: string;
  input?: string;
  /**
   * Read stdout and stderr as a slow consumer of a pipe does (`… | jq` on a
   * busy CI machine): nothing for the first moment, then a chunk at a time
   * with a pause after each, so the command's writes wait in the pipe.
   */
  readSlowly?: boolean;
  /** Close stdout after this many bytes, as `… | head -c N` does: the command is left writing into a closed pipe. */
  closeStdoutAfter?: number;
};

const FIRST_READ_AFTER_MS = 300;
const PAUSE_AFTER_CHUNK_MS = 5;

export const projectRoot = path.resolve(__dirname, "..", "..");

export function runHindsight(args: string[], options: RunOptions = {}): Promise<CliRun> {
  const { env = {}, cwd = projectRoot, input, readSlowly = false, closeStdoutAfter } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, "cli", "hindsight.mjs"), ...args], {
      cwd,
      env: { ...process.env, USER: "cli-test", ...env },
      stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    }) as ChildProcessByStdio<Writable | null, Readable, Readable>;
    if (input !== undefined) child.stdin?.end(input);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let stdoutBytes = 0;
    child.stdout.on("data", (chunk: Buffer) => {
      stdout.push(chunk);
      stdoutBytes += chunk.length;
      if (closeStdoutAfter !== undefined && stdoutBytes >= closeStdoutAfter) child.stdout.destroy();
    });
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    if (readSlowly) {
      for (const stream of [child.stdout, child.stderr]) {
        stream.pause();
        setTimeout(() => stream.resume(), FIRST_READ_AFTER_MS);
        stream.on("data", () => {
          stream.pause();
          setTimeout(() => stream.resume(), PAUSE_AFTER_CHUNK_MS);
        });
      }
    }
    child.on("error", reject);
    // Decoded at the end: a chunk may end inside a multi-byte character.
    child.on("close", (code) => resolve({ code, stdout: Buffer.concat(stdout).toString(), stderr: Buffer.concat(stderr).toString() }));
  });
}
