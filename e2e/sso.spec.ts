import { spawnSync } from "node:child_process";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { startOwnServer, type OwnServer } from "./own-server";
import { startTestIdp, TEST_IDP_NAME, type TestIdp, type TestUser } from "./support/test-idp";

/**
 * Single sign-on with OpenID Connect (issue 14, item 2), in Chromium, against
 * a real OpenID Provider on loopback (e2e/support/test-idp.ts): production
 * servers of our own, each with its own database and HINDSIGHT_OIDC_*
 * settings pointing at a provider of its own.
 *
 * - "SSO beside passwords": allowed domain example.com, role claim `groups`
 *   with hindsight-admins=admin; the provider puts the claims in the ID token.
 * - "SSO only": HINDSIGHT_PASSWORD_LOGIN=0; the provider gives the claims only
 *   at its userinfo endpoint (strict OpenID Connect), the app's other path.
 */
const ROOT = path.resolve(__dirname, "..");
const PASSWORD = "Plum-Tangerine-Harbour-42";
const CALLBACK_PATH = "/api/auth/oauth2/callback/sso";

const USERS = {
  ada: { login: "ada", email: "ada.lovelace@example.com", name: "Ada Lovelace", groups: ["engineering"] },
  grace: { login: "grace", email: "grace.hopper@example.com", name: "Grace Hopper (IdP)", groups: ["engineering"] },
  margaret: { login: "margaret", email: "margaret.hamilton@example.com", name: "Margaret Hamilton", groups: ["engineering", "hindsight-admins"] },
  mallory: { login: "mallory", email: "mallory@elsewhere.test", name: "Mallory Outsider", groups: ["hindsight-admins"] },
  dora: { login: "dora", email: "dora.disabled@example.com", name: "Dora Disabled", groups: [] },
  kay: { login: "kay", email: "kay.sso-only@example.com", name: "Kay Only-SSO", groups: ["hindsight-admins"] },
} satisfies Record<string, TestUser>;

type PersonRow = { name: string; email: string; role: string; disabled: boolean; signIn: string; status: string };

/** An app server of our own, its provider, and the operator's CLI on its database. */
type Setup = { app: OwnServer; idp: TestIdp; cli: (args: string[], input?: string) => string; people: () => PersonRow[] };

async function startSetup(options: { env: Record<string, string>; users: TestUser[]; claimsInIdToken: boolean; tokenAuth?: "basic" | "post" }): Promise<Setup> {
  const idp = await startTestIdp({ users: options.users, claimsInIdToken: options.claimsInIdToken, tokenAuth: options.tokenAuth });
  let app: OwnServer;
  try {
    app = await startOwnServer({ ...idp.env, ...options.env });
  } catch (error) {
    await idp.stop();
    throw error;
  }
  await idp.acceptCallbacksAt(`${app.origin}${CALLBACK_PATH}`);
  // scripts/e2e-server.mjs keeps each port's database in data/e2e/.
  const databaseUrl = `file:${path.join(ROOT, "data", "e2e", `e2e-${app.port}.db`)}`;
  const cli = (args: string[], input?: string) => {
    const result = spawnSync(process.execPath, [path.join(ROOT, "cli", "hindsight.mjs"), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, HINDSIGHT_LOG_LEVEL: "warn" },
      input,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status, `hindsight ${args.join(" ")}\n${result.stdout}${result.stderr}`).toBe(0);
    return result.stdout;
  };
  const people = () => JSON.parse(cli(["user", "list", "--json"])) as PersonRow[];
  // Somebody must exist, or every page leads to the setup screen.
  cli(["user", "add", "first.admin@example.com", "--name", "First Admin", "--role", "admin", "--password-stdin"], PASSWORD);
  return { app, idp, cli, people };
}

async function stopSetup(setup: Setup | undefined): Promise<void> {
  await setup?.app.stop();
  await setup?.idp.stop();
}

/**
 * Signs in through the provider as a person would: "Sign in with Test IdP" on
 * the login page, the provider's login form (any password), its consent
 * screen, and back. Returns the authorization request the provider received.
 */
