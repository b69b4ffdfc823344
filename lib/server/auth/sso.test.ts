import { afterEach, describe, expect, it, vi } from "vitest";

/** sso.ts with these settings (it reads them through getConfig, cached per module load). */
async function ssoWith(env: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return import("./sso");
}

const SSO = { HINDSIGHT_OIDC_ISSUER: "https://login.example.com", HINDSIGHT_OIDC_CLIENT_ID: "hindsight", HINDSIGHT_OIDC_CLIENT_SECRET: "secret" };

afterEach(() => vi.unstubAllEnvs());

describe("single sign-on rules", () => {
  it("gives the default role without a role claim, and the highest mapped role with one", async () => {
    const plain = await ssoWith({ ...SSO, HINDSIGHT_OIDC_DEFAULT_ROLE: "editor" });
    expect(plain.ssoRoleOf({ groups: ["hindsight-admins"] })).toBe("editor");
    const mapped = await ssoWith({ ...SSO, HINDSIGHT_OIDC_DEFAULT_ROLE: "viewer", HINDSIGHT_OIDC_ROLE_CLAIM: "groups", HINDSIGHT_OIDC_ROLE_MAP: "sre=editor,hindsight-admins=admin" });
    expect(mapped.ssoRoleOf({ groups: ["sre", "hindsight-admins"] })).toBe("admin");
    expect(mapped.ssoRoleOf({ groups: "sre" })).toBe("editor");
    expect(mapped.ssoRoleOf({ groups: ["marketing"] })).toBe("viewer");
    expect(mapped.ssoRoleOf({})).toBe("viewer");
  });

  it("reads a dotted claim such as Keycloak's realm_access.roles", async () => {
    const sso = await ssoWith({ ...SSO, HINDSIGHT_OIDC_ROLE_CLAIM: "realm_access.roles", HINDSIGHT_OIDC_ROLE_MAP: "hindsight-admin=admin" });
    expect(sso.ssoRoleOf({ realm_access: { roles: ["offline_access", "hindsight-admin"] } })).toBe("admin");
  });

  it("allows every domain when none is listed, else only the listed ones", async () => {
    expect((await ssoWith(SSO)).ssoEmailAllowed("a@anywhere.test")).toEqual({ ok: true });
    const limited = await ssoWith({ ...SSO, HINDSIGHT_OIDC_ALLOWED_DOMAINS: "example.com, @example.org" });
    expect(limited.ssoEmailAllowed("Dana@Example.COM")).toEqual({ ok: true });
    expect(limited.ssoEmailAllowed("dana@example.org")).toEqual({ ok: true });
    expect(limited.ssoEmailAllowed("mallory@example.com.evil.test")).toMatchObject({ ok: false, message: expect.stringContaining("@example.com.evil.test") });
  });

  it("words refusals for the login page without echoing free text", async () => {
    const sso = await ssoWith(SSO);
    expect(sso.ssoProblemMessage([])).toBeNull();
    expect(sso.ssoProblemMessage(["sso", "account_disabled"])).toMatch(/disabled/);
    expect(sso.ssoProblemMessage(["sso", "<script>alert(1)</script>"])).toBe("Single sign-on did not sign you in. Try again, or ask an admin to check your account.");
  });
});
