export type ExportLimitSettings = {
  /** Exports one client may run at a time. */
  atOnce: number;
  /** Exports one client may start in any 60 seconds. */
  perMinute: number;
  /** Exports the whole server may run at a time. */
  running: number;
};
export type ExportRefusal = { ok: false; reason: "running" | "rate" | "busy"; retryAfterMs: number };
export type ExportDecision = { ok: true } | ExportRefusal;
export declare class ExportLimits {
  take(request: { owner: number; id: number; client: string; limits: ExportLimitSettings; now: number }): ExportDecision;
  release(lease: { owner: number; id: number }): void;
  releaseOwner(owner: number): void;
  readonly running: number;
  readonly clients: number;
}
