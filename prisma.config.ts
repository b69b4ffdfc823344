// Prisma CLI configuration: the JS engine with the better-sqlite3 adapter, so
// no native engine binary is ever downloaded (see docs/decisions/001).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

const DEFAULT_DATABASE_URL = "file:./data/hindsight.db";
process.env.DATABASE_URL ||= DEFAULT_DATABASE_URL;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  async adapter() {
    const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
    // SQLite creates the file but not its folder.
    mkdirSync(path.dirname(path.resolve(url.replace(/^file:/, ""))), { recursive: true });
    return new PrismaBetterSQLite3({ url });
  },
});
