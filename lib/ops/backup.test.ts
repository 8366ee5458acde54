import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, getDb, type Database } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import * as schema from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/record";
import { readEnv } from "@/lib/env";
import { verifyAuditChain } from "@/lib/audit/verify";
import { storeFile } from "@/lib/files/store";
import { accreditationData } from "@/test/accreditation-fixtures";
import { testData } from "@/test/db-fixtures";
import { onDatabaseServer } from "@/test/database-server";
import { makePdf } from "@/test/images";
import { BackupError, backupDatabase, restoreDatabase, type DatabaseTarget } from "./backup";

/**
 * A round trip: a database with an application (letter, observers with photos), loose files and
 * audit events is backed up, restored into a fresh database, and compared table by table.
 * On PostgreSQL the shared test database has other files writing to it, so this file makes its
 * own source and target databases beside it (and drops them). The configuration is read once per
 * file (lib/env.ts caches it), so the URL is read uncached (readEnv) before that happens.
 */
const configured = readEnv();
const sharedUrl = configured.DATABASE_URL;
const token = randomBytes(4).toString("hex");
const workDir = mkdtempSync(join(tmpdir(), "observer-portal-backup-"));

function siblingUrl(suffix: string) {
  const url = new URL(sharedUrl!);
  url.pathname = `${url.pathname.slice(1)}_backup_${token}_${suffix}`;
  return url.toString();
}
const databaseName = (url: string) => new URL(url).pathname.slice(1);

const source: DatabaseTarget = sharedUrl ? { kind: "postgres", url: siblingUrl("src") } : { kind: "pglite", dataDir: configured.DATA_DIR };
const restored: DatabaseTarget = sharedUrl ? { kind: "postgres", url: siblingUrl("dst") } : { kind: "pglite", dataDir: join(workDir, "restored") };
const backupFile = join(workDir, sharedUrl ? "portal.dump" : "portal.tar.gz");

/** Opens the restored database without the process's own connection, and closes it after. */
async function withRestored<T>(work: (db: Database) => Promise<T>): Promise<T> {
  if (restored.kind === "postgres") {
    const client = new Client({ connectionString: restored.url });
    await client.connect();
    try {
      return await work(drizzlePostgres({ client, schema }) as unknown as Database);
    } finally {
      await client.end();
    }
  }
  const client = await PGlite.create(join(restored.dataDir, "pgdata"));
  try {
    return await work(drizzlePglite({ client, schema }) as unknown as Database);
  } finally {
    await client.close();
  }
}

async function rowsOf(db: Database, text: string) {
  const result: unknown = await db.execute(sql.raw(text));
  // node-postgres and PGlite both answer { rows }.
  return (result as { rows: Record<string, unknown>[] }).rows;
}

/** Every table of every schema the portal owns (drizzle's migration journal too): its row count and a digest of its rows in order. */
async function fingerprint(db: Database) {
  const tables = await rowsOf(
    db,
    `select table_schema, table_name from information_schema.tables
     where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
     order by 1, 2`,
  );
  const result: Record<string, { rows: number; md5: string }> = {};
  for (const { table_schema, table_name } of tables) {
    const name = `"${String(table_schema)}"."${String(table_name)}"`;
    const [row] = await rowsOf(db, `select count(*)::int as n, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as digest from ${name} t`);
    result[name] = { rows: Number(row!.n), md5: String(row!.digest) };
  }
  return result;
}

/** Each file's id, its stored SHA-256 and the SHA-256 of the bytes actually held. */
async function fileHashes(db: Database) {
  const rows = await db.select({ id: schema.files.id, sha256: schema.files.sha256, content: schema.files.content }).from(schema.files).orderBy(schema.files.id);
  return rows.map((row) => ({ id: row.id, stored: row.sha256, actual: createHash("sha256").update(row.content).digest("hex") }));
}

const data = testData();
let restoredTables: Awaited<ReturnType<typeof fingerprint>>;
const accreditation = accreditationData(data);

beforeAll(async () => {
  if (sharedUrl) {
    await onDatabaseServer(sharedUrl!, `create database "${databaseName(siblingUrl("src"))}"`);
    await onDatabaseServer(sharedUrl!, `create database "${databaseName(siblingUrl("dst"))}"`);
    vi.stubEnv("DATABASE_URL", siblingUrl("src"));
  }
  await migrateDatabase();
  const { actor } = await accreditation.submittedApplication({ observers: 3 });
  await storeFile(getDb(), { kind: "attachment", buffer: makePdf(`Minutes ${token}`), mediaType: "application/pdf", originalName: "minutes.pdf", uploadedBy: actor.id });
  await getDb().transaction((tx) =>
    writeAuditEvent(tx, { actor, action: "organization.updated", entityType: "organization", entityId: actor.organizationId, details: { note: "ü ž ň — «backup»" } }),
  );
}, 120_000);

