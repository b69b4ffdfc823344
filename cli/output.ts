import { isAppError } from "@/lib/domain/errors";
import type { PostmortemSummary } from "@/lib/schemas/postmortem";

/** An error as the CLI prints it: the message, then one line per invalid field. */
export function formatFailure(error: unknown): string {
  if (isAppError(error)) {
    // A field line that only repeats the message ("Use at least 12 characters…") is left out.
    const fields = Object.entries(error.fields ?? {})
      .filter(([, messages]) => messages.join("; ") !== error.message)
      .map(([field, messages]) => `  ${field}: ${messages.join("; ")}`);
    return [`hindsight: ${error.message}`, ...fields, ""].join("\n");
  }
  const message = error instanceof Error ? error.message : String(error);
  return `hindsight: ${message}\n`;
}

/** A plain-text table of postmortems for the terminal. */
export function formatList(items: PostmortemSummary[], total: number, page: number, totalPages: number): string {
  if (items.length === 0) return "No postmortems yet. Create one with: npx hindsight create FILE.json\n";
  const rows = items.map((item) => [
    item.severity ?? "—",
    item.status,
    item.incidentDate ?? item.createdAt.slice(0, 10),
    item.slug,
    item.title,
  ]);
  const header = ["SEV", "STATUS", "DATE", "SLUG", "TITLE"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]))).join("  ");
  return [line(header), ...rows.map(line), "", `Page ${page} of ${totalPages} · ${total} postmortem${total === 1 ? "" : "s"}`, ""].join("\n");
}

/** Rows as aligned columns (two spaces apart; the last column is not padded). */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]))).join("  ");
  return [line(header), ...rows.map(line), ""].join("\n");
}
