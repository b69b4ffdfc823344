/** Runs once when the server starts: a bad setting stops it with a message naming the setting. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { ConfigError, getConfig } = await import("./lib/server/config");
  try {
    getConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`\nHindsight cannot start. ${error.message}\n\nSee README.md › Configuration (and .env.example).\n`);
    process.exit(1);
  }
}
