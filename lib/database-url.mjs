// Where the database lives unless DATABASE_URL says otherwise: one copy, read
// by npm start, the server workers, the CLI, Prisma's config and the settings
// check (plain JavaScript, so that scripts can import it without a build).

export const DEFAULT_DATABASE_URL = "file:./data/hindsight.db";

/** DATABASE_URL from `env`, or the default when it is unset or blank. */
export function databaseUrlFrom(env) {
  return String(env.DATABASE_URL ?? "").trim() || DEFAULT_DATABASE_URL;
}
