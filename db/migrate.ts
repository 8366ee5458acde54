import "server-only";
import { join } from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { rawConnection } from "./index";
import { fillMissingNameSortKeys } from "./name-sort-keys";

const migrationsFolder = join(process.cwd(), "db", "migrations");
// Any fixed number: several app processes starting at once must migrate one after another.
const MIGRATION_LOCK_KEY = 727_100_2;

export async function migrateDatabase() {
  const conn = rawConnection();
  if (conn.kind === "pglite") {
    await migratePglite(conn.db as never, { migrationsFolder });
    await fillMissingNameSortKeys(conn.db);
    return;
  }
  const client = await conn.pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    const db = drizzlePostgres({ client });
    await migratePostgres(db, { migrationsFolder });
    await fillMissingNameSortKeys(db);
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}
