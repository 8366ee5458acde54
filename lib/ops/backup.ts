import "server-only";
import { spawn } from "node:child_process";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { Client } from "pg";
import type { Database } from "@/db";
import { acquireDataFolderLock, DataFolderLockedError } from "@/db/data-folder-lock";
import * as schema from "@/db/schema";
import { getEnv } from "@/lib/env";
import { verifyAuditChain, type ChainVerdict } from "@/lib/audit/verify";

/**
 * Backups of the whole database, files included (they are rows of `files`). PostgreSQL goes
 * through pg_dump/pg_restore in the custom format; the embedded PGlite database through its own
 * dump of the data folder as a .tar.gz. A restore only ever fills an empty target, and checks the
 * audit chain of what it restored.
 */
export type DatabaseTarget = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };

/** The database this process is configured for: DATABASE_URL, or the embedded one in DATA_DIR. */
export function configuredDatabase(): DatabaseTarget {
  const env = getEnv();
  return env.DATABASE_URL ? { kind: "postgres", url: env.DATABASE_URL } : { kind: "pglite", dataDir: resolve(env.DATA_DIR) };
}

/** A refusal or failure the operator can act on; the scripts print its message alone. */
export class BackupError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "BackupError";
  }
}

export type RowCounts = Record<string, number>;
export type BackupReport = { file: string; bytes: number; rows: RowCounts };
export type RestoreReport = { rows: RowCounts; auditChain: ChainVerdict };

// What an operator checks at a glance after a backup or a restore.
const KEY_TABLES = ["users", "organizations", "elections", "missions", "observers", "files", "statements", "meetings", "audit_events"];

export function defaultBackupFile(target: DatabaseTarget, now = new Date()) {
  const stamp = now.toISOString().replace(/\.\d+Z$/, "Z").replace(/[-:]/g, "");
  return join("backups", `portal-${stamp}${target.kind === "postgres" ? ".dump" : ".tar.gz"}`);
}