async function signInWithSso(page: Page, setup: Setup, login: string, options: { next?: string } = {}): Promise<URL> {
  const { app, idp } = setup;
  const before = idp.authorizationRequests.length;
  await page.goto(`${app.origin}/login${options.next ? `?next=${encodeURIComponent(options.next)}` : ""}`);
  await page.getByRole("button", { name: `Sign in with ${TEST_IDP_NAME}` }).click();

  await page.waitForURL((url) => url.origin === idp.issuer && url.pathname.startsWith("/interaction/"));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("anything the test IdP accepts");
  await page.getByRole("button", { name: "Sign-in" }).click();
  // Consent: "the client is asking for" the email and profile scopes.
  await expect(page.getByText("profile", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL((url) => url.origin === app.origin && url.pathname !== CALLBACK_PATH);

  expect(idp.authorizationRequests.length).toBe(before + 1);
  return idp.authorizationRequests[before];
}

/** Who the browser's session is, from GET /api/me (null when it has none). */
async function whoAmI(page: Page, setup: Setup): Promise<{ name: string; email: string; role: string } | null> {
  const response = await page.request.get(`${setup.app.origin}/api/me`);
  if (response.status() === 401) return null;
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as { name: string; email: string; role: string };
}

/** The header's account menu, opened: the person's name on its button, and their email and role inside. */
async function expectSignedInHeader(page: Page, person: { name: string; email: string }, roleLabel: string): Promise<void> {
  const menuButton = page.getByRole("button", { name: new RegExp(`^${person.name.replace(/[()]/g, "\\$&")}.*account menu`, "i") });
  await expect(menuButton).toBeVisible();
  await menuButton.click();
  await expect(page.getByText(person.email, { exact: true })).toBeVisible();
  await expect(page.getByText(roleLabel, { exact: true })).toBeVisible();
}

/** The login page after a refused sign-in: no session, and the reason shown. */
async function expectRefused(page: Page, setup: Setup, reason: RegExp): Promise<void> {
  expect(new URL(page.url()).pathname).toBe("/login");
  await expect(page.getByText(reason)).toBeVisible();
  await expect(page.getByRole("button", { name: `Sign in with ${TEST_IDP_NAME}` })).toBeVisible();
  expect(await whoAmI(page, setup)).toBeNull();
}

// One worker runs this file's tests in order, sharing the servers started once.
test.describe.configure({ mode: "default" });
// Everyone here signs in through the provider: no session of the suite's own server (cookies ignore ports).
test.use({ storageState: { cookies: [], origins: [] } });

test.describe("single sign-on beside passwords (allowed domain, role claim)", () => {
  // A sign-in is a dozen page loads on two servers, and each run of the CLI starts a TypeScript process.
  test.setTimeout(180_000);
  let setup: Setup | undefined;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    setup = await startSetup({
      users: Object.values(USERS).filter((user) => user !== USERS.kay),
      claimsInIdToken: true,
      env: {
        HINDSIGHT_OIDC_ALLOWED_DOMAINS: "example.com",
        HINDSIGHT_OIDC_ROLE_CLAIM: "groups",
        HINDSIGHT_OIDC_ROLE_MAP: "hindsight-admins=admin",
      },
    });
  });

  test.afterAll(async () => {
    await stopSetup(setup);
  });

  test("a first SSO sign-in creates a viewer, by authorization code with PKCE, and lands on the page asked for", async ({ page }) => {
    const s = setup!;
    await page.goto(`${s.app.origin}/login`);
    await expect(page.getByRole("button", { name: `Sign in with ${TEST_IDP_NAME}` })).toBeVisible();
    // Password sign-in is still there beside it.
    await expect(page.getByLabel("Email")).toBeVisible();
    await expect(page.getByLabel("Password")).toBeVisible();
    expect(s.people().some((person) => person.email === USERS.ada.email)).toBe(false);

    const authorization = await signInWithSso(page, s, USERS.ada.login, { next: "/actions" });

    await test.step("the authorization request: code flow, PKCE with S256, state and nonce, our callback", () => {
      const params = authorization.searchParams;
      expect(params.get("response_type")).toBe("code");
      expect(params.get("client_id")).toBe(s.idp.clientId);
      expect(params.get("redirect_uri")).toBe(`${s.app.origin}${CALLBACK_PATH}`);
      expect(params.get("code_challenge_method")).toBe("S256");
      // BASE64URL(SHA-256(verifier)): 43 characters.
      expect(params.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(params.get("state")?.length).toBeGreaterThanOrEqual(16);
      expect(params.get("nonce")?.length).toBeGreaterThanOrEqual(16);
      expect(params.get("scope")?.split(" ")).toEqual(expect.arrayContaining(["openid", "email", "profile"]));
    });

    await test.step("back signed in, on the page asked for, with the name in the header menu", async () => {
      expect(new URL(page.url()).pathname).toBe("/actions");
      await expectSignedInHeader(page, USERS.ada, "Viewer");
      expect(await whoAmI(page, s)).toMatchObject({ name: USERS.ada.name, email: USERS.ada.email, role: "viewer" });
    });

    await test.step("a new person: the default role, signing in by SSO", () => {
      const ada = s.people().find((person) => person.email === USERS.ada.email);
      expect(ada).toMatchObject({ name: USERS.ada.name, role: "viewer", disabled: false, signIn: "sso", status: "active" });
    });

    await test.step("signing in again finds the same person (no second account)", async () => {
      await page.context().clearCookies();
      expect(await whoAmI(page, s)).toBeNull();
      await signInWithSso(page, s, USERS.ada.login);
      expect(await whoAmI(page, s)).toMatchObject({ email: USERS.ada.email, role: "viewer" });
      expect(s.people().filter((person) => person.email === USERS.ada.email)).toHaveLength(1);
    });
  });

  test("a first SSO sign-in with the email of an existing account links to it and keeps its role", async ({ page }) => {
    const s = setup!;
    s.cli(["user", "add", USERS.grace.email, "--name", "Grace Hopper", "--role", "editor", "--password-stdin"], PASSWORD);
    expect(s.people().find((person) => person.email === USERS.grace.email)).toMatchObject({ role: "editor", signIn: "password" });

    await signInWithSso(page, s, USERS.grace.login);

    // The account's own name and role, not the provider's name or the default role.
    expect(await whoAmI(page, s)).toMatchObject({ name: "Grace Hopper", email: USERS.grace.email, role: "editor" });
    await expectSignedInHeader(page, { name: "Grace Hopper", email: USERS.grace.email }, "Editor");
    const graces = s.people().filter((person) => person.email === USERS.grace.email);
    expect(graces).toHaveLength(1);
    expect(graces[0]).toMatchObject({ name: "Grace Hopper", role: "editor", signIn: "password+sso" });
  });

  test("a member of the group the role map names becomes an admin", async ({ page }) => {
    const s = setup!;
    await signInWithSso(page, s, USERS.margaret.login);

    expect(await whoAmI(page, s)).toMatchObject({ email: USERS.margaret.email, role: "admin" });
    await expectSignedInHeader(page, USERS.margaret, "Admin");
    // An admin's menu has People, and the page opens.
    await page.getByRole("link", { name: "People" }).click();
    await expect(page).toHaveURL(/\/admin\/people$/);
    const row = page.getByRole("main").getByRole("row").filter({ hasText: USERS.margaret.email });
    await expect(row).toBeVisible();
    await expect(row).toContainText("Single sign-on");
    expect(s.people().find((person) => person.email === USERS.margaret.email)).toMatchObject({ role: "admin", signIn: "sso" });

    await test.step("the audit log has the SSO sign-ins", async () => {
      const response = await page.request.get(`${s.app.origin}/api/audit?kind=sign-in&perPage=100`);
      expect(response.status(), await response.text()).toBe(200);
      const { entries } = (await response.json()) as { entries: { kind: string; subject: string; detail: string }[] };
      expect(entries).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "sign-in", subject: USERS.margaret.email, detail: "Single sign-on" })]));
    });
  });

  test("an email outside the allowed domains is refused with a clear reason, and nobody is created", async ({ page }) => {
    const s = setup!;
    await signInWithSso(page, s, USERS.mallory.login);

    await expectRefused(page, s, /email domain not allowed|domain.*not allowed|not allowed.*domain/i);
    expect(s.people().some((person) => person.email === USERS.mallory.email)).toBe(false);
  });

  test("a disabled person cannot sign in with SSO", async ({ page }) => {
    const s = setup!;
    s.cli(["user", "add", USERS.dora.email, "--name", USERS.dora.name, "--role", "editor", "--password-stdin"], PASSWORD);

    await test.step("before: SSO links to the account and signs in", async () => {
      await signInWithSso(page, s, USERS.dora.login);
      expect(await whoAmI(page, s)).toMatchObject({ email: USERS.dora.email, role: "editor" });
    });

    s.cli(["user", "disable", USERS.dora.email]);

    await test.step("disabled: the session stops working at once", async () => {
      expect(await whoAmI(page, s)).toBeNull();
    });

    await test.step("and a new SSO sign-in is refused with the reason", async () => {
      await page.context().clearCookies();
      await signInWithSso(page, s, USERS.dora.login);
      await expectRefused(page, s, /account disabled|account is disabled/i);
      expect(s.people().find((person) => person.email === USERS.dora.email)).toMatchObject({ disabled: true, role: "editor" });
    });
  });
});

