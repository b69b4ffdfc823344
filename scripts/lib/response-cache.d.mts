// Types for response-cache.mjs, for its tests.
export type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };
export type Template = { status: number; headers: Record<string, string | string[] | undefined>; policyParts: string[] | null; bodyParts: string[]; bytes: number };
export const NO_STORE_MARKER: string;
export function cacheKeyOf(request: { method?: string; url?: string; headers: Record<string, string | string[] | undefined> }): string | null;
export function nonceOf(policy: string | undefined): string | null;
export function toTemplate(answer: Answer): Template;
export function fromTemplate(template: Template, nonce: string): Answer;
export function isStorable(answer: Answer): boolean;
export declare class ResponseCache {
  constructor(options: { maxBytes: number; maxAgeMs: number; now?: () => number });
  readonly size: number;
  readonly bytes: number;
  observe(generation: string): void;
  get(key: string): Template | null;
  set(key: string, template: Template, generation: string): void;
}
