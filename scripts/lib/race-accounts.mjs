// People and access seen from outside (issue 14, decisions 020 and 021): the
// accounts every race-test database gets through the operator's CLI, and the
// checks that the answer cache in front of Next never serves one person's
// answer to another, that credentials revoked, disabled, signed out or
// expired stop working at once although their answers were cached, that a
// public URL limits the host names answered, and that HOST limits the
// address listened on.
import Database from "better-sqlite3";
import { copyFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import http from "node:http";
import { addPerson, bearer, createToken, jsonRequest, request, revokeToken, runCli, signIn, startServer, waitUntilAnswering } from "./server-process.mjs";
import { migrate } from "./steps.mjs";

/** The race test's people (test data only). Names and emails are unusual enough to be looked for in a page. */
export const RACE_PEOPLE = {
  admin: { email: "race-admin@example.test", name: "Rosalind Raceadmin", role: "admin", password: "kettle-harbor-quince-5821" },
  viewer: { email: "race-viewer@example.test", name: "Vikram Raceviewer", role: "viewer", password: "lantern-meadow-sprocket-3307" },
};

/**
 * A migrated database at `file` with the race test's people (added with
 * `hindsight user add`) and an API token for each (`hindsight token create`),
 * checkpointed so that copies of the file alone are whole. Resolves the
 * accounts every check uses: { people, tokens: { admin, viewer } }.
 */
export async function prepareAccountsTemplate(file) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
  const databaseUrl = `file:${file}`;
  migrate(databaseUrl);
  // Side by side: each CLI run is mostly seconds of start-up (tsx), and SQLite takes their writes in turn.
  await Promise.all(Object.values(RACE_PEOPLE).map((person) => addPerson({ databaseUrl, ...person })));
  const made = await Promise.all(Object.entries(RACE_PEOPLE).map(async ([role, person]) => [role, (await createToken({ databaseUrl, email: person.email, name: `race ${role}` })).token]));
  const tokens = Object.fromEntries(made);
  const db = new Database(file);
  try {
    db.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    db.close();
  }
  return { people: RACE_PEOPLE, tokens };
}

/** A copy of the accounts template at `file` (the database, people and tokens, nothing else). */
export function copyTemplate(template, file) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
  copyFileSync(template, file);
  return file;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** GET `path` with `headers`, redirects not followed: { status, cache (X-Hindsight-Cache), location, body }. */
async function get(server, path, headers = {}) {
  const answer = await request(`${server.url}${path}`, { headers, redirect: "manual" });
  return {
    status: answer.status,
    cache: answer.headers?.get("x-hindsight-cache") ?? "none",
    location: answer.headers?.get("location") ?? "",
    body: answer.body,
    error: answer.error,
  };
}

/**
 * Asks until the answer cache serves `path` to `headers` (a hit), at most
 * `tries` times: the first request renders, and one that is a credential's
 * first use writes its last-use time (a commit, which empties the cache), so
 * a hit may take three. Resolves the hit, or the last answer.
 */
async function untilHit(server, path, headers, tries = 6) {
  let answer;
  for (let i = 0; i < tries; i++) {
    answer = await get(server, path, headers);
    if (answer.cache === "hit" || answer.status !== 200) return answer;
  }
  return answer;
}

const text = (answer) => (typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body ?? answer.error ?? ""));
const describe = (answer) => `${answer.status} (${answer.cache})${answer.location ? ` → ${answer.location}` : ""}`;
const isLoginRedirect = (answer) => answer.status >= 300 && answer.status < 400 && answer.location.includes("/login");

/** Prisma keeps DateTimes in SQLite as ISO text with +00:00; writes an expiry in the same form. */
function setExpiry(file, table, where, value, at) {
  const db = new Database(file);
  try {
    db.pragma("busy_timeout = 10000");
    const changed = db.prepare(`UPDATE "${table}" SET "expiresAt" = ? WHERE "${where}" = ?`).run(new Date(at).toISOString().replace("Z", "+00:00"), value).changes;
    if (changed !== 1) throw new Error(`No ${table} row with ${where} = ${value.slice(0, 12)}…`);
  } finally {
    db.close();
  }
}

/** The session token inside a session cookie header ("name=token.signature", URL-encoded). */
const sessionTokenOf = (cookie) => decodeURIComponent(cookie.slice(cookie.indexOf("=") + 1)).split(".")[0];

