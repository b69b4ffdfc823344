import "server-only";
import { randomBytes } from "node:crypto";
import { getConfig } from "../config";
import { getDb } from "../db";

const SECRET_KEY = "session-secret";

/**
 * The secret that signs session cookies: HINDSIGHT_SECRET, or one made at
 * first use and kept in the database, so that every server on the same
 * database (workers, a second machine) signs alike and sessions survive restarts.
 */
export function getSecret(): Promise<string> {
  const forProcess = globalThis as unknown as { hindsightSecret?: Promise<string> };
  forProcess.hindsightSecret ??= readOrMakeSecret();
  forProcess.hindsightSecret.catch(() => {
    forProcess.hindsightSecret = undefined;
  });
  return forProcess.hindsightSecret;
}

async function readOrMakeSecret(): Promise<string> {
  const configured = getConfig().HINDSIGHT_SECRET;
  if (configured) return configured;
  const db = await getDb();
  // INSERT OR IGNORE: when two workers start at once, the first one's secret is everyone's.
  await db.$executeRaw`INSERT OR IGNORE INTO "AppSetting" ("key", "value") VALUES (${SECRET_KEY}, ${randomBytes(32).toString("base64url")})`;
  const row = await db.appSetting.findUniqueOrThrow({ where: { key: SECRET_KEY } });
  return row.value;
}
