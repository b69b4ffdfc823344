// Two production servers on one SQLite file, hit at the same moment: the
// same title created from both (unique slugs, none lost), the same version
// saved from both (exactly one wins, no lost update), and a mixed burst of
// reads and read-modify-write loops (no 5xx, every increment kept). Every
// request carries `headers`: an admin's API token (the API answers 401 without).
import Database from "better-sqlite3";
import { readFileSync } from "node:fs";
import path from "node:path";
import { tally } from "./checks.mjs";
import { jsonRequest, request } from "./server-process.mjs";
import { root } from "./steps.mjs";

/** The e2e suite's full sample postmortem, without its slug. */
export function sampleDocument(overrides = {}) {
  const document = JSON.parse(readFileSync(path.join(root, "e2e", "fixtures", "full-postmortem.json"), "utf8"));
  delete document.slug;
  return { ...document, ...overrides };
}

/** The content fields of a stored document (what a save replaces), for comparing two reads. */
function content(document) {
  const { version: _version, createdAt: _created, updatedAt: _updated, ...rest } = document;
  return rest;
}

function rowsOf(file, sql, ...params) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params);
  } finally {
    db.close();
  }
}

/** Creates `count` postmortems titled `title` at once, alternating servers; checks every one got its own slug. */
async function raceCreates({ servers, file, title, count, round, checks, headers }) {
  const responses = await Promise.all(
    Array.from({ length: count }, (_, i) => jsonRequest(`${servers[i % 2].url}/api/postmortems`, "POST", sampleDocument({ title }), headers)),
  );
  const statuses = responses.map((r) => r.status);
  const oddities = responses.filter((r) => r.status !== 201).map((r) => r.error ?? JSON.stringify(r.body).slice(0, 200));
  checks.check(
    `round ${round}: ${count} simultaneous creates of one title all answer 201`,
    statuses.every((s) => s === 201),
    [tally(statuses), ...new Set(oddities)].join("; "),
  );
  const slugs = responses.filter((r) => r.status === 201).map((r) => r.body.slug);
  const distinct = new Set(slugs);
  checks.check(
    `round ${round}: every created slug is present and unique`,
    slugs.every((slug) => typeof slug === "string" && slug.length > 0) && distinct.size === slugs.length,
    `${distinct.size} distinct of ${slugs.length}`,
  );
  const stored = rowsOf(
    file,
    `SELECT p.slug, p.version, p.status, (SELECT count(*) FROM Revision r WHERE r.postmortemId = p.id) AS revisions
     FROM Postmortem p WHERE p.slug IN (SELECT value FROM json_each(?))`,
    JSON.stringify(slugs),
  );
  checks.check(
    `round ${round}: the database holds each created postmortem once, at version 1 with one revision, as a draft`,
    stored.length === slugs.length && stored.every((row) => Number(row.version) === 1 && Number(row.revisions) === 1 && row.status === "draft"),
    `${stored.length} rows; statuses ${tally(stored.map((row) => row.status))}`,
  );
  return responses.find((r) => r.status === 201)?.body;
}

/** Saves `target` (read at its version) `writers` times at once from both servers, each with different content. */
async function raceSaves({ servers, file, target, writers, round, checks, headers, signer }) {
  const drafts = Array.from({ length: writers }, (_, i) => ({
    ...content(target),
    version: target.version,
    summary: `Writer ${i} of round ${round} saved this.`,
    impactFigures: { ...target.impactFigures, usersAffected: 1000 + i },
  }));
  // X-Hindsight-Author is gone: a revision is signed by the token's owner, whatever a header says.
  const responses = await Promise.all(
    drafts.map((draft, i) => jsonRequest(`${servers[i % 2].url}/api/postmortems/${target.slug}`, "PUT", draft, { ...headers, "x-hindsight-author": `Writer ${i}` })),
  );
  const statuses = responses.map((r) => r.status);
  const winners = responses.filter((r) => r.status === 200);
  const losers = responses.filter((r) => r.status === 409);
  checks.check(
    `round ${round}: ${writers} simultaneous saves of version ${target.version}: exactly one 200, the rest 409`,
    winners.length === 1 && losers.length === writers - 1,
    tally(statuses),
  );
  checks.check(
    `round ${round}: every 409 carries the current document (the winner's)`,
    winners.length === 1 && losers.every((r) => r.body?.error?.code === "CONFLICT" && r.body?.current?.version === winners[0].body.version),
  );
  if (winners.length !== 1) return;
  const winner = winners[0].body;
  const reread = await request(`${servers[1].url}/api/postmortems/${target.slug}`, { headers });
  checks.check(
    `round ${round}: the other server reads exactly the winner's document`,
    reread.status === 200 && JSON.stringify(content(reread.body)) === JSON.stringify(content(winner)) && reread.body.version === target.version + 1,
    `version ${reread.body?.version}, ${reread.body?.summary}`,
  );
  const revisions = rowsOf(
    file,
    `SELECT r.version, r.summary, r.authorName FROM Revision r JOIN Postmortem p ON p.id = r.postmortemId WHERE p.slug = ? ORDER BY r.version`,
    target.slug,
  );
  checks.check(
    `round ${round}: one revision per committed save (created + 1)`,
    revisions.length === 2 && Number(revisions[1].version) === target.version + 1,
    `${revisions.length} revisions`,
  );
  checks.check(
    `round ${round}: the saved revision is signed by the token's owner, not by the X-Hindsight-Author header`,
    revisions[1]?.authorName === signer,
    `signed "${revisions[1]?.authorName}"`,
  );
}