/**
 * (a) and (b): one worker of `npm start` (so that a repeated request is
 * certain to reach the cache that holds its answer) on a copy of the template.
 */
export async function checkAnswersPerPerson({ port, file, checks, accounts }) {
  const databaseUrl = `file:${file}`;
  const { admin, viewer } = accounts.people;
  const server = startServer({ port, workers: 1, env: { DATABASE_URL: databaseUrl } });
  try {
    await waitUntilAnswering(server);
    const adminToken = bearer(accounts.tokens.admin);
    const viewerToken = bearer(accounts.tokens.viewer);
    // Tokens made for this group: one to revoke, one to expire; sessions from the login endpoint.
    const revocable = await createToken({ databaseUrl, email: admin.email, name: "race: revoked while cached" });
    const expiring = await createToken({ databaseUrl, email: admin.email, name: "race: expires while cached" });
    const adminCookie = { cookie: await signIn(server, admin) };
    const viewerCookie = { cookie: await signIn(server, viewer) };
    const expiringCookie = { cookie: await signIn(server, admin) };

    const marker = `cachemarker${Date.now().toString(36)}`;
    const open = await jsonRequest(`${server.url}/api/postmortems`, "POST", { title: `Open incident ${marker}` }, adminToken);
    const restricted = await jsonRequest(`${server.url}/api/postmortems`, "POST", { title: `Restricted incident ${marker}`, restricted: true, members: [] }, adminToken);
    checks.check("an admin's token creates postmortems (201, as drafts)", open.status === 201 && restricted.status === 201 && open.body?.status === "draft", `${open.status}, ${restricted.status}; ${open.body?.status}`);
    const hasRestricted = restricted.body?.restricted === true;
    const restrictedSlug = hasRestricted ? restricted.body.slug : null;

    const PAGE = `/?q=${marker}`;
    const SEARCH = `/api/search?q=${marker}`;
    const everyone = [adminCookie, viewerCookie, adminToken, viewerToken, bearer(revocable.token), bearer(expiring.token), expiringCookie];
    // First uses write last-use times (commits); after this, reading is only reading.
    for (const headers of everyone) for (const path of [PAGE, SEARCH]) await get(server, path, headers);

    // (a) Different people, different answers, each from the cache.
    const adminPage = await untilHit(server, PAGE, adminCookie);
    checks.check(
      "an admin's page is served again from the cache (hit), with their name and their role's links",
      adminPage.cache === "hit" && text(adminPage).includes(admin.email) && text(adminPage).includes(admin.name) && text(adminPage).includes("New postmortem"),
      describe(adminPage),
    );
    const viewerPage = await untilHit(server, PAGE, viewerCookie);
    checks.check(
      "a viewer asking for the same address gets their own page, never the admin's cached one",
      viewerPage.status === 200 && text(viewerPage).includes(viewer.email) && !text(viewerPage).includes(admin.email) && !text(viewerPage).includes("New postmortem"),
      `${describe(viewerPage)}; admin's email in it: ${text(viewerPage).includes(admin.email)}`,
    );
    const adminAgain = await get(server, PAGE, adminCookie);
    checks.check(
      "…while the admin's page stayed in the cache (both served from it, each to its own person)",
      adminAgain.cache === "hit" && viewerPage.cache === "hit" && text(adminAgain).includes(admin.email) && !text(adminAgain).includes(viewer.email),
      `admin ${describe(adminAgain)}, viewer ${describe(viewerPage)}`,
    );
    const anonymousPage = await get(server, PAGE);
    checks.check(
      "an anonymous request for the cached address is sent to /login, not served a page",
      isLoginRedirect(anonymousPage) && anonymousPage.cache !== "hit" && !text(anonymousPage).includes(admin.email),
      describe(anonymousPage),
    );
    const forged = await get(server, PAGE, { cookie: `hindsight.session_token=${encodeURIComponent(`${sessionTokenOf(adminCookie.cookie)}.${Buffer.alloc(32).toString("base64")}`)}` });
    checks.check(
      "the admin's session id with a forged signature is sent to /login",
      isLoginRedirect(forged) && !text(forged).includes(admin.email),
      describe(forged),
    );

    const adminSearch = await untilHit(server, SEARCH, adminToken);
    const viewerSearch = await untilHit(server, SEARCH, viewerToken);
    const anonymousSearch = await get(server, SEARCH);
    checks.check(
      "/api/search: the admin's answer is cached (hit), and an anonymous request gets 401, not it",
      adminSearch.cache === "hit" && adminSearch.status === 200 && anonymousSearch.status === 401 && anonymousSearch.cache !== "hit",
      `admin ${describe(adminSearch)}, anonymous ${describe(anonymousSearch)}`,
    );
    if (hasRestricted) {
      const slugsOf = (answer) => JSON.stringify(answer.body ?? "");
      checks.check(
        "a restricted postmortem is in the admin's cached search and page, and in neither of the viewer's",
        slugsOf(adminSearch).includes(restrictedSlug) &&
          text(adminPage).includes(restrictedSlug) &&
          viewerSearch.status === 200 &&
          !slugsOf(viewerSearch).includes(restrictedSlug) &&
          slugsOf(viewerSearch).includes(open.body.slug) &&
          !text(viewerPage).includes(restrictedSlug),
        `admin total ${adminSearch.body?.total}, viewer total ${viewerSearch.body?.total} (${describe(viewerSearch)})`,
      );
      const viewerOpensIt = await get(server, `/api/postmortems/${restrictedSlug}`, viewerToken);
      checks.check("the viewer gets 404 for the restricted postmortem itself", viewerOpensIt.status === 404, describe(viewerOpensIt));
    } else {
      checks.skip("a restricted postmortem is in the admin's cached search and page, and in neither of the viewer's", "this build does not keep `restricted` on a created postmortem yet");
    }

    // (b) Credentials that stop holding stop getting cached answers at once.
    const revocableSearch = await untilHit(server, SEARCH, bearer(revocable.token));
    const revocablePage = await untilHit(server, PAGE, bearer(revocable.token));
    const revoked = await revokeToken({ databaseUrl, id: revocable.id });
    const [searchAfter, pageAfter, meAfter] = [
      await get(server, SEARCH, bearer(revocable.token)),
      await get(server, PAGE, bearer(revocable.token)),
      await get(server, "/api/me", bearer(revocable.token)),
    ];
    checks.check(
      "a token revoked with `hindsight token revoke` gets 401 at once, though its answers were cached",
      revocableSearch.cache === "hit" && revocablePage.cache === "hit" && revoked.status === 0 && searchAfter.status === 401 && meAfter.status === 401 && pageAfter.status !== 200,
      `before: ${describe(revocableSearch)}, ${describe(revocablePage)}; revoke exit ${revoked.status}; after: search ${describe(searchAfter)}, page ${describe(pageAfter)}, /api/me ${meAfter.status}`,
    );
    await checkExpiryWithoutCommit({ server, file, checks, expiring, expiringCookie, witness: adminToken, paths: { PAGE, SEARCH } });

    // Cross-site writes with the session cookie are refused; our own origin and a token are not (item 9).
    const title = { title: `Cross-site ${marker}` };
    const foreign = await jsonRequest(`${server.url}/api/postmortems`, "POST", title, { ...adminCookie, origin: "https://attacker.test" });
    const foreignFetch = await jsonRequest(`${server.url}/api/postmortems`, "POST", title, { ...adminCookie, "sec-fetch-site": "cross-site" });
    const foreignImport = await request(`${server.url}/api/import?create=1`, { method: "POST", headers: { ...adminCookie, origin: "https://attacker.test", "content-type": "text/plain" }, body: `# Imported cross-site ${marker}\n` });
    const own = await jsonRequest(`${server.url}/api/postmortems`, "POST", title, { ...adminCookie, origin: server.url });
    const tokenFromAnywhere = await jsonRequest(`${server.url}/api/postmortems`, "POST", title, { ...adminToken, origin: "https://attacker.test" });
    checks.check(
      "a write carrying the session cookie from another site is refused (403), also as text/plain; from our origin, or with a token, it is not",
      foreign.status === 403 && foreignFetch.status === 403 && foreignImport.status === 403 && own.status === 201 && tokenFromAnywhere.status === 201,
      `foreign Origin ${foreign.status}, Sec-Fetch-Site cross-site ${foreignFetch.status}, text/plain import ${foreignImport.status}; own origin ${own.status}, token ${tokenFromAnywhere.status}`,
    );

    // A viewer may read, not write.
    const viewerWrite = await jsonRequest(`${server.url}/api/postmortems`, "POST", title, viewerToken);
    checks.check("a viewer's token cannot create (403)", viewerWrite.status === 403, `${viewerWrite.status}`);

    // Disabling a person and signing out end cached access at once too.
    await untilHit(server, PAGE, viewerCookie);
    const disabled = await runCli(["user", "disable", viewer.email], { databaseUrl });
    const [viewerPageAfter, viewerSearchAfter] = [await get(server, PAGE, viewerCookie), await get(server, SEARCH, viewerToken)];
    checks.check(
      "a person disabled with `hindsight user disable` loses their cached page and their token's answers at once",
      disabled.status === 0 && isLoginRedirect(viewerPageAfter) && viewerSearchAfter.status === 401,
      `disable exit ${disabled.status}; page ${describe(viewerPageAfter)}, search ${describe(viewerSearchAfter)}`,
    );
    const adminHit = await untilHit(server, PAGE, adminCookie);
    const signOut = await request(`${server.url}/api/auth/sign-out`, { method: "POST", headers: { ...adminCookie, origin: server.url, "content-type": "application/json" }, body: "{}" });
    const afterSignOut = await get(server, PAGE, adminCookie);
    checks.check(
      "after signing out, the session's cached page is no longer served to its cookie",
      adminHit.cache === "hit" && signOut.status === 200 && isLoginRedirect(afterSignOut),
      `before ${describe(adminHit)}; sign-out ${signOut.status}; after ${describe(afterSignOut)}`,
    );
  } finally {
    await server.stop();
  }
}