afterAll(async () => {
  await closeDb();
  if (sharedUrl) {
    await onDatabaseServer(sharedUrl!, `drop database if exists "${databaseName(siblingUrl("src"))}" with (force)`);
    await onDatabaseServer(sharedUrl!, `drop database if exists "${databaseName(siblingUrl("dst"))}" with (force)`);
  }
  rmSync(workDir, { recursive: true, force: true });
});

describe("a backup restored into a fresh database", () => {
  it("holds every row and every file's bytes, and its audit chain verifies", async () => {
    // Nobody else writes to the source, so what it holds now is what the backup must hold.
    const expected = { tables: await fingerprint(getDb()), files: await fileHashes(getDb()) };
    // The embedded folder belongs to one PGlite at a time: this process hands it to the backup.
    if (source.kind === "pglite") await closeDb();
    const backup = await backupDatabase(source, backupFile);
    expect(backup.bytes).toBeGreaterThan(0);
    expect(backup.rows.observers).toBe(3);
    expect(backup.rows.audit_events).toBeGreaterThan(3);

    const restore = await restoreDatabase(restored, backupFile);
    expect(restore.auditChain).toEqual({ ok: true, count: backup.rows.audit_events });
    expect(restore.rows).toEqual(backup.rows);

    const actual = await withRestored(async (db) => ({ tables: await fingerprint(db), files: await fileHashes(db), chain: await verifyAuditChain(db) }));

    expect(Object.keys(expected.tables).length).toBeGreaterThan(20);
    expect(actual.tables).toEqual(expected.tables);
    // The application's letter, three photos and the minutes, each whole.
    expect(expected.files.length).toBeGreaterThanOrEqual(5);
    expect(actual.files).toEqual(expected.files);
    expect(actual.files.every((file) => file.actual === file.stored)).toBe(true);
    expect(actual.chain.ok).toBe(true);
    restoredTables = actual.tables;
  }, 120_000); // three openings of an embedded database, slow on a busy machine

  it("refuses a target that already holds a database, and leaves it as it was", async () => {
    const refusal: unknown = await restoreDatabase(restored, backupFile).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(BackupError);
    expect((refusal as BackupError).message).toMatch(/is not empty.*: a restore only fills an empty one/);
    expect(await withRestored(fingerprint)).toEqual(restoredTables);
  });

  it("refuses the other engine's backup, and a missing file, before touching the target", async () => {
    const emptyFolder: DatabaseTarget = { kind: "pglite", dataDir: join(workDir, "empty") };
    if (source.kind === "pglite") {
      // A server nobody listens on: the file is refused before any connection is tried.
      await expect(restoreDatabase({ kind: "postgres", url: "postgres://nobody@127.0.0.1:1/none" }, backupFile)).rejects.toThrow(/not a pg_dump/);
    } else {
      await expect(restoreDatabase(emptyFolder, backupFile)).rejects.toThrow(/not a backup of the embedded database/);
    }
    await expect(restoreDatabase(emptyFolder, join(workDir, "missing.tar.gz"))).rejects.toThrow(/No such backup file/);
    expect(existsSync(emptyFolder.dataDir)).toBe(false);
  });

  it("backs up no embedded database that another process holds, and leaves no file behind", async () => {
    const dataDir = join(workDir, "held");
    mkdirSync(join(dataDir, "pgdata"), { recursive: true });
    writeFileSync(join(dataDir, "pgdata", "PG_VERSION"), "17");
    // The parent process (vitest's) is alive and is not this one: as a running server would.
    writeFileSync(join(dataDir, "portal.lock"), String(process.ppid));
    const file = join(workDir, "held.tar.gz");
    await expect(backupDatabase({ kind: "pglite", dataDir }, file)).rejects.toThrow(
      new RegExp(`in use by another process \\(pid ${process.ppid}\\).*Stop it first`),
    );
    expect(existsSync(file) || existsSync(`${file}.partial`)).toBe(false);
  });

  it("leaves an embedded target empty when the backup cannot be loaded, so a good one can follow", async () => {
    const truncated = join(workDir, "truncated.tar.gz");
    writeFileSync(truncated, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00]));
    const dataDir = join(workDir, "retry");
    await expect(restoreDatabase({ kind: "pglite", dataDir }, truncated)).rejects.toThrow(/Could not load .*truncated\.tar\.gz/);
    expect(existsSync(join(dataDir, "pgdata"))).toBe(false);
  });
});
