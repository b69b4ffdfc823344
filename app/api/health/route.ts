import { checkHealth } from "@/lib/server/health";

export const dynamic = "force-dynamic";

/** For synthetic monitors: 200 when the database answers and is migrated, 503 otherwise. */
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, { status: health.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
