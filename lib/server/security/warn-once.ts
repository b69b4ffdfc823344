import "server-only";
import { log } from "../log";

/** Past this many distinct keys a flood of odd inputs is summed up in one last line. */
const MAX_KEYS = 1000;
const seen = new Set<string>();
let isSaturated = false;

/**
 * Logs a warning the first time `key` is seen in this process, and never
 * again: a client (or an attacker) repeating a bad cookie, header or
 * parameter on every request must not turn the log into the outage
 * (examples/000: logging stack traces amplified the load).
 */
export function warnOnce(key: string, message: string, context: Record<string, unknown> = {}): void {
  if (seen.has(key)) return;
  if (seen.size >= MAX_KEYS) {
    if (!isSaturated) log.warn("Ignored more malformed request inputs; no longer logging new kinds", { distinctKinds: MAX_KEYS });
    isSaturated = true;
    return;
  }
  seen.add(key);
  log.warn(message, context);
}

/** For tests: forget what was logged. */
export function resetWarnOnce(): void {
  seen.clear();
  isSaturated = false;
}
