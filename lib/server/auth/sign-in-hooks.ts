import "server-only";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { isAppError } from "@/lib/domain/errors";
import { recordAudit } from "./audit";
import { checkSignInThrottle, clearSignInFailures, recordSignInFailure } from "./throttle";

/** The client address proxy.ts worked out for this request (client-address.ts). */
export function clientIpOf(headers: Headers | undefined | null): string | null {
  return headers?.get("x-hindsight-client-ip") || null;
}

/** Before better-auth's endpoints: sign-ins are throttled per account and per address; a sign-out is recorded while we still know who it was. */
export const beforeAuthEndpoint = createAuthMiddleware(async (ctx) => {
  const ip = clientIpOf(ctx.headers);
  if (ctx.path === "/sign-in/email") {
    const email = typeof ctx.body?.email === "string" ? ctx.body.email : "";
    try {
      await checkSignInThrottle({ email, ip });
    } catch (error) {
      if (isAppError(error)) {
        await recordAudit({ kind: "sign-in-failed", actor: { name: email.slice(0, 254) || "(no email)" }, subject: email.slice(0, 254), detail: "Throttled", ip });
        throw new APIError("TOO_MANY_REQUESTS", { message: error.message });
      }
      throw error;
    }
  }
  if (ctx.path === "/sign-out" && ctx.headers) {
    const { authenticate } = await import("./authenticate");
    const actor = await authenticate(ctx.headers);
    if (actor.kind === "user") await recordAudit({ kind: "sign-out", actor, subject: actor.email, ip });
  }
});

/** After them: a sign-in's outcome is counted and recorded (the same answer for an unknown email and a wrong password comes from better-auth). */
export const afterAuthEndpoint = createAuthMiddleware(async (ctx) => {
  const ip = clientIpOf(ctx.headers);
  const created = ctx.context.newSession;
  if (ctx.path === "/sign-in/email") {
    const email = typeof ctx.body?.email === "string" ? ctx.body.email : "";
    if (created) {
      await clearSignInFailures({ email });
      await recordAudit({ kind: "sign-in", actor: { name: created.user.name, id: created.user.id }, subject: created.user.email, detail: "Password", ip });
    } else {
      await recordSignInFailure({ email, ip });
      await recordAudit({ kind: "sign-in-failed", actor: { name: email.slice(0, 254) || "(no email)" }, subject: email.slice(0, 254), detail: "Wrong email or password", ip });
    }
  }
  if (ctx.path.startsWith("/oauth2/callback") && created) {
    await recordAudit({ kind: "sign-in", actor: { name: created.user.name, id: created.user.id }, subject: created.user.email, detail: "Single sign-on", ip });
  }
});
