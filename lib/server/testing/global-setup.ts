import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    templateDb: string;
  }
}

/**
 * Builds one database from the real migrations for the whole unit-test run;
 * each test file then works on its own copy of it (see fresh-database.ts).
 */
export default function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hindsight-unit-"));
  const template = path.join(dir, "template.db");
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${template}` },
    stdio: "pipe",
  });
  project.provide("templateDb", template);
  return () => rmSync(dir, { recursive: true, force: true });
}
