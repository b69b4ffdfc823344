/**
 * Runs the real `hindsight` command (cli/hindsight.mjs) in a child process, as
 * a user's shell would, for the CLI tests.
 */
import { spawn } from "node:child_process";
import path from "node:path";

export type CliRun = { code: number | null; stdout: string; stderr: string };

export const projectRoot = path.resolve(__dirname, "..", "..");

export function runHindsight(
  args: string[],
  options: { env?: Record<string, string>; cwd?: string; input?: string } = {},
): Promise<CliRun> {
  const { env = {}, cwd = projectRoot, input } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, "cli", "hindsight.mjs"), ...args], {
      cwd,
      env: { ...process.env, USER: "cli-test", ...env },
      stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    if (input !== undefined) child.stdin?.end(input);
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