test.describe("single sign-on only (HINDSIGHT_PASSWORD_LOGIN=0)", () => {
  test.setTimeout(180_000);
  let setup: Setup | undefined;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    // This provider wants client_secret_post at its token endpoint (the other describe: client_secret_basic, the default).
    setup = await startSetup({ users: [USERS.kay], claimsInIdToken: false, tokenAuth: "post", env: { HINDSIGHT_PASSWORD_LOGIN: "0" } });
  });

  test.afterAll(async () => {
    await stopSetup(setup);
  });

  test("the login page has no password fields, password sign-in is refused, and SSO signs in", async ({ page }) => {
    const s = setup!;

    await test.step("the login page offers only the provider", async () => {
      await page.goto(`${s.app.origin}/login`);
      await expect(page.getByRole("button", { name: `Sign in with ${TEST_IDP_NAME}` })).toBeVisible();
      await expect(page.getByText(`Your team signs in with ${TEST_IDP_NAME}.`)).toBeVisible();
      await expect(page.getByLabel("Email")).toHaveCount(0);
      await expect(page.getByLabel("Password")).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Sign in", exact: true })).toHaveCount(0);
    });

    await test.step("POST /api/auth/sign-in/email is refused, even with the right password", async () => {
      const response = await page.request.post(`${s.app.origin}/api/auth/sign-in/email`, {
        data: { email: "first.admin@example.com", password: PASSWORD },
        headers: { origin: s.app.origin },
      });
      expect(response.status(), await response.text()).toBeGreaterThanOrEqual(400);
      expect(response.status()).toBeLessThan(500);
      expect(response.headers()["set-cookie"] ?? "").not.toMatch(/session_token=[^;]/);
      expect(await whoAmI(page, s)).toBeNull();
    });

    await test.step("SSO signs in (claims from the userinfo endpoint); no role claim set, so the default role", async () => {
      await signInWithSso(page, s, USERS.kay.login);
      expect(new URL(page.url()).pathname).toBe("/");
      await expectSignedInHeader(page, USERS.kay, "Viewer");
      expect(await whoAmI(page, s)).toMatchObject({ name: USERS.kay.name, email: USERS.kay.email, role: "viewer" });
      expect(s.people().find((person) => person.email === USERS.kay.email)).toMatchObject({ role: "viewer", signIn: "sso" });
    });
  });
});
