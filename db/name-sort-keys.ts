import "server-only";
import { eq, sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { nameSortKey } from "@/lib/name-sort-key";
import { observers } from "./schema";

const BATCH = 500;

/**
 * The migrations' data step: keys for the observers that have none, those stored before the
 * column existed (migration 0012 adds it empty). Computed here in TypeScript rather than in the
 * migration's SQL, so lib/name-sort-key.ts stays the key's only definition; should that definition
 * change, a migration that empties every key has them all written anew. A real key is never empty.
 */
export async function fillMissingNameSortKeys(db: PgDatabase<PgQueryResultHKT, Record<string, unknown>>) {
  for (;;) {
    const rows = await db
      .select({ id: observers.id, surname: observers.surname, givenNames: observers.givenNames })
      .from(observers)
      .where(eq(observers.nameSortKey, ""))
      .limit(BATCH);
    if (rows.length === 0) return;
    const keys = sql.join(
      rows.map((row) => sql`(${row.id}::uuid, ${nameSortKey(row.surname, row.givenNames)})`),
      sql`, `,
    );
    await db.execute(sql`update ${observers} set name_sort_key = keyed.key from (values ${keys}) as keyed(id, key) where ${observers.id} = keyed.id`);
  }
}
