// kill -9 of the server in the middle of a bulk import: afterwards the file
// must pass SQLite's integrity check and every postmortem in it must be whole
// (its revision, its search document, as many child rows as its snapshot),
// every import that was acknowledged must be there, and a new server must
// serve the file as if nothing happened. Requests carry `headers` (an
// editor's or admin's API token).
import Database from "better-sqlite3";
import { request, startServer, waitUntilAnswering } from "./server-process.mjs";

/** A large Markdown postmortem (~150 kB: hundreds of timeline lines, many sections), different per `n`. */
export function bigMarkdown(n, { events = 200, sections = 20 } = {}) {
  const timeline = Array.from({ length: events }, (_, i) => {
    const minutes = i % 1440;
    const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
    return `- **${time}** Import ${n}, event ${i}: the payment queue consumer lagged by ${i * 3} messages while the broker rebalanced partitions.`;
  });
  const extra = Array.from(
    { length: sections },
    (_, i) => `## Appendix ${i + 1}\n\n${`Notes ${n}.${i} on queue depth, consumer lag and broker partition balance during the rebalance. `.repeat(20)}`,
  );
  return [
    `# Payment queue stalled during broker rebalance (import ${n})`,
    "",
    `Queue consumers stalled for 40 minutes while the broker rebalanced. Import ${n} of the crash test.`,
    "",
    "## Timeline",
    "",
    "All times UTC.",
    "",
    "### Thu, 14 Mar 2024",
    "",
    ...timeline,
    "",
    "## Root cause",
    "",
    "Rebalancing moved every partition at once, so every consumer restarted together.",
    "",
    "## Contributing factors",
    "",
    "- Rebalances were not staggered.",
    "- Consumer lag had no alert.",
    "",
    "## Corrective actions",
    "",
    "- [ ] Stagger partition moves — Owner: Platform team",
    "- [ ] Alert on consumer lag over five minutes",
    "",
    ...extra,
  ].join("\n");
}

/** Every way a postmortem row could be half-written, as SQL over the whole file: one row per problem. */
const INCOMPLETE_POSTMORTEMS = `
  WITH latest AS (
    SELECT p.id, p.slug, p.version, r.snapshot
    FROM Postmortem p LEFT JOIN Revision r ON r.postmortemId = p.id AND r.version = p.version
  )
  SELECT slug, 'no revision for its current version' AS problem FROM latest WHERE snapshot IS NULL
  UNION ALL
  SELECT slug, 'no search document' FROM latest l WHERE NOT EXISTS (SELECT 1 FROM SearchDocument s WHERE s.id = l.id)
  UNION ALL
  SELECT slug, 'child rows differ from its snapshot' FROM latest l WHERE snapshot IS NOT NULL AND (
       (SELECT count(*) FROM TimelineEvent c WHERE c.postmortemId = l.id) != json_array_length(snapshot, '$.timeline')
    OR (SELECT count(*) FROM PostmortemService c WHERE c.postmortemId = l.id) != json_array_length(snapshot, '$.services')
    OR (SELECT count(*) FROM PostmortemTag c WHERE c.postmortemId = l.id) != json_array_length(snapshot, '$.tags')
    OR (SELECT count(*) FROM PostmortemAuthor c WHERE c.postmortemId = l.id) != json_array_length(snapshot, '$.authors')
    OR (SELECT count(*) FROM Why c WHERE c.postmortemId = l.id) != json_array_length(snapshot, '$.rootCause.whys')
    OR (SELECT count(*) FROM ContributingFactor c WHERE c.postmortemId = l.id) != json_array_length(snapshot, '$.contributingFactors')
    OR (SELECT count(*) FROM CorrectiveAction c WHERE c.postmortemId = l.id) != json_array_length(snapshot, '$.correctiveActions')
    OR (SELECT count(*) FROM Section c WHERE c.postmortemId = l.id) != json_array_length(snapshot, '$.sections'))
`;

