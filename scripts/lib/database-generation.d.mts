// Types for database-generation.mjs, for its tests.
export function databaseGeneration(file: string, options?: { today?: () => string }): () => string | null;
