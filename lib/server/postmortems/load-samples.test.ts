import { describe, expect, it } from "vitest";
import { giveTestFileFreshDatabase } from "@/lib/server/testing/fresh-database";

giveTestFileFreshDatabase();
const { loadSamplePostmortems, listPostmortems, listRevisions } = await import("@/lib/server/postmortems");

describe("loadSamplePostmortems", () => {
  it("fills an empty library with the samples, each with its first revision", async () => {
    const created = await loadSamplePostmortems();
    expect(created.map((doc) => doc.slug)).toEqual([
      "public-api-unreachable-after-a-tls-certificate-expired",
      "stale-account-balances-from-replica-lag-during-a-bulk-import",
      "internal-services-failed-to-resolve-each-other-after-a-dns-cache-change",
    ]);
    expect((await listPostmortems({ page: 1, perPage: 20 })).total).toBe(3);
    expect(await listRevisions({ slug: created[0].slug })).toMatchObject([{ version: 1, authorName: "Hindsight samples", summary: "Created" }]);
  });
});
