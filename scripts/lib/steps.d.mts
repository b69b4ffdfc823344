// Types for the plain-Node build steps (steps.mjs), for TypeScript scripts such as bench-search.ts.
export const root: string;
export function run(command: string, args: string[], options?: { env?: Record<string, string | undefined> }): unknown;
export function runBin(name: string, args: string[], options?: { env?: Record<string, string | undefined> }): unknown;
export function say(message: string): void;
export function ensureDependencies(): void;
export function ensureBuild(options?: { force?: boolean }): void;
export function migrate(databaseUrl: string): void;
export function checkConfig(): void;
export const CHROMIUM: string;
export function ensureChromium(): void;
export function loadDotEnv(): void;
