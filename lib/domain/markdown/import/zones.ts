/** Statements of the zone a document's times are written in: "All times in CET", "(all times UTC)", "Times are PST". */
import { readZone } from "./vocabulary";

const ZONE = String.raw`([A-Za-z][A-Za-z_]*(?:\/[A-Za-z_]+)+|[A-Z]{2,5}\b)`;
const STATEMENTS = [
  new RegExp(String.raw`\ball times(?:\s+(?:are|were|shown|given|listed|below|here|written|quoted))*(?:\s+in)?\s+${ZONE}`, "i"),
  new RegExp(String.raw`\b(?:[Tt]imes?|[Tt]imestamps?)\s+(?:are\s+|shown\s+)?(?:in\s+)?${ZONE}`),
  new RegExp(String.raw`\btime ?zone\s*(?:is|:)\s*${ZONE}`, "i"),
];

export type StatedZone = { zone: string; offset: number } | { zone: null; unknown: string; offset: number };

/** The first zone statement in a text, with the zone it names (null when it names none Hindsight knows). */
export function findStatedZone(text: string): StatedZone | null {
  let found: StatedZone | null = null;
  for (const [index, pattern] of STATEMENTS.entries()) {
    const match = pattern.exec(text);
    if (!match || (found && found.offset <= match.index)) continue;
    const name = match[1];
    const zone = readZone(name);
    // "All times are approximate" names no zone; only words that look like one are worth a warning.
    if (zone) found = { zone, offset: match.index };
    // "3 times in AWS" is no statement: the loose pattern counts only zones it knows.
    else if (index !== 1 && /^[A-Z]{2,5}$|\//.test(name)) found = { zone: null, unknown: name, offset: match.index };
  }
  return found;
}

/** True when a paragraph only states the zone ("All times Europe/Berlin.", "(all times UTC)"). */
export function isZoneStatement(text: string): boolean {
  const trimmed = text.trim().replace(/^\(|\)?\.?$/g, "").trim();
  const stated = findStatedZone(trimmed);
  return stated !== null && stated.zone !== null && stated.offset === 0 && trimmed.split(/\s+/).length <= 6;
}