export async function backupDatabase(target: DatabaseTarget, file: string): Promise<BackupReport> {
  mkdirSync(dirname(resolve(file)), { recursive: true });
  // Written aside and renamed when complete: a failed run never leaves a half backup under the
  // name, nor spoils an earlier one. Personal data inside: the operator's account alone reads it.
  const partial = `${file}.partial`;
  closeSync(openSync(partial, "w", 0o600));
  chmodSync(partial, 0o600);
  try {
    const rows = target.kind === "postgres" ? await backupPostgres(target.url, partial) : await backupPglite(target.dataDir, partial);
    renameSync(partial, file);
    return { file: resolve(file), bytes: statSync(file).size, rows };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

export async function restoreDatabase(target: DatabaseTarget, file: string): Promise<RestoreReport> {
  if (!existsSync(file)) throw new BackupError(`No such backup file: ${file}`);
  checkBackupFormat(target, file);
  return target.kind === "postgres" ? restorePostgres(target.url, file) : restorePglite(target.dataDir, file);
}

/** The two engines' backups are not interchangeable; say so before touching the target. */
function checkBackupFormat(target: DatabaseTarget, file: string) {
  const head = Buffer.alloc(5);
  const fd = openSync(file, "r");
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const isPgDump = head.toString("latin1") === "PGDMP";
  const isGzip = head[0] === 0x1f && head[1] === 0x8b;
  if (target.kind === "postgres" && !isPgDump) {
    throw new BackupError(
      `${file} is not a pg_dump custom-format backup${isGzip ? " (it looks like a backup of the embedded database: restore it without DATABASE_URL)" : ""}.`,
    );
  }
  if (target.kind === "pglite" && !isGzip) {
    throw new BackupError(
      `${file} is not a backup of the embedded database${isPgDump ? " (it is a PostgreSQL backup: restore it with DATABASE_URL set)" : ""}.`,
    );
  }
}

type Query = (text: string) => Promise<Record<string, unknown>[]>;

async function countRows(query: Query): Promise<RowCounts> {
  const counts: RowCounts = {};
  for (const table of KEY_TABLES) {
    const [row] = await query(`select count(*)::int as n from "${table}"`);
    counts[table] = Number(row?.n);
  }
  return counts;
}

// ---- embedded (PGlite) ----

/** PGlite allows one process per data folder: while the server holds it, stop the server first. */
function lockDataFolder(dataDir: string) {
  try {
    return acquireDataFolderLock(dataDir);
  } catch (error) {
    if (error instanceof DataFolderLockedError) {
      throw new BackupError(
        `The embedded database in ${dataDir} is in use by another process (pid ${error.ownerPid}), most likely the portal's server. ` +
          `Stop it first (one process per data folder), then run this command again.`,
      );
    }
    throw error;
  }
}

async function backupPglite(dataDir: string, file: string): Promise<RowCounts> {
  const pgdata = join(dataDir, "pgdata");
  if (!existsSync(join(pgdata, "PG_VERSION"))) throw new BackupError(`There is no embedded database in ${dataDir}.`);
  const release = lockDataFolder(dataDir);
  try {
    const client = new PGlite(pgdata);
    try {
      // A checkpoint first, so the archive holds the data files themselves rather than relying on WAL replay.
      await client.exec("checkpoint");
      const rows = await countRows(async (text) => (await client.query<Record<string, unknown>>(text)).rows);
      const archive = await client.dumpDataDir("gzip");
      writeFileSync(file, Buffer.from(await archive.arrayBuffer()));
      return rows;
    } finally {
      await client.close();
    }
  } finally {
    release();
  }
}

async function restorePglite(dataDir: string, file: string): Promise<RestoreReport> {
  const pgdata = join(dataDir, "pgdata");
  if (existsSync(pgdata) && readdirSync(pgdata).length > 0) {
    throw new BackupError(
      `The embedded database in ${dataDir} is not empty: a restore only fills an empty one. ` +
        `Point DATA_DIR at a new folder (or move ${pgdata} aside) and run this command again.`,
    );
  }
  const release = lockDataFolder(dataDir);
  try {
    const client = await loadPglite(pgdata, file);
    try {
      const db = drizzlePglite({ client, schema }) as unknown as Database;
      const rows = await countRows(async (text) => (await client.query<Record<string, unknown>>(text)).rows);
      return { rows, auditChain: await verifyAuditChain(db) };
    } finally {
      await client.close();
    }
  } finally {
    release();
  }
}

async function loadPglite(pgdata: string, file: string) {
  try {
    return await PGlite.create(pgdata, { loadDataDir: new Blob([readFileSync(file)]) });
  } catch (error) {
    // Leave the folder as empty as it was, so the operator can retry with a good file.
    rmSync(pgdata, { recursive: true, force: true });
    throw new BackupError(`Could not load ${file}: is it a complete backup made by npm run db:backup?`, { cause: error });
  }
}

// ---- PostgreSQL ----

/**
 * pg_dump and pg_restore get the connection string without its password (which would show in
 * the process list) and the password through PGPASSWORD.
 */
function postgresClientArgs(url: string) {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { dbname: parsed.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

function runTool(tool: "pg_dump" | "pg_restore", args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(tool, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "ENOENT"
          ? new BackupError(`${tool} was not found: install the PostgreSQL client tools (the server's major version or newer).`)
          : error,
      ),
    );
    child.on("close", (code) =>
      code === 0 ? resolvePromise() : reject(new BackupError(`${tool} failed (exit status ${code}):\n${stderr.trim()}`)),
    );
  });
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const postgresQuery = (client: Client): Query => async (text) => (await client.query<Record<string, unknown>>(text)).rows;

async function backupPostgres(url: string, file: string): Promise<RowCounts> {
  const { dbname, env } = postgresClientArgs(url);
  await runTool("pg_dump", ["--format=custom", `--file=${file}`, `--dbname=${dbname}`], env);
  return withClient(url, (client) => countRows(postgresQuery(client)));
}

async function restorePostgres(url: string, file: string): Promise<RestoreReport> {
  await withClient(url, async (client) => {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from information_schema.tables
       where table_schema not in ('pg_catalog', 'information_schema') and table_schema not like 'pg\\_%'`,
    );
    if (rows[0]!.n > 0) {
      throw new BackupError(
        `The database ${new URL(url).pathname.slice(1)} is not empty (it holds ${rows[0]!.n} tables): a restore only fills an empty one. ` +
          `Create a new database (createdb), point DATABASE_URL at it without migrating it, and run this command again.`,
      );
    }
  });
  const { dbname, env } = postgresClientArgs(url);
  // One transaction: a failed restore leaves the target empty. Objects belong to whoever restores.
  await runTool(
    "pg_restore",
    ["--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", `--dbname=${dbname}`, file],
    env,
  );
  return withClient(url, async (client) => ({
    rows: await countRows(postgresQuery(client)),
    auditChain: await verifyAuditChain(drizzlePostgres({ client, schema }) as unknown as Database),
  }));
}
