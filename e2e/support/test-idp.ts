import { generateKeyPairSync, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A real OpenID Provider for the single sign-on tests: the `oidc-provider`
 * package (the certified implementation many IdPs are built on) running in
 * the test process on loopback, over http.
 *
 * - One confidential client (client_secret_basic, or _post when asked) for
 *   the authorization code grant, with PKCE required (S256: the only method
 *   oidc-provider accepts).
 * - Its development login and consent screens (devInteractions): any login
 *   name and any password are accepted; the login name picks the test user.
 * - Claims: email + email_verified with the `email` scope, name + groups with
 *   `profile` (an IdP decides which claims a scope releases: Keycloak's group
 *   mapper and Okta's groups claim are configured the same way). With
 *   `claimsInIdToken` they are also in the ID token, as Okta, Entra ID and
 *   Keycloak do; without it only the userinfo endpoint has them (strict
 *   OpenID Connect, as oidc-provider does by default), so both of the app's
 *   ways to read a profile can be tested.
 *
 * The app's callback URL depends on a port the app gets only when it starts,
 * and the app needs the issuer before it starts: so the server listens first
 * (its address is the issuer) and the provider is built when the callback is
 * known (`acceptCallbacksAt`); until then it answers 503.
 */
export type TestUser = {
  /** What to type in the IdP's login box. */
  login: string;
  email: string;
  name: string;
  groups?: string[];
  /** The IdP's stable subject; the login by default. */
  sub?: string;
};

export type TestIdp = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The settings the app needs: HINDSIGHT_OIDC_ISSUER, _CLIENT_ID, _CLIENT_SECRET, _NAME. */
  env: Record<string, string>;
  /** Builds the provider with the app's redirect URI (call once, after the app has its port). */
  acceptCallbacksAt: (redirectUri: string) => Promise<void>;
  /** The authorization requests the IdP received (their full URLs), oldest first. */
  authorizationRequests: URL[];
  stop: () => Promise<void>;
};

export const TEST_IDP_NAME = "Test IdP";

type ProviderInstance = { callback: () => http.RequestListener; proxy: boolean };
type ProviderClass = new (issuer: string, configuration: Record<string, unknown>) => ProviderInstance;

/** oidc-provider is an ES module without type declarations: loaded at run time (a non-literal specifier keeps tsc from looking for its types). */
async function loadProvider(): Promise<ProviderClass> {
  const specifier = "oidc-provider";
  const loaded = (await import(specifier)) as { default: ProviderClass };
  return loaded.default;
}

/**
 * tokenAuth: how the client must authenticate at the token endpoint:
 * client_secret_basic (the default, as most providers expect; our default
 * too) or client_secret_post (HINDSIGHT_OIDC_TOKEN_AUTH=post). The provider
 * refuses the other, so each test proves the app sends what it is set to.
 */
export async function startTestIdp(options: { users: TestUser[]; claimsInIdToken?: boolean; tokenAuth?: "basic" | "post" }): Promise<TestIdp> {
  const tokenAuth = options.tokenAuth ?? "basic";
  const Provider = await loadProvider();
  const users = new Map(options.users.map((user) => [user.login, user]));
  const clientId = `hindsight-${randomBytes(4).toString("hex")}`;
  const clientSecret = randomBytes(24).toString("base64url");
  const authorizationRequests: URL[] = [];
  let handle: http.RequestListener | null = null;

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", issuer);
    if (request.method === "GET" && url.pathname === "/auth") authorizationRequests.push(url);
    if (!handle) {
      response.writeHead(503, { "content-type": "text/plain" }).end("The test IdP is not ready yet.");
      return;
    }
    handle(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function acceptCallbacksAt(redirectUri: string): Promise<void> {
    if (handle) throw new Error("The test IdP already has its client.");
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: clientId,
          client_secret: clientSecret,
          redirect_uris: [redirectUri],
          grant_types: ["authorization_code"],
          response_types: ["code"],
          token_endpoint_auth_method: `client_secret_${tokenAuth}`,
        },
      ],
      pkce: { required: () => true },
      features: { devInteractions: { enabled: true } },
      scopes: ["openid", "email", "profile"],
      claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
      conformIdTokenClaims: !options.claimsInIdToken,
      cookies: { keys: [randomBytes(32).toString("hex")] },
      jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "test-idp", alg: "RS256", use: "sig" }] },
      findAccount: async (_ctx: unknown, accountId: string) => {
        const user = users.get(accountId);
        if (!user) return undefined;
        return {
          accountId,
          claims: async () => ({
            sub: user.sub ?? user.login,
            email: user.email,
            email_verified: true,
            name: user.name,
            groups: user.groups ?? [],
          }),
        };
      },
      // Its own error pages say what went wrong, instead of a bare 400, when a test goes astray.
      renderError: async (ctx: { type: string; body: string }, out: Record<string, string>) => {
        ctx.type = "html";
        ctx.body = `<!doctype html><title>Test IdP error</title><h1>Test IdP error</h1><pre>${escapeHtml(JSON.stringify(out, null, 2))}</pre>`;
      },
    });
    handle = provider.callback();
  }

  return {
    issuer,
    clientId,
    clientSecret,
    env: {
      HINDSIGHT_OIDC_ISSUER: issuer,
      HINDSIGHT_OIDC_CLIENT_ID: clientId,
      HINDSIGHT_OIDC_CLIENT_SECRET: clientSecret,
      HINDSIGHT_OIDC_NAME: TEST_IDP_NAME,
      ...(tokenAuth === "post" ? { HINDSIGHT_OIDC_TOKEN_AUTH: "post" } : {}),
    },
    acceptCallbacksAt,
    authorizationRequests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
