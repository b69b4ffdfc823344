import "server-only";
import { AppError } from "@/lib/domain/errors";
import { ExportLimits, type ExportDecision, type ExportLimitSettings } from "@/scripts/lib/export-limits.mjs";
import type { KnownActor } from "../auth/require-access";
import { coordinatesWithCluster, getConfig } from "../config";

/**
 * The zip export's limits (decision 022): a client runs at most
 * HINDSIGHT_EXPORTS_AT_ONCE exports at a time and starts at most
 * HINDSIGHT_EXPORTS_PER_MINUTE a minute, and the server runs at most
 * MAX_EXPORTS_RUNNING in all. Under `npm start` every worker process asks the
 * primary (scripts/lib/export-limits.mjs keeps the count for all of them, as
 * the write queue does, decision 020); elsewhere (a lone `next start`, tests)
 * this process keeps its own.
 */
export const MAX_EXPORTS_RUNNING = 4;

/** How long a worker waits for the primary's answer before refusing (it answers in microseconds). */
const ANSWER_TIMEOUT_MS = 5_000;

export type ExportSlot = { release: () => void };

type SlotMessage =
  | { hindsightExportSlot: "take"; id: number; client: string; settings: ExportLimitSettings }
  | { hindsightExportSlot: "release"; id: number };

type SlotState = { nextId: number; waiting: Map<number, (decision: ExportDecision) => void>; local: ExportLimits | null };

// One per process, whichever of Next's bundles loaded this module.
const globalForSlots = globalThis as unknown as { hindsightExportSlots?: SlotState };

function usesCluster(): boolean {
  return coordinatesWithCluster("HINDSIGHT_EXPORT_SLOTS");
}

function slotState(): SlotState {
  if (!globalForSlots.hindsightExportSlots) {
    const state: SlotState = { nextId: 1, waiting: new Map(), local: usesCluster() ? null : new ExportLimits() };
    if (!state.local) {
      process.on("message", (message: { hindsightExportSlot?: string; id?: number; decision?: ExportDecision } | null) => {
        if (message?.hindsightExportSlot !== "answer" || typeof message.id !== "number" || !message.decision) return;
        state.waiting.get(message.id)?.(message.decision);
      });
    }
    globalForSlots.hindsightExportSlots = state;
  }
  return globalForSlots.hindsightExportSlots;
}

function send(message: SlotMessage): void {
  process.send?.(message);
}

/**
 * Who the limits count an export against: the token it was asked with, else
 * the person, else the client's address (proxy.ts puts it in
 * x-hindsight-client-ip), else everyone without one together.
 */
export function exportClientOf(actor: KnownActor, clientAddress: string | null): string {
  if (actor.kind === "user") return actor.tokenId ? `token:${actor.tokenId}` : `person:${actor.userId}`;
  return clientAddress ? `address:${clientAddress}` : "address:unknown";
}

/**
 * Takes an export slot for `client`, to be released when the export ends
 * however it ends (release() more than once is harmless), or refuses with
 * TOO_MANY_REQUESTS, whose details carry retryAfterSeconds (the Retry-After
 * header).
 */
export async function takeExportSlot(client: string): Promise<ExportSlot> {
  const state = slotState();
  const config = getConfig();
  const settings: ExportLimitSettings = { atOnce: config.HINDSIGHT_EXPORTS_AT_ONCE, perMinute: config.HINDSIGHT_EXPORTS_PER_MINUTE, running: MAX_EXPORTS_RUNNING };
  const id = state.nextId++;
  const local = state.local;
  const decision = local
    ? local.take({ owner: 0, id, client, limits: settings, now: Date.now() })
    : await askPrimary(state, { hindsightExportSlot: "take", id, client, settings });
  if (!decision.ok) throw refusal(decision.reason, decision.retryAfterMs, settings);
  let released = false;
  return {
    release: () => {
      if (released) return;
      released = true;
      if (local) local.release({ owner: 0, id });
      else send({ hindsightExportSlot: "release", id });
    },
  };
}

function askPrimary(state: SlotState, message: Extract<SlotMessage, { hindsightExportSlot: "take" }>): Promise<ExportDecision> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      state.waiting.delete(message.id);
      // Should the answer still come, the slot goes back at once.
      send({ hindsightExportSlot: "release", id: message.id });
      resolve({ ok: false, reason: "busy", retryAfterMs: 10_000 });
    }, ANSWER_TIMEOUT_MS);
    state.waiting.set(message.id, (decision) => {
      clearTimeout(timer);
      state.waiting.delete(message.id);
      resolve(decision);
    });
    send(message);
  });
}

function refusal(reason: "running" | "rate" | "busy", retryAfterMs: number, settings: ExportLimitSettings): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const message = {
    running:
      settings.atOnce === 1
        ? "An export of yours is still running. Wait until it has finished, then try again."
        : `${settings.atOnce} exports of yours are still running. Wait until one has finished, then try again.`,
    rate: `You started ${settings.perMinute} export${settings.perMinute === 1 ? "" : "s"} within the last minute. Try again in ${retryAfterSeconds} s.`,
    busy: "The server is busy with other exports. Try again in a few seconds.",
  }[reason];
  return new AppError("TOO_MANY_REQUESTS", message, { details: { retryAfterSeconds } });
}
