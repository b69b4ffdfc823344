// Prisma CLI configuration: the JS engine with the better-sqlite3 adapter, so
// no native engine binary is ever downloaded (see docs/decisions/001).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseUrlFrom } from "./lib/database-url.mjs";

process.env.DATABASE_URL = databaseUrlFrom(process.env);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  async adapter() {
    const url = databaseUrlFrom(process.env);
    // SQLite creates the file but not its folder.
    mkdirSync(path.dirname(path.resolve(url.replace(/^file:/, ""))), { recursive: true });
    return new PrismaBetterSQLite3({ url });
  },
});