/** Opens the file after the crash (as the next server would: recovering the WAL) and lists what is wrong with it. */
export function inspectAfterCrash(file) {
  const db = new Database(file, { fileMustExist: true });
  try {
    return {
      integrity: db.pragma("integrity_check", { simple: true }),
      foreignKeyProblems: db.pragma("foreign_key_check").length,
      incomplete: db.prepare(INCOMPLETE_POSTMORTEMS).all(),
      slugs: new Set(db.prepare("SELECT slug FROM Postmortem").pluck().all()),
      notDrafts: db.prepare("SELECT slug, status FROM Postmortem WHERE status != 'draft'").all(),
      revisions: db.prepare("SELECT count(*) FROM Revision").pluck().get(),
    };
  } finally {
    db.close();
  }
}

/**
 * Imports big postmortems through `workers` parallel streams and kills the
 * server with SIGKILL once `killAfter` were acknowledged: the streams keep
 * requests in flight, so the kill lands in the middle of writes.
 */
export async function killDuringImport({ port, file, checks, headers, workers = 4, killAfter = 6, limit = 60 }) {
  const env = { DATABASE_URL: `file:${file}` };
  const server = startServer({ port, env });
  await waitUntilAnswering(server);
  const acknowledged = [];
  const outcomes = [];
  let killed = false;
  let sent = 0;
  const stream = async () => {
    while (!killed && sent < limit) {
      const n = sent++;
      if (acknowledged.length >= killAfter && !killed) {
        killed = true;
        // SIGKILL a few milliseconds after this import is sent: no handler runs,
        // no transaction gets to finish or roll back. (Killing right after a 201
        // let a quiet machine finish every other import first.)
        setTimeout(() => server.kill("SIGKILL"), 15);
      }
      const response = await request(`${server.url}/api/import?create=1&fileName=crash-${n}.md`, {
        method: "POST",
        headers: { ...headers, "content-type": "text/markdown" },
        // Every other file says it is published: an import starts as a draft whatever its front matter says.
        body: n % 2 ? `---\nstatus: published\n---\n\n${bigMarkdown(n)}` : bigMarkdown(n),
      });
      outcomes.push(response.status);
      if (response.status !== 201) continue;
      // The kill can cut a 201's body short: the import was committed, but its slug is unknown.
      acknowledged.push(response.body?.document?.slug ?? null);
    }
  };
  await Promise.all(Array.from({ length: workers }, stream));
  await server.exited;
  checks.check("kill -9 landed while imports were still in flight", killed && outcomes.includes(0), `${acknowledged.length} acknowledged, ${outcomes.filter((s) => s === 0).length} cut off`);

  const after = inspectAfterCrash(file);
  checks.check("after kill -9: PRAGMA integrity_check is ok", after.integrity === "ok", after.integrity);
  checks.check("after kill -9: no foreign key points nowhere", after.foreignKeyProblems === 0, `${after.foreignKeyProblems} problems`);
  checks.check(
    "after kill -9: every postmortem is whole (revision, search document, children as in its snapshot)",
    after.incomplete.length === 0,
    after.incomplete.length ? after.incomplete.slice(0, 3).map((row) => `${row.slug}: ${row.problem}`).join("; ") : `${after.slugs.size} postmortems checked`,
  );
  const lost = acknowledged.filter((slug) => slug !== null && !after.slugs.has(slug));
  checks.check(
    "after kill -9: every acknowledged import is stored",
    lost.length === 0 && after.slugs.size >= acknowledged.length,
    lost.length ? `lost ${lost.join(", ")}` : `${acknowledged.length} acknowledged, ${after.slugs.size} stored`,
  );

  checks.check(
    "after kill -9: every import is a draft, also those whose front matter says published",
    after.notDrafts.length === 0,
    after.notDrafts.length ? after.notDrafts.slice(0, 3).map((row) => `${row.slug}: ${row.status}`).join("; ") : `${after.slugs.size} drafts`,
  );

  const restarted = startServer({ port, env });
  try {
    await waitUntilAnswering(restarted);
    const health = await request(`${restarted.url}/api/health`);
    const list = await request(`${restarted.url}/api/postmortems?perPage=100`, { headers });
    checks.check(
      "after kill -9: a new server on the file is healthy and lists every stored postmortem",
      health.status === 200 && list.status === 200 && list.body.total === after.slugs.size,
      `health ${health.status}, listed ${list.body?.total} of ${after.slugs.size}`,
    );
  } finally {
    await restarted.stop();
  }
}
