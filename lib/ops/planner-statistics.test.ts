import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { getDb } from "@/db";
import { setUpTestDatabase, testData } from "@/test/db-fixtures";
import { refreshPlannerStatistics } from "./planner-statistics";

setUpTestDatabase(testData());

it("refreshes the planner's statistics of the portal's tables", async () => {
  const before = new Date();
  await refreshPlannerStatistics();
  const result = (await getDb().execute(sql`select relname, last_analyze from pg_stat_user_tables where relname in ('statement_texts', 'observers')`)) as unknown as { rows: { relname: string; last_analyze: Date | string | null }[] };
  expect(result.rows.map((r) => r.relname).sort()).toEqual(["observers", "statement_texts"]);
  for (const row of result.rows) expect(new Date(row.last_analyze!).getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
});
