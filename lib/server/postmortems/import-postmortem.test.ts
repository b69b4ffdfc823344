import { describe, expect, it } from "vitest";
import { giveTestFileFreshDatabase } from "@/lib/server/testing/fresh-database";

giveTestFileFreshDatabase();
const { importPostmortem } = await import("./import-postmortem");
const { getPostmortem } = await import("@/lib/server/postmortems");

const WIKI = `# Search results empty after an index rebuild

Date: 2024-02-10
Authors: Priya Raman

## Timeline (all times UTC)
- 02:00 Nightly rebuild job starts
- 02:20 Alert: search result count dropped to zero

## Action items
- [x] Refuse to publish an empty index (owner: Priya)
`;

describe("importPostmortem", () => {
  it("creates the postmortem it read, with its warnings", async () => {
    const { document, warnings } = await importPostmortem({ text: WIKI, fileName: "search.md", authorName: "Importer" });
    expect(warnings).toEqual([]);
    const stored = await getPostmortem({ slug: document.slug });
    expect(stored).toMatchObject({
      title: "Search results empty after an index rebuild",
      timezone: "UTC",
      incidentDate: "2024-02-10",
      authors: ["Priya Raman"],
      timeline: [{ at: "2024-02-10T02:00:00Z" }, { at: "2024-02-10T02:20:00Z", kind: "alert" }],
      correctiveActions: [{ title: "Refuse to publish an empty index", owner: "Priya", status: "done" }],
    });
  });

  it("derives another slug when the file's own is taken, and says so", async () => {
    const text = "---\ntitle: Imported twice\nslug: imported-twice\n---\n\nSummary.\n";
    const first = await importPostmortem({ text });
    expect(first.document.slug).toBe("imported-twice");
    const second = await importPostmortem({ text });
    expect(second.document.slug).toBe("imported-twice-2");
    expect(second.warnings).toContain('The slug "imported-twice" is taken: saved as "imported-twice-2"');
  });
});
