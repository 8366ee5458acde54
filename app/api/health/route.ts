import { sql } from "drizzle-orm";
import { databaseKind, getDb } from "@/db";
import { describeError, log } from "@/lib/log";
import { currentRequestId } from "@/lib/request-context";

export const dynamic = "force-dynamic";

/** For load balancers and monitoring: 200 when the database answers, 503 otherwise. */
export async function GET() {
  const started = performance.now();
  try {
    await getDb().execute(sql`select 1`);
    return Response.json(
      { status: "ok", database: { status: "up", engine: databaseKind(), latencyMs: Math.round(performance.now() - started) } },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    log.error("health.database_down", { ...describeError(error), requestId: await currentRequestId() });
    return Response.json({ status: "error", database: { status: "down" } }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
