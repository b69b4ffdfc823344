import "server-only";
import { ConfigError, getConfig } from "./config";

/** Validates the settings; on a bad one, prints which and why, and stops the process. */
export function checkConfigAtStart(): void {
  try {
    getConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`\nHindsight cannot start. ${error.message}\n\nSee README.md › Configuration (and .env.example).\n`);
    process.exit(1);
  }
}
