import "server-only";

/**
 * Options for write transactions. Prisma's default 5 s limit is too short for
 * the largest documents the schema allows (10,000 timeline events take a few
 * seconds on a busy 2-core machine); a save is all or nothing either way.
 */
export const WRITE_TRANSACTION = { maxWait: 10_000, timeout: 60_000 } as const;
