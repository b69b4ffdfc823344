import { stringify } from "yaml";

/**
 * Keys and values as front matter lines. YAML 1.1, so that strings Ruby's or
 * Go's YAML would read as booleans or dates ("yes", "2024-03-14") are
 * quoted; long values are never folded.
 */
export function yamlOf(fields: Record<string, unknown>): string {
  return stringify(fields, { version: "1.1", lineWidth: 0 });
}
