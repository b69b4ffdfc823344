// For the answer cache (decision 020, 021): a stored page is served again only
// to the same credentials (response-cache.mjs keys by them), and only while
// they still hold. Revocations, sign-outs and disabled people are commits, which
// empty the cache anyway; what passes without a commit is time: a session's
// idle or absolute lifetime, a token's expiry. This checks those on every hit,
// with one indexed read on a read-only connection (microseconds).
import { createHash } from "node:crypto";
import Database from "better-sqlite3";

export function credentialChecker(file, { maxSessionAgeMs, now = () => Date.now() }) {
  let connection = null;
  let statements = null;
  const open = () => {
    connection = new Database(file, { readonly: true, fileMustExist: true });
    statements = {
      session: connection.prepare(`SELECT s.expiresAt, s.createdAt, u.disabledAt FROM "Session" s JOIN "User" u ON u.id = s.userId WHERE s.token = ?`),
      token: connection.prepare(`SELECT t.expiresAt, t.revokedAt, u.disabledAt FROM "ApiToken" t JOIN "User" u ON u.id = t.userId WHERE t.hash = ?`),
    };
  };
  /** Whether `credentials` ({ kind, value } from credentialsOf) are still good now; false when unsure. */
  return (credentials) => {
    if (credentials.kind === "anonymous") return true;
    try {
      if (!connection) open();
      const at = now();
      if (credentials.kind === "session") {
        let value = credentials.value;
        try {
          value = decodeURIComponent(value);
        } catch {
          return false;
        }
        const row = statements.session.get(value.split(".")[0]);
        return Boolean(row) && !row.disabledAt && timeOf(row.expiresAt) > at && timeOf(row.createdAt) + maxSessionAgeMs > at;
      }
      const row = statements.token.get(createHash("sha256").update(credentials.value).digest("hex"));
      return Boolean(row) && !row.disabledAt && !row.revokedAt && (row.expiresAt === null || timeOf(row.expiresAt) > at);
    } catch {
      connection?.close();
      connection = null;
      return false;
    }
  };
}

/** Prisma keeps SQLite DateTimes as milliseconds or as ISO text, depending on the writer. */
function timeOf(value) {
  if (value === null || value === undefined) return Number.NaN;
  return typeof value === "number" || typeof value === "bigint" ? Number(value) : Date.parse(String(value));
}
