import { appVersion, checkHealth } from "@/lib/server/health";

export const dynamic = "force-dynamic";

const version = appVersion();

/**
 * For synthetic monitors: 200 when the database answers and is migrated, 503
 * otherwise, with what failed, the app's version and the server's clock.
 */
export async function GET() {
  const health = await checkHealth();
  return Response.json(
    { status: health.ok ? "ok" : "failing", ...health, version, time: new Date().toISOString() },
    { status: health.ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
