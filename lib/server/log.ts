import "server-only";
import { getConfig } from "./config";

const LEVELS = ["debug", "info", "warn", "error"] as const;
type Level = (typeof LEVELS)[number];

/** Structured one-line logs on stderr, filtered by HINDSIGHT_LOG_LEVEL. */
function write(level: Level, message: string, context: Record<string, unknown> = {}) {
  let threshold: Level = "info";
  try {
    threshold = getConfig().HINDSIGHT_LOG_LEVEL;
  } catch {
    // A broken configuration is reported elsewhere; logging must still work.
  }
  if (LEVELS.indexOf(level) < LEVELS.indexOf(threshold)) return;
  const line = { time: new Date().toISOString(), level, message, ...context };
  process.stderr.write(`${JSON.stringify(line, errorReplacer)}\n`);
}

function errorReplacer(_key: string, value: unknown) {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

export const log = {
  debug: (message: string, context?: Record<string, unknown>) => write("debug", message, context),
  info: (message: string, context?: Record<string, unknown>) => write("info", message, context),
  warn: (message: string, context?: Record<string, unknown>) => write("warn", message, context),
  error: (message: string, context?: Record<string, unknown>) => write("error", message, context),
};