/**
 * A token and a session whose expiry passes while their answers are cached
 * and nothing is committed: nothing empties the cache, so only the check of
 * their lifetime on every hit (credential-check.mjs) stands between them and
 * the cached answers. Another credential's hit afterwards shows the cache
 * still held everything. The window grows if the machine is too slow to get
 * the hits in before the expiry.
 */
async function checkExpiryWithoutCommit({ server, file, checks, expiring, expiringCookie, witness, paths }) {
  const { PAGE, SEARCH } = paths;
  const tokenHash = (await import("node:crypto")).createHash("sha256").update(expiring.token).digest("hex");
  for (const windowMs of [20_000, 60_000, 150_000]) {
    const expiresAt = Date.now() + windowMs;
    setExpiry(file, "ApiToken", "hash", tokenHash, expiresAt);
    setExpiry(file, "Session", "token", sessionTokenOf(expiringCookie.cookie), expiresAt);
    const tokenHit = await untilHit(server, SEARCH, bearer(expiring.token));
    const sessionHit = await untilHit(server, PAGE, expiringCookie);
    const witnessHit = await untilHit(server, SEARCH, witness);
    if (Date.now() > expiresAt - 2_000) continue;
    await sleep(expiresAt - Date.now() + 1_000);
    const tokenAfter = await get(server, SEARCH, bearer(expiring.token));
    const witnessAfter = await get(server, SEARCH, witness);
    const sessionAfter = await get(server, PAGE, expiringCookie);
    checks.check(
      "a token that expires while its answer is cached, with no commit since, gets 401 (the lifetime is checked on every hit)",
      tokenHit.cache === "hit" && witnessHit.cache === "hit" && tokenAfter.status === 401 && witnessAfter.cache === "hit",
      `before ${describe(tokenHit)}; after expiry ${describe(tokenAfter)}; another token's answer still ${describe(witnessAfter)}`,
    );
    checks.check(
      "a session that expires while its page is cached is sent to /login, not served the page",
      sessionHit.cache === "hit" && isLoginRedirect(sessionAfter),
      `before ${describe(sessionHit)}; after expiry ${describe(sessionAfter)}`,
    );
    return;
  }
  checks.check("expiry while cached: the hits came before the expiry", false, "the machine was too slow to get the answers cached within 150 s");
}

