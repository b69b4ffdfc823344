import { getAuth } from "@/lib/server/auth/better-auth";

export const dynamic = "force-dynamic";

/**
 * better-auth's endpoints, the few we use (decision 021): password sign-in,
 * sign-out, the session, and single sign-on. Everything else it offers
 * (sign-up, email changes, account deletion…) answers 404: people are
 * managed by admins, in Admin → People and the CLI.
 */
const ALLOWED = [/^\/api\/auth\/sign-in\/email$/, /^\/api\/auth\/sign-out$/, /^\/api\/auth\/get-session$/, /^\/api\/auth\/sign-in\/oauth2$/, /^\/api\/auth\/oauth2\/callback\/[a-z0-9-]+$/, /^\/api\/auth\/error$/];

async function handle(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (!ALLOWED.some((pattern) => pattern.test(pathname))) {
    return Response.json({ error: { code: "NOT_FOUND", message: "No such endpoint.", fields: {} } }, { status: 404 });
  }
  const auth = await getAuth();
  return auth.handler(request);
}

export const GET = handle;
export const POST = handle;
