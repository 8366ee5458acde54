import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { and, count, eq, like, max, min, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, type Transaction } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { auditEvents } from "@/db/schema";
import { hashEvent } from "./chain";
import { writeAuditEvent } from "./record";
import { verifyAuditChain } from "./verify";
import { isEmbeddedDatabase } from "@/lib/env";

/**
 * Runs on this file's own embedded database (test/setup.ts) or, with DATABASE_URL, on a
 * PostgreSQL database that other test files write audit events to at the same time. So the
 * assertions are about the whole chain (it verifies, its sequence has no gap) and about this
 * file's own events, found by a marker unique to the run.
 */
const onPostgres = !isEmbeddedDatabase();

const marker = `chain-${randomBytes(4).toString("hex")}`;
const WRITERS = 200;

beforeAll(() => migrateDatabase());
afterAll(() => closeDb());

async function myEvents() {
  return getDb()
    .select({ seq: auditEvents.seq, entityId: auditEvents.entityId, details: auditEvents.details })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, "audit-test"), like(auditEvents.entityId, `${marker}-%`)))
    .orderBy(auditEvents.seq);
}

/**
 * Tampers behind the trigger's back, as someone with the table owner's rights could. In one
 * transaction, so other connections never see the trigger disabled.
 */
async function behindTheTrigger(change: (tx: Transaction) => PromiseLike<unknown>) {
  await getDb().transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger user`);
    await change(tx);
    await tx.execute(sql`alter table audit_events enable trigger user`);
  });
}

const overwriteDetails = (seq: number, details: Record<string, unknown>) =>
  behindTheTrigger((tx) => tx.update(auditEvents).set({ details }).where(eq(auditEvents.seq, seq)));

/** `npm run audit:verify` in a child process, on this file's database. */
async function runVerifyScript(): Promise<{ status: number | null; stdout: string; stderr: string }> {
  // Two processes must never open one embedded data folder: hand it over to the child.
  if (!onPostgres) await closeDb();
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/audit-verify.ts"], {
    cwd: process.cwd(),
    env: process.env,
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  return { status, stdout, stderr };
}

/** The message of a failed statement and of every error behind it (Drizzle wraps the driver's). */
async function failureOf(statement: PromiseLike<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    const messages: string[] = [];
    for (let e: unknown = error; e instanceof Error; e = e.cause) messages.push(e.message);
    return messages.join("\n");
  }
  throw new Error("expected the statement to be refused, but it succeeded");
}

describe("the audit chain", () => {
  it(`verifies after ${WRITERS} events written by concurrent transactions, without a fork or gap`, async () => {
    await Promise.all(
      Array.from({ length: WRITERS }, (_, i) =>
        getDb().transaction((tx) =>
          writeAuditEvent(tx, {
            actor: null,
            action: "user.enabled",
            entityType: "audit-test",
            entityId: `${marker}-${i}`,
            ip: "192.0.2.1",
            details: { writer: i, note: { z: "last key", a: "first key" } },
          }),
        ),
      ),
    );

    const mine = await myEvents();
    expect(mine).toHaveLength(WRITERS);
    expect(new Set(mine.map((e) => e.seq)).size).toBe(WRITERS);
    expect(new Set(mine.map((e) => e.entityId))).toEqual(new Set(Array.from({ length: WRITERS }, (_, i) => `${marker}-${i}`)));

    // Whatever else was written meanwhile, the sequence runs 1, 2, 3… with no gap or duplicate.
    const [span] = await getDb().select({ first: min(auditEvents.seq), last: max(auditEvents.seq), n: count() }).from(auditEvents);
    expect(span!.first).toBe(1);
    expect(Number(span!.last)).toBe(span!.n);
    if (!onPostgres) expect(mine.map((e) => e.seq)).toEqual(Array.from({ length: WRITERS }, (_, i) => i + 1));

    const verdict = await verifyAuditChain(getDb());
    expect(verdict).toEqual({ ok: true, count: expect.any(Number) });
    expect((verdict as { count: number }).count).toBeGreaterThanOrEqual(mine.at(-1)!.seq);
  });

  it("reports exactly the altered event, in verifyAuditChain and in npm run audit:verify", async () => {
    const mine = await myEvents();
    const target = mine[Math.floor(mine.length / 2)]!;
    const original = target.details;
    await overwriteDetails(target.seq, { ...original, writer: -1 });
    try {
      expect(await verifyAuditChain(getDb())).toEqual({ ok: false, brokenSeq: target.seq, reason: "altered-event" });
      const script = await runVerifyScript();
      expect(script.stderr).toBe("");
      expect(script.stdout).toBe(`BROKEN at sequence ${target.seq}: its contents do not match its hash\n`);
      expect(script.status).toBe(1);
    } finally {
      // A shared database must not stay broken for the other test files.
      await overwriteDetails(target.seq, original);
    }

    expect(await verifyAuditChain(getDb())).toMatchObject({ ok: true });
    const script = await runVerifyScript();
    expect(script.stdout).toMatch(/^OK \(\d+ events\)\n$/);
    expect(Number(/\d+/.exec(script.stdout)![0])).toBeGreaterThanOrEqual(mine.at(-1)!.seq);
    expect(script.status).toBe(0);
  }, 60_000);

  it("reports a removed event and an event re-linked to another predecessor", async () => {
    const mine = await myEvents();
    const db = getDb();
    const [removed] = await db.select().from(auditEvents).where(eq(auditEvents.seq, mine[10]!.seq));
    await behindTheTrigger((tx) => tx.delete(auditEvents).where(eq(auditEvents.seq, removed!.seq)));
    try {
      expect(await verifyAuditChain(db)).toEqual({ ok: false, brokenSeq: removed!.seq, reason: "missing-event" });
    } finally {
      await db.insert(auditEvents).values(removed!);
    }

    // Re-hashed so that its contents match: only the link to the event before it is wrong.
    const [relinked] = await db.select().from(auditEvents).where(eq(auditEvents.seq, mine[20]!.seq));
    const { prevHash: originalPrevHash, hash: originalHash, ...fields } = relinked!;
    const forgedPrev = "a".repeat(64);
    await behindTheTrigger((tx) =>
      tx.update(auditEvents).set({ prevHash: forgedPrev, hash: hashEvent(forgedPrev, fields) }).where(eq(auditEvents.seq, fields.seq)),
    );
    try {
      expect(await verifyAuditChain(db)).toEqual({ ok: false, brokenSeq: fields.seq, reason: "wrong-previous-hash" });
    } finally {
      await behindTheTrigger((tx) => tx.update(auditEvents).set({ prevHash: originalPrevHash, hash: originalHash }).where(eq(auditEvents.seq, fields.seq)));
    }
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it("refuses UPDATE, DELETE and TRUNCATE through its trigger", async () => {
    const [target] = await myEvents();
    const db = getDb();
    expect(await failureOf(db.update(auditEvents).set({ details: {} }).where(eq(auditEvents.seq, target!.seq)))).toContain(
      "audit_events is append-only: UPDATE is not allowed",
    );
    expect(await failureOf(db.delete(auditEvents).where(eq(auditEvents.seq, target!.seq)))).toContain(
      "audit_events is append-only: DELETE is not allowed",
    );
    expect(await failureOf(db.execute(sql`truncate audit_events`))).toContain("audit_events is append-only: TRUNCATE is not allowed");

    const [after] = await myEvents();
    expect(after).toEqual(target);
    expect(await myEvents()).toHaveLength(WRITERS);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});