/** A GET with the Host header we choose (fetch sets its own): { status, cache, body }. */
function getWithHost({ port, path, host, headers = {}, address = "127.0.0.1" }) {
  return new Promise((resolve) => {
    const req = http.request({ host: address, port, path, method: "GET", headers: { ...headers, host, connection: "close" }, agent: false }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode, cache: String(response.headers["x-hindsight-cache"] ?? "none"), body }));
    });
    req.setTimeout(60_000, () => req.destroy(new Error("timed out")));
    req.on("error", (error) => resolve({ status: 0, cache: "none", body: error.code ?? error.message }));
    req.end();
  });
}

/** Whether a TCP connection to address:port is accepted (within 5 s). */
function connects(address, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port, timeout: 5_000 });
    socket.on("connect", () => {
      socket.destroy();
      resolve({ ok: true, detail: "connected" });
    });
    socket.on("timeout", () => {
      socket.destroy();
      resolve({ ok: false, detail: "timed out" });
    });
    socket.on("error", (error) => resolve({ ok: false, detail: error.code ?? error.message }));
  });
}

/** The machine's addresses other than loopback (and IPv6 link-local ones, which need a zone). */
function otherAddresses() {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((entry) => entry && !entry.internal && !(entry.family === "IPv6" && entry.address.toLowerCase().startsWith("fe80:")))
    .map((entry) => entry.address);
}