/**
 * Read-modify-write loops on one postmortem from both servers, with reads,
 * lists and searches in between: a 409 means "read again and retry", so every
 * increment must land, and nothing may answer 5xx.
 */
async function mixedBurst({ servers, file, target, writers, increments, marker, checks, headers }) {
  const failures = [];
  const note = (response, what) => {
    if (response.status === 0 || response.status >= 500) failures.push(`${what}: ${response.status} ${response.error ?? JSON.stringify(response.body).slice(0, 200)}`);
  };
  let conflicts = 0;
  const writer = async (w) => {
    const server = servers[w % 2];
    for (let done = 0; done < increments; ) {
      const read = await request(`${server.url}/api/postmortems/${target.slug}`, { headers });
      note(read, "GET");
      if (read.status !== 200) return;
      const counter = read.body.impactFigures.requestsFailed ?? 0;
      const draft = { ...content(read.body), version: read.body.version, impactFigures: { ...read.body.impactFigures, requestsFailed: counter + 1 } };
      const saved = await jsonRequest(`${server.url}/api/postmortems/${target.slug}`, "PUT", draft, headers);
      note(saved, "PUT");
      if (saved.status === 200) done++;
      else if (saved.status === 409) conflicts++;
      else return;
    }
  };
  const reader = async (r) => {
    const server = servers[r % 2];
    for (let i = 0; i < increments; i++) {
      note(await request(`${server.url}/api/postmortems?perPage=5`, { headers }), "GET list");
      note(await request(`${server.url}/api/search?q=${marker}`, { headers }), "GET search");
      note(await request(`${server.url}/api/postmortems/${target.slug}/revisions`, { headers }), "GET revisions");
    }
  };
  const before = (await request(`${servers[0].url}/api/postmortems/${target.slug}`, { headers })).body;
  await Promise.all([...Array.from({ length: writers }, (_, w) => writer(w)), ...Array.from({ length: 4 }, (_, r) => reader(r))]);
  checks.check("mixed burst: no request failed or answered 5xx", failures.length === 0, failures.slice(0, 3).join("; ") || `${conflicts} conflicts retried`);
  const after = (await request(`${servers[1].url}/api/postmortems/${target.slug}`, { headers })).body;
  const expected = writers * increments;
  checks.check(
    `mixed burst: all ${expected} read-modify-write increments kept (no lost update)`,
    after.impactFigures.requestsFailed - (before.impactFigures.requestsFailed ?? 0) === expected && after.version - before.version === expected,
    `counter +${after.impactFigures.requestsFailed - (before.impactFigures.requestsFailed ?? 0)}, version +${after.version - before.version}`,
  );
  const [{ revisions }] = rowsOf(file, `SELECT count(*) AS revisions FROM Revision r JOIN Postmortem p ON p.id = r.postmortemId WHERE p.slug = ?`, target.slug);
  checks.check("mixed burst: one revision per committed save", Number(revisions) === after.version, `${revisions} revisions at version ${after.version}`);
}

/** Each server's search sees every postmortem the other one created (its in-memory facet cache follows the file). */
async function crossSearch({ servers, marker, expected, checks, headers }) {
  const totals = await Promise.all(servers.map(async (server) => (await request(`${server.url}/api/search?q=${marker}`, { headers })).body?.total));
  checks.check(`both servers' search finds all ${expected} postmortems`, totals.every((total) => total === expected), `totals ${totals.join(", ")}`);
}

/** The whole two-instance race against `servers` (two, on the same `file`). */
export async function raceTwoInstances({ servers, file, checks, headers, signer, rounds = 2, creates = 40, writers = 20 }) {
  const marker = `racemarker${Date.now().toString(36)}`;
  // One title for every round: past 50 copies it also checks that a busy title still finds a free slug.
  const title = `Checkout outage ${marker}`;
  let target;
  for (let round = 1; round <= rounds; round++) {
    const created = await raceCreates({ servers, file, title, count: creates, round, checks, headers });
    if (created) await raceSaves({ servers, file, target: created, writers, round, checks, headers, signer });
    target = created ?? target;
  }
  await crossSearch({ servers, marker, expected: rounds * creates, checks, headers });
  if (target) await mixedBurst({ servers, file, target, writers: 4, increments: 5, marker, checks, headers });
}
