import "server-only";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { Pool } from "pg";
import { getEnv } from "@/lib/env";
import { acquireDataFolderLock } from "./data-folder-lock";
import { queryCounter } from "./query-count";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

type Connection =
  | { kind: "pglite"; db: Database; client: PGlite; releaseLock: () => void }
  | { kind: "postgres"; db: Database; pool: Pool };

// Next compiles instrumentation and each route into separate bundles; a module-level variable
// would give each bundle its own database. One connection per process lives on globalThis.
const slot = Symbol.for("observer-portal.database");
type Holder = { [slot]?: Connection };
const holder = globalThis as Holder;

export function embeddedDataDir() {
  return resolve(getEnv().DATA_DIR);
}

function open(): Connection {
  const env = getEnv();
  const logger = env.DB_QUERY_LOG === "count" ? queryCounter : undefined;
  if (env.DATABASE_URL) {
    const pool = new Pool({ connectionString: env.DATABASE_URL, max: env.DB_POOL_MAX });
    return { kind: "postgres", pool, db: drizzlePostgres({ client: pool, schema, logger }) as unknown as Database };
  }
  const dataDir = embeddedDataDir();
  mkdirSync(dataDir, { recursive: true });
  const releaseLock = acquireDataFolderLock(dataDir);
  // Whatever ends the process, the lock goes with it (a clean close also releases it earlier).
  process.once("exit", releaseLock);
  const client = new PGlite(join(dataDir, "pgdata"));
  return { kind: "pglite", client, releaseLock, db: drizzlePglite({ client, schema, logger }) as unknown as Database };
}

function connection(): Connection {
  holder[slot] ??= open();
  return holder[slot];
}

/** The database of this process, opened on first use (never at import: `next build` imports this). */
export function getDb(): Database {
  return connection().db;
}

export function databaseKind(): Connection["kind"] {
  return connection().kind;
}

export async function closeDb() {
  const current = holder[slot];
  if (!current) return;
  holder[slot] = undefined;
  if (current.kind === "pglite") {
    try {
      await current.client.close();
    } finally {
      process.removeListener("exit", current.releaseLock);
      current.releaseLock();
    }
  } else {
    await current.pool.end();
  }
}

/** For the migrator only: the raw clients behind the Drizzle instance. */
export function rawConnection() {
  return connection();
}

export { schema };