/**
 * (c) and (d): `npm start`'s launcher with HINDSIGHT_PUBLIC_URL and
 * HOST=127.0.0.1. Only the public host name and loopback names are answered
 * (421 otherwise, also for an address whose answer is cached), and nothing
 * listens on the machine's other addresses.
 */
export async function checkHostNamesAndAddress({ port, file, checks, accounts }) {
  const server = startServer({ port, workers: 1, env: { DATABASE_URL: `file:${file}`, HINDSIGHT_PUBLIC_URL: "https://postmortems.example.com", HOST: "127.0.0.1" } });
  try {
    await waitUntilAnswering(server);
    const headers = bearer(accounts.tokens.admin);
    const ask = (host, path, withToken = true) => getWithHost({ port, path, host, headers: withToken ? headers : {} });
    const SEARCH = "/api/search?q=checkout";
    // Loopback names first, until the answer is cached.
    let loopback;
    for (let i = 0; i < 4 && loopback?.cache !== "hit"; i++) loopback = await ask(`127.0.0.1:${port}`, SEARCH);
    const localhost = await ask(`localhost:${port}`, SEARCH);
    const publicName = await ask("postmortems.example.com", SEARCH);
    checks.check(
      "with HINDSIGHT_PUBLIC_URL, Host: 127.0.0.1:<port>, localhost and the public host name are answered",
      loopback.status === 200 && localhost.status === 200 && publicName.status === 200,
      `127.0.0.1 ${loopback.status} (${loopback.cache}), localhost ${localhost.status}, postmortems.example.com ${publicName.status}`,
    );
    const attacker = await Promise.all([ask("attacker.test", SEARCH), ask("attacker.test", "/", false), ask("attacker.test", "/api/health", false), ask(`attacker.test:${port}`, "/api/me")]);
    checks.check(
      "Host: attacker.test gets 421 on the API, pages and health, even for an answer the cache holds for 127.0.0.1",
      loopback.cache === "hit" && attacker.every((answer) => answer.status === 421 && answer.cache !== "hit") && attacker[0].body.includes("MISDIRECTED"),
      attacker.map((answer) => `${answer.status} (${answer.cache})`).join(", "),
    );

    const addresses = otherAddresses();
    if (addresses.length === 0) {
      checks.skip("with HOST=127.0.0.1, nothing answers on the machine's other addresses", "this machine has only loopback addresses");
      return;
    }
    const outcomes = [];
    for (const address of addresses) {
      // A control: something listening on that address is reachable from here, so a refusal means something.
      const control = net.createServer((socket) => socket.destroy());
      const listening = await new Promise((resolve) => {
        control.once("error", () => resolve(false));
        control.listen({ host: address, port: 0 }, () => resolve(true));
      });
      const reachable = listening ? await connects(address, control.address().port) : { ok: false, detail: "could not listen" };
      await new Promise((resolve) => control.close(resolve));
      if (!reachable.ok) {
        outcomes.push({ address, counted: false, detail: `not reachable from here (${reachable.detail}): not counted` });
        continue;
      }
      const hindsight = await connects(address, port);
      outcomes.push({ address, counted: true, ok: !hindsight.ok, detail: `${address}:${port} ${hindsight.detail}` });
    }
    const counted = outcomes.filter((outcome) => outcome.counted);
    if (counted.length === 0) {
      checks.skip("with HOST=127.0.0.1, nothing answers on the machine's other addresses", outcomes.map((outcome) => `${outcome.address}: ${outcome.detail}`).join("; "));
      return;
    }
    const onLoopback = await connects("127.0.0.1", port);
    checks.check(
      "with HOST=127.0.0.1, the server is reachable on 127.0.0.1 and refuses connections on the machine's other addresses",
      onLoopback.ok && counted.every((outcome) => outcome.ok),
      [`127.0.0.1:${port} ${onLoopback.detail}`, ...outcomes.map((outcome) => outcome.detail)].join("; "),
    );
  } finally {
    await server.stop();
  }
}
