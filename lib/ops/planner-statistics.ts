import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { describeError, log } from "@/lib/log";

const HOUR = 3600_000;

/**
 * PGlite has no autovacuum, so nothing refreshes the planner's statistics on its own: once tables
 * grow past what the planner last saw, its guesses go stale (a search over 10,000 statements took
 * 2.3 s instead of 0.1 s). The embedded server therefore analyzes at start and then every hour;
 * PostgreSQL's autovacuum does the same there.
 */
export async function refreshPlannerStatistics() {
  await getDb().execute(sql`analyze`);
}

export function startPlannerStatistics(intervalMs = HOUR) {
  const round = () => refreshPlannerStatistics().catch((error) => log.error("database.analyze_failed", describeError(error)));
  void round();
  const timer = setInterval(round, intervalMs);
  // Never what keeps the process alive.
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
