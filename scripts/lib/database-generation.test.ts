import { mkdtempSync, renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { databaseGeneration } from "./database-generation.mjs";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function database(): { file: string; writer: Database.Database } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hindsight-generation-"));
  dirs.push(dir);
  const file = path.join(dir, "app.db");
  const writer = new Database(file);
  writer.pragma("journal_mode = WAL");
  writer.exec("CREATE TABLE t (x)");
  return { file, writer };
}

describe("databaseGeneration: when a stored answer may no longer be right", () => {
  it("stays the same while nothing is written and changes with every commit of another connection", () => {
    const { file, writer } = database();
    const generation = databaseGeneration(file, { today: () => "2026-12-04" });
    const first = generation();
    expect(first).not.toBeNull();
    expect(generation()).toBe(first);
    writer.exec("INSERT INTO t VALUES (1)");
    const second = generation();
    expect(second).not.toBe(first);
    expect(generation()).toBe(second);
    writer.close();
  });

  it("sees a commit made by another process", async () => {
    const { file, writer } = database();
    writer.close();
    const generation = databaseGeneration(file);
    const before = generation();
    const { execFileSync } = await import("node:child_process");
    execFileSync(process.execPath, ["-e", `const D=require("better-sqlite3");const d=new D(${JSON.stringify(file)});d.exec("INSERT INTO t VALUES (2)");d.close();`], { cwd: process.cwd() });
    expect(generation()).not.toBe(before);
  });

  it("changes with the day, for pages that count from today", () => {
    const { file, writer } = database();
    let day = "2026-12-04";
    const generation = databaseGeneration(file, { today: () => day });
    const before = generation();
    day = "2026-12-05";
    expect(generation()).not.toBe(before);
    writer.close();
  });

  it("changes when another file is put in the database's place (a restore)", () => {
    const { file, writer } = database();
    const generation = databaseGeneration(file);
    const before = generation();
    const other = database();
    other.writer.close();
    writer.close();
    renameSync(other.file, file);
    expect(generation()).not.toBe(before);
  });

  it("answers null, so nothing is cached, when the file is missing", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "hindsight-generation-"));
    dirs.push(dir);
    expect(databaseGeneration(path.join(dir, "none.db"))()).toBeNull();
  });
});
