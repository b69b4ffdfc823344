// Types for serve-cluster.mjs, for TypeScript callers such as scripts/bench-load.ts.
export function workerCount(env?: Record<string, string | undefined>): number;
export function serveCluster(options: { port: string | number; host?: string; workers: number }): void;
