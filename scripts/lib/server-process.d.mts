// Types for server-process.mjs, for TypeScript callers such as e2e/fallbacks.spec.ts.
export type Server = {
  port: number;
  url: string;
  pid: number;
  exited: Promise<{ code: number | null; signal: string | null }>;
  readonly stdout: string;
  readonly stderr: string;
  kill(signal?: NodeJS.Signals): void;
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: string | null }>;
};
export type Answer = { status: number; body?: unknown; headers?: Headers; error?: string };
export function stopAllServers(): void;
export function startServer(options: { port: number; env?: Record<string, string>; workers?: number }): Server;
export function waitUntilAnswering(server: Server, options?: { timeoutMs?: number }): Promise<Response>;
export function request(url: string, init?: RequestInit): Promise<Answer>;
export function jsonRequest(url: string, method: string, body: unknown, headers?: Record<string, string>): Promise<Answer>;
export function bearer(token: string): { authorization: string };
export function runCli(args: string[], options: { databaseUrl: string; input?: string }): Promise<{ status: number | null; stdout: string; stderr: string }>;
export function addPerson(options: { databaseUrl: string; email: string; name: string; role: "viewer" | "editor" | "admin"; password: string }): Promise<void>;
export function createToken(options: { databaseUrl: string; email: string; name: string; readOnly?: boolean; expiresDays?: number }): Promise<{ token: string; id: string }>;
export function revokeToken(options: { databaseUrl: string; id: string }): Promise<{ status: number | null; stdout: string; stderr: string }>;
export function signIn(server: { url: string }, account: { email: string; password: string }): Promise<string>;
