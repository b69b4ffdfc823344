// Validates the environment with the same schema the server uses, so that
// `npm start` stops before migrating when a setting is wrong.
import { ConfigError, parseConfig } from "@/lib/server/config";

try {
  parseConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`\nHindsight cannot start. ${error.message}\n\nSee README.md › Configuration (and .env.example).\n`);
  process.exit(1);
}
