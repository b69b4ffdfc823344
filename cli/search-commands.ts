/** `hindsight search`, `hindsight seed --synthetic N` and `hindsight reindex`. */
import { SEARCH_FIELD_LABELS } from "@/lib/domain/search/search-document";
import { formatParts, type TextPart } from "@/lib/domain/search/snippet";
import { parseSearchParams, type SearchResponse } from "@/lib/schemas/search";
import { seedSyntheticPostmortems } from "@/lib/server/postmortems/seed-synthetic";
import { rebuildSearchIndex, searchPostmortems } from "@/lib/server/search";
import { UsageError } from "./usage-error";

export type SearchFlags = {
  severity?: string;
  status?: string;
  service?: string;
  tag?: string;
  factor?: string;
  action?: string;
  from?: string;
  to?: string;
  sort?: string;
  page?: string;
  "per-page"?: string;
  json?: boolean;
  synthetic?: string;
};

type Run = { values: SearchFlags; positionals: string[]; out: NodeJS.WritableStream };

const MAX_SYNTHETIC = 1_000_000;
const numberFormat = new Intl.NumberFormat("en-US");

/** `search "words" [filters]`: the same search as the library page and GET /api/search (filters take comma-separated values). */
export async function runSearch({ values, positionals, out }: Run): Promise<number> {
  if (positionals.length > 1) throw new UsageError('search takes one query: quote it, as in search "token parser"');
  const { json, synthetic: _synthetic, "per-page": perPage, ...filters } = values;
  const request = parseSearchParams({ q: positionals[0] ?? "", perPage, ...filters });
  const response = await searchPostmortems(request);
  out.write(json ? `${JSON.stringify(response, null, 2)}\n` : formatResults(response, Boolean((out as NodeJS.WriteStream).isTTY)));
  return 0;
}

function formatResults(response: SearchResponse, isTerminal: boolean): string {
  const marked = (parts: TextPart[]) => (isTerminal ? formatParts(parts, "\u001b[1;4m", "\u001b[0m") : formatParts(parts));
  const query = response.request.q.trim();
  const lines = [
    `${numberFormat.format(response.total)} postmortem${response.total === 1 ? "" : "s"}${query ? ` match "${query}"` : ""} (${response.timing.totalMs} ms)`,
    "",
  ];
  for (const result of response.results) {
    lines.push(`${(result.severity ?? "—").padEnd(4)}  ${result.status.padEnd(9)}  ${result.date}  ${result.slug}`);
    lines.push(`      ${marked(result.titleParts)}`);
    if (result.snippet) lines.push(`      ${SEARCH_FIELD_LABELS[result.snippet.field]}: ${marked(result.snippet.parts).replace(/\s+/g, " ")}`);
    lines.push("");
  }
  const facet = (name: string, counts: { value: string; count: number }[]) =>
    counts.length ? `  ${name}: ${counts.slice(0, 8).map((c) => `${c.value} ${numberFormat.format(c.count)}`).join(" · ")}` : null;
  const { facets } = response;
  lines.push(
    ...[
      facet("severity", facets.severity),
      facet("status", facets.status),
      facet("service", facets.service),
      facet("tag", facets.tag),
      facet("factor", facets.factor),
      facet("actions", facets.action),
      facet("year", facets.year),
    ].filter((line): line is string => line !== null),
  );
  lines.push("", `Page ${response.request.page} of ${response.totalPages}`, "");
  return lines.join("\n");
}

/** `seed --synthetic N`: adds N realistic synthetic postmortems, with progress on stderr. */
export async function runSeed({ values, out }: Run): Promise<number> {
  const count = Number(values.synthetic);
  if (values.synthetic === undefined || !Number.isInteger(count) || count < 1 || count > MAX_SYNTHETIC) {
    throw new UsageError(`seed needs --synthetic N, a whole number from 1 to ${numberFormat.format(MAX_SYNTHETIC)}`);
  }
  const started = Date.now();
  const progress = (done: number, total: number) => {
    const seconds = (Date.now() - started) / 1000;
    process.stderr.write(`\rSeeding ${numberFormat.format(done)} of ${numberFormat.format(total)} (${Math.floor((100 * done) / total)} %, ${seconds.toFixed(0)} s)`);
  };
  const { created } = await seedSyntheticPostmortems({ count, onProgress: progress });
  process.stderr.write("\n");
  out.write(`Added ${numberFormat.format(created)} synthetic postmortems in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
  return 0;
}

/** `reindex`: writes every postmortem's search document again. */
export async function runReindex({ out }: Run): Promise<number> {
  const started = Date.now();
  const { indexed } = await rebuildSearchIndex({
    onProgress: (done, total) => process.stderr.write(`\rIndexing ${numberFormat.format(done)} of ${numberFormat.format(total)}`),
  });
  process.stderr.write("\n");
  out.write(`Indexed ${numberFormat.format(indexed)} postmortems in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
  return 0;
}
