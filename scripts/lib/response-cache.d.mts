// Types for response-cache.mjs, for its tests.
type Headers = Record<string, string | string[] | undefined>;
export type Answer = { status: number; headers: Headers; body: string | Buffer };
export type Template = { status: number; headers: Headers; policyParts: string[] | null; bodyParts: Buffer[]; bytes: number };
export const NO_STORE_MARKER: string;
export const CACHED_QUERY_PARAMETERS: [RegExp, string[]][];
export const ENTRY_OVERHEAD_BYTES: number;
export function cacheKeyOf(request: { method?: string; url?: string; headers: Headers }, options?: { isBot?: (userAgent: string) => boolean; trustProxy?: boolean }): string | null;
export function credentialsOf(headers: Headers): { kind: "bearer" | "session" | "anonymous"; value: string };
export function renderHeadersOf(headers: Headers): Headers;
export function isText(headers: Headers): boolean;
export function nonceOf(policy: string | undefined): string | null;
export function toTemplate(answer: Answer): Template;
export function fromTemplate(template: Template, nonce: string): { status: number; headers: Headers; body: Buffer };
export function isStorable(answer: Answer): boolean;
export function storedBytesOf(key: string, template: Template): number;
export declare class ResponseCache {
  constructor(options: { maxBytes: number; maxEntries: number; maxAgeMs: number; now?: () => number });
  readonly size: number;
  readonly bytes: number;
  observe(generation: string): void;
  get(key: string): Template | null;
  set(key: string, template: Template, generation: string): void;
}
