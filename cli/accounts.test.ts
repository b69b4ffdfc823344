/**
 * `npx hindsight user …` and `npx hindsight token …`, spawned for real on a
 * database they have never seen: people added with a password or an invite
 * link, listed, given another role, disabled and enabled; tokens made (the
 * token alone on the last line), listed and revoked; and the refusals, which
 * create nothing. The commands run in waves, each wave side by side (every
 * command is a process of its own, and a wave touches different rows).
 */
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { verifyPassword } from "better-auth/crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runHindsight, type CliRun as Run } from "./testing/run-hindsight";

const dir = mkdtempSync(path.join(os.tmpdir(), "hindsight-cli-accounts-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PASSWORD = "correct horse battery staple";
const TOKEN = /^hsp_[A-Za-z0-9_-]{43}$/;
const INVITE = /^\/invite\/[A-Za-z0-9_-]{43}$/;

/** The command and a look at what it wrote, on a database of its own (its first command migrates it). */
function onDatabase(name: string) {
  const databaseFile = path.join(dir, name);
  return {
    hindsight(args: string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<Run> {
      // HINDSIGHT_PUBLIC_URL blank (unset) unless a test sets it, whatever the machine's environment says.
      return runHindsight(args, { input: options.input, env: { DATABASE_URL: `file:${databaseFile}`, HINDSIGHT_PUBLIC_URL: "", ...options.env } });
    },
    /** Reads the database the commands wrote, as a second opinion on what they printed. */
    query<T>(sql: string, ...params: unknown[]): T[] {
      const db = new Database(databaseFile, { readonly: true });
      try {
        return db.prepare(sql).all(...params) as T[];
      } finally {
        db.close();
      }
    },
  };
}

/** Runs each command side by side (they touch different rows) and names the results. */
async function all(commands: Record<string, Promise<Run>>): Promise<Record<string, Run>> {
  const entries = await Promise.all(Object.entries(commands).map(async ([name, run]) => [name, await run] as const));
  return Object.fromEntries(entries);
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const lastLine = (run: Run) => run.stdout.trimEnd().split("\n").at(-1) ?? "";
const inviteTokenOf = (run: Run) => lastLine(run).replace(/^.*\/invite\//, "");

type PersonJson = { email: string; name: string; role: string; status: string; signIn: string; disabled: boolean };
type TokenJson = { id: string; name: string; prefix: string; readOnly: boolean; owner: { email: string }; expiresAt: string | null; revokedAt: string | null; status: string };

describe("npx hindsight user and token", () => {
  const { hindsight, query } = onDatabase("accounts.db");
  const storedToken = (token: string) => query<{ readOnly: number; revokedAt: unknown }>(`SELECT readOnly, revokedAt FROM "ApiToken" WHERE hash = ?`, sha256(token));
  let admin: Run;
  let adds: Record<string, Run>;
  let changes: Record<string, Run>;
  let lists: Record<string, Run>;
  let revokes: Record<string, Run>;
  let revokedAgain: Run;

  beforeAll(async () => {
    // Alone: it migrates the new database.
    admin = await hindsight(["user", "add", "Dana@Example.com", "--name", "Dana Whitfield", "--role", "admin", "--password-stdin"], { input: `${PASSWORD}\n` });
    adds = await all({
      invitedWithUrl: hindsight(["user", "add", "bob@example.com", "--name", "Bob Li", "--role", "editor"], { env: { HINDSIGHT_PUBLIC_URL: "https://postmortems.example.com" } }),
      invited: hindsight(["user", "add", "cy@example.com", "--name", "Cy Okafor", "--role", "viewer"]),
      unknownRole: hindsight(["user", "add", "eve@example.com", "--name", "Eve Park", "--role", "owner", "--password-stdin"], { input: `${PASSWORD}\n` }),
      duplicate: hindsight(["user", "add", "DANA@example.com", "--name", "Another Dana", "--role", "viewer", "--password-stdin"], { input: "another long passphrase\n" }),
      weak: hindsight(["user", "add", "weak@example.com", "--name", "Wes Kemp", "--role", "viewer", "--password-stdin"], { input: "password1234\n" }),
      missingName: hindsight(["user", "add", "noname@example.com", "--role", "viewer"]),
      badEmail: hindsight(["user", "add", "not-an-email", "--name", "Nora Email", "--role", "viewer"]),
    });
    changes = await all({
      setRole: hindsight(["user", "set-role", "cy@example.com", "editor"]),
      disable: hindsight(["user", "disable", "bob@example.com"]),
      badRole: hindsight(["user", "set-role", "cy@example.com", "superuser"]),
      lastAdmin: hindsight(["user", "set-role", "dana@example.com", "viewer"]),
      token: hindsight(["token", "create", "dana@example.com", "--name", "Incident bot"]),
      readOnlyToken: hindsight(["token", "create", "cy@example.com", "--name", "Dashboard", "--read-only", "--expires", "30"]),
      tokenWithoutName: hindsight(["token", "create", "cy@example.com"]),
      badExpiry: hindsight(["token", "create", "cy@example.com", "--name", "x", "--expires", "soon"]),
      zeroExpiry: hindsight(["token", "create", "cy@example.com", "--name", "x", "--expires", "0"]),
      unknownOwner: hindsight(["token", "create", "nobody@example.com", "--name", "x"]),
    });
    lists = await all({
      people: hindsight(["user", "list"]),
      peopleJson: hindsight(["user", "list", "--json"]),
      tokens: hindsight(["token", "list"]),
      tokensJson: hindsight(["token", "list", "--json"]),
      cysTokens: hindsight(["token", "list", "cy@example.com", "--json"]),
      disabledOwner: hindsight(["token", "create", "bob@example.com", "--name", "x"]),
    });
    const readOnlyId = (JSON.parse(lists.cysTokens.stdout) as TokenJson[])[0].id;
    revokes = await all({
      byPrefix: hindsight(["token", "revoke", lastLine(changes.token).slice(0, 10)]),
      byIdStart: hindsight(["token", "revoke", readOnlyId.slice(0, 8)]),
      unknown: hindsight(["token", "revoke", "hsp_nothing"]),
      enable: hindsight(["user", "enable", "bob@example.com"]),
      invite: hindsight(["user", "invite", "cy@example.com"]),
    });
    revokedAgain = await hindsight(["token", "revoke", readOnlyId]);
  }, 300_000);

  describe("user", () => {
    it("adds a person with the password read from standard input, its trailing newline dropped", async () => {
      expect(admin.stderr).toMatch(/Preparing the database/);
      expect(admin.stdout).toBe("Added Dana Whitfield <dana@example.com> as an admin: they can sign in now with their email and password.\n");
      expect(admin.code).toBe(0);
      const [{ password }] = query<{ password: string }>(
        `SELECT a.password FROM "Account" a JOIN "User" u ON u.id = a.userId WHERE u.email = ? AND a.providerId = 'credential'`,
        "dana@example.com",
      );
      expect(password).not.toContain(PASSWORD);
      expect(await verifyPassword({ hash: password, password: PASSWORD })).toBe(true);
      expect(await verifyPassword({ hash: password, password: `${PASSWORD}\n` })).toBe(false);
    });

    it("prints an invite link without a password: absolute with HINDSIGHT_PUBLIC_URL, else a path to open at the server", () => {
      const { invitedWithUrl, invited } = adds;
      expect(invitedWithUrl.code).toBe(0);
      expect(invitedWithUrl.stdout).toMatch(/^Added Bob Li <bob@example\.com> as an editor, invited: they have no password yet\.\n/);
      expect(lastLine(invitedWithUrl)).toMatch(/^https:\/\/postmortems\.example\.com\/invite\/[A-Za-z0-9_-]{43}$/);
      expect(invited.code).toBe(0);
      expect(invited.stdout).toContain("opened at the server's address");
      expect(lastLine(invited)).toMatch(INVITE);
      // Only the link's hash is kept (Cy's was replaced by `user invite`, below).
      expect(query(`SELECT count(*) AS n FROM "Invite" WHERE hash = ?`, sha256(inviteTokenOf(invitedWithUrl)))).toEqual([{ n: 1 }]);
    });

    it("refuses bad input with a message and creates nobody", () => {
      const { unknownRole, duplicate, weak, missingName, badEmail } = adds;
      const expectations: [Run, number, string][] = [
        [unknownRole, 2, 'hindsight: --role must be one of viewer, editor, admin (not "owner")\n'],
        [duplicate, 1, "hindsight: dana@example.com already has an account.\n"],
        [weak, 1, "hindsight: This password is one of the most common ones: choose another.\n"],
        [missingName, 2, "hindsight: user add needs --name NAME"],
        [badEmail, 1, "hindsight: Enter an email address such as dana@example.com.\n"],
      ];
      for (const [run, code, message] of expectations) {
        expect(run.stderr.startsWith(message), run.stderr).toBe(true);
        expect(run.code).toBe(code);
        expect(run.stdout).toBe("");
      }
      expect(unknownRole.stderr).toContain("Usage: npx hindsight <command> [options]");
      const emails = (JSON.parse(lists.peopleJson.stdout) as PersonJson[]).map((person) => person.email).sort();
      expect(emails).toEqual(["bob@example.com", "cy@example.com", "dana@example.com"]);
    });

    it("changes a role and disables a person, but keeps the last admin", () => {
      const { setRole, disable, badRole, lastAdmin } = changes;
      expect(setRole.stdout).toBe("Cy Okafor <cy@example.com> is now an editor.\n");
      expect(setRole.code).toBe(0);
      expect(disable.stdout).toMatch(/^Disabled Bob Li <bob@example\.com>: they cannot sign in, and their sessions and tokens stopped working\./);
      expect(disable.code).toBe(0);
      expect(badRole.code).toBe(2);
      expect(badRole.stderr).toMatch(/^hindsight: ROLE must be one of viewer, editor, admin \(not "superuser"\)\n/);
      expect(lastAdmin.code).toBe(1);
      expect(lastAdmin.stderr).toBe("hindsight: This is the last admin: make someone else an admin first.\n");
    });

    it("lists people with role, status and sign-in, as a table or JSON", () => {
      const { people, peopleJson } = lists;
      expect(people.code).toBe(0);
      expect(people.stdout.split("\n")).toEqual([
        expect.stringMatching(/^NAME\s+EMAIL\s+ROLE\s+STATUS\s+SIGN-IN$/),
        expect.stringMatching(/^Dana Whitfield\s+dana@example\.com\s+admin\s+active\s+password$/),
        expect.stringMatching(/^Bob Li\s+bob@example\.com\s+editor\s+disabled\s+—$/),
        expect.stringMatching(/^Cy Okafor\s+cy@example\.com\s+editor\s+invited\s+—$/),
        "",
        "3 people",
        "",
      ]);
      const rows = (JSON.parse(peopleJson.stdout) as PersonJson[]).map(({ email, role, status, signIn, disabled }) => ({ email, role, status, signIn, disabled }));
      expect(rows).toEqual([
        { email: "dana@example.com", role: "admin", status: "active", signIn: "password", disabled: false },
        { email: "bob@example.com", role: "editor", status: "disabled", signIn: "invited", disabled: true },
        { email: "cy@example.com", role: "editor", status: "invited", signIn: "invited", disabled: false },
      ]);
    });

    it("enables a disabled person again, and makes a new invite link", () => {
      const { enable, invite } = revokes;
      expect(enable.code).toBe(0);
      expect(enable.stdout).toMatch(/^Enabled Bob Li <bob@example\.com>: they can sign in again once they have set a password/);
      expect(invite.code).toBe(0);
      expect(invite.stdout).toMatch(/^New invite link for Cy Okafor <cy@example\.com> \(earlier links stop working/);
      expect(lastLine(invite)).toMatch(INVITE);
      const stored = (run: Run) => query(`SELECT count(*) AS n FROM "Invite" WHERE hash = ?`, sha256(inviteTokenOf(run)));
      expect(stored(invite)).toEqual([{ n: 1 }]);
      expect(stored(adds.invited)).toEqual([{ n: 0 }]);
    });
  });

  describe("token", () => {
    it("prints a description, then the token alone on the last line, stored only as its hash", () => {
      const { token: run } = changes;
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const lines = run.stdout.trimEnd().split("\n");
      expect(lines[0]).toMatch(/^Created token "Incident bot" \(hsp_[A-Za-z0-9_-]{6}…, id [0-9a-f]{8}\) of Dana Whitfield <dana@example\.com>: acts with its owner's role, never expires\.$/);
      const token = lines.at(-1)!;
      expect(token).toMatch(TOKEN);
      expect(run.stdout.split(token).length).toBe(2); // printed once
      expect(storedToken(token)).toHaveLength(1);
      expect(query(`SELECT count(*) AS n FROM "ApiToken" WHERE hash = ? OR prefix = ?`, token, token)).toEqual([{ n: 0 }]);
    });

    it("makes read-only tokens that expire after --expires days", () => {
      const { readOnlyToken } = changes;
      expect(readOnlyToken.code).toBe(0);
      const expires = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      expect(readOnlyToken.stdout).toContain(`: read-only (acts as a viewer), expires ${expires}.\n`);
      const token = lastLine(readOnlyToken);
      expect(token).toMatch(TOKEN);
      expect(storedToken(token)).toMatchObject([{ readOnly: 1 }]);
      const [summary] = JSON.parse(lists.cysTokens.stdout) as TokenJson[];
      expect(summary).toMatchObject({ name: "Dashboard", readOnly: true, prefix: token.slice(0, 10), owner: { email: "cy@example.com" }, status: "active" });
      expect(Math.abs(Date.parse(summary.expiresAt!) - (Date.now() + 30 * 86_400_000))).toBeLessThan(10 * 60_000);
    });

    it("refuses bad input with a message and makes no token", () => {
      const { tokenWithoutName, badExpiry, zeroExpiry, unknownOwner } = changes;
      const expectations: [Run, number, string][] = [
        [tokenWithoutName, 2, "hindsight: token create needs --name NAME"],
        [badExpiry, 2, 'hindsight: --expires takes a whole number of days, such as 90 (not "soon")\n'],
        [zeroExpiry, 1, "hindsight: Expiry must be a whole number of days from 1 to 3650.\n"],
        [unknownOwner, 1, "hindsight: Nobody has the email nobody@example.com.\n"],
        [lists.disabledOwner, 1, "hindsight: bob@example.com is disabled.\n"],
      ];
      for (const [run, code, message] of expectations) {
        expect(run.stderr.startsWith(message), run.stderr).toBe(true);
        expect(run.code).toBe(code);
        expect(run.stdout).toBe("");
      }
      expect((JSON.parse(lists.tokensJson.stdout) as TokenJson[]).map((token) => token.name).sort()).toEqual(["Dashboard", "Incident bot"]);
    });

    it("lists everyone's tokens by default, one person's by EMAIL, never the tokens themselves", () => {
      const { tokens, tokensJson, cysTokens } = lists;
      expect(tokens.code).toBe(0);
      const lines = tokens.stdout.split("\n");
      expect(lines[0]).toMatch(/^ID\s+TOKEN\s+NAME\s+OWNER\s+ACCESS\s+STATUS\s+CREATED\s+LAST USED\s+EXPIRES$/);
      expect(lines.slice(1, 3)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^[0-9a-f]{8}\s+hsp_\S{6}…\s+Dashboard\s+cy@example\.com\s+read-only\s+active\s+\d{4}-\d\d-\d\d\s+never\s+\d{4}-\d\d-\d\d$/),
          expect.stringMatching(/^[0-9a-f]{8}\s+hsp_\S{6}…\s+Incident bot\s+dana@example\.com\s+read-write\s+active\s+\d{4}-\d\d-\d\d\s+never\s+never$/),
        ]),
      );
      expect(tokens.stdout).toContain("\n2 tokens\n");
      for (const list of [tokens, tokensJson]) expect(list.stdout).not.toContain(lastLine(changes.token));
      expect((JSON.parse(cysTokens.stdout) as TokenJson[]).map((token) => token.owner.email)).toEqual(["cy@example.com"]);
    });

    it("revokes a token by its hsp_ prefix or the start of its id, once", () => {
      const { byPrefix, byIdStart, unknown } = revokes;
      expect(byPrefix.code).toBe(0);
      expect(byPrefix.stdout).toMatch(/^Revoked token "Incident bot" \(hsp_.{6}…, id [0-9a-f]{8}\) of Dana Whitfield <dana@example\.com>: it stops working at once\.\n$/);
      expect(byIdStart.code).toBe(0);
      expect(byIdStart.stdout).toMatch(/^Revoked token "Dashboard" /);
      for (const run of [changes.token, changes.readOnlyToken]) expect(storedToken(lastLine(run))).toEqual([expect.objectContaining({ revokedAt: expect.anything() })]);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toBe("hindsight: No token has the id hsp_nothing. See them with: npx hindsight token list\n");
      expect(revokedAgain.code).toBe(0);
      expect(revokedAgain.stdout).toMatch(/^Nothing to do: token "Dashboard" .* was already revoked on \d{4}-\d\d-\d\d\.\n$/);
    });
  });
});
