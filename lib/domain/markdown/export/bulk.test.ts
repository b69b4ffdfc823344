import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { renderExportFiles, renderMarkdown, zipExportFiles } from "./index";
import { documentFrom } from "./test-document";

const first = documentFrom({ title: "db-prod-3 outage", incidentDate: "2024-05-01", status: "published" });
const second = documentFrom({ title: "The database outage", incidentDate: "2024-05-01", status: "published" });

describe("renderExportFiles", () => {
  it("gives one file per postmortem, named by day and slug", () => {
    expect(renderExportFiles([first, second]).map((file) => file.name)).toEqual(["2024-05-01-db-prod-3-outage.md", "2024-05-01-the-database-outage.md"]);
  });

  it("keeps names unique when public replacements make two slugs alike", () => {
    const files = renderExportFiles([first, second], { isPublic: true, replacements: [{ from: "db-prod-3", to: "the database" }] });
    expect(files.map((file) => file.name)).toEqual(["2024-05-01-the-database-outage.md", "2024-05-01-the-database-outage-2.md"]);
    expect(files[0].markdown).toBe(renderMarkdown(first, { isPublic: true, replacements: [{ from: "db-prod-3", to: "the database" }] }));
  });
});

describe("zipExportFiles", () => {
  it("zips the files with their names and UTF-8 contents", () => {
    const files = [{ name: "2024-05-01-a.md", markdown: "# Zürich – ✓\n" }, { name: "2024-05-02-b.md", markdown: "b\n" }];
    const unzipped = unzipSync(zipExportFiles(files));
    expect(Object.keys(unzipped)).toEqual(["2024-05-01-a.md", "2024-05-02-b.md"]);
    expect(strFromU8(unzipped["2024-05-01-a.md"])).toBe("# Zürich – ✓\n");
    expect(Object.keys(unzipSync(zipExportFiles([])))).toEqual([]);
  });
});
