import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/identity/session";
import { parseListQuery, type ListQuery } from "@/lib/listing";
import { AUDIT_PAGE_SIZE, auditEventSorts, listAuditEvents } from "./queries";
import { recordAuditEvent, writeAuditEvent, type AuditEventInput } from "./record";

/**
 * With DATABASE_URL other test files write audit events to the same database at the same time:
 * every query here is narrowed to this run's own actors or entities (March 2001 only makes the
 * dates easy to read).
 */
// Outside Next, forbidden() cannot end a request; here it marks the refusal.
vi.mock("next/navigation", () => ({
  forbidden: () => {
    throw new Error("403 forbidden");
  },
}));


const token = randomBytes(4).toString("hex");
const firstPage = parseListQuery({}, { sortable: auditEventSorts, defaultSort: "seq", defaultDir: "desc", pageSize: AUDIT_PAGE_SIZE });
const pageOf = (changes: Partial<ListQuery>) => ({ ...firstPage, ...changes });

const ayna = { id: `audit-admin-${token}`, name: "Aýna Test", email: `ayna.${token}@audit.example`, role: "admin" as const };
const merdan = { id: `audit-reviewer-${token}`, name: "Merdan Test", email: `merdan.${token}@audit.example`, role: "reviewer" as const };
const admin: Actor = { ...ayna, organizationId: null, totpEnabled: true, sessionId: "00000000-0000-4000-8000-000000000000" };

/** Seq of each dated event, by name. */
const seqOf: Record<string, number> = {};

async function recordAt(name: string, ashgabatTime: string, input: AuditEventInput) {
  vi.setSystemTime(new Date(`${ashgabatTime}+05:00`));
  await recordAuditEvent(input);
  const { rows } = await listAuditEvents(admin, { entityType: input.entityType, entityId: input.entityId ?? undefined }, firstPage);
  seqOf[name] = rows[0]!.seq;
}

const seqs = (rows: { seq: number }[]) => rows.map((r) => r.seq);

beforeAll(async () => {
  await migrateDatabase();
  await getDb()
    .insert(users)
    .values([ayna, merdan]);
  // Only Date is faked, so the database driver's timers keep running.
  vi.useFakeTimers({ toFake: ["Date"] });
  try {
    const org = `org-${token}`;
    await recordAt("created", "2001-03-09T23:59:00", { actor: ayna, action: "organization.created", entityType: "organization", entityId: org });
    // 19:30 UTC on 9 March, but already 10 March in Ashgabat.
    await recordAt("updated", "2001-03-10T00:30:00", {
      actor: ayna,
      action: "organization.updated",
      entityType: "organization",
      entityId: org,
      ip: "203.0.113.5",
      details: { changed: ["website"] },
    });
    await recordAt("election", "2001-03-10T23:59:59", { actor: merdan, action: "election.created", entityType: "election", entityId: `el-${token}` });
    await recordAt("disabled", "2001-03-11T00:00:00", { actor: merdan, action: "user.disabled", entityType: "user", entityId: ayna.id });
    await recordAt("failed", "2001-03-11T12:00:00", { actor: null, action: "auth.sign_in_failed", entityType: "user", entityId: `unknown-${token}` });
  } finally {
    vi.useRealTimers();
  }
});

afterAll(() => closeDb());

describe("listAuditEvents", () => {
  it("filters by the actor's address, in any case, newest first, with the actor's name and role", async () => {
    const { rows, total } = await listAuditEvents(admin, { actor: ayna.email.toUpperCase() }, firstPage);
    expect(total).toBe(2);
    expect(seqs(rows)).toEqual([seqOf.updated, seqOf.created]);
    expect(rows[0]).toEqual({
      seq: seqOf.updated,
      occurredAt: new Date("2001-03-09T19:30:00Z"),
      actorRole: "admin",
      actorName: "Aýna Test",
      actorEmail: ayna.email,
      action: "organization.updated",
      entityType: "organization",
      entityId: `org-${token}`,
      ip: "203.0.113.5",
      details: { changed: ["website"] },
    });
    expect(await listAuditEvents(admin, { actor: `nobody.${token}@audit.example` }, firstPage)).toEqual({ rows: [], total: 0 });
  });

  it("filters by action", async () => {
    const { rows } = await listAuditEvents(admin, { actor: merdan.email, action: "user.disabled" }, firstPage);
    expect(seqs(rows)).toEqual([seqOf.disabled]);
    expect(rows[0]).toMatchObject({ actorEmail: merdan.email, actorRole: "reviewer", entityId: ayna.id });
  });

  it("filters by entity type, and by type and ID", async () => {
    const byEntity = await listAuditEvents(admin, { entityType: "organization", entityId: `org-${token}` }, firstPage);
    expect(seqs(byEntity.rows)).toEqual([seqOf.updated, seqOf.created]);
    const byType = await listAuditEvents(admin, { actor: merdan.email, entityType: "election" }, firstPage);
    expect(seqs(byType.rows)).toEqual([seqOf.election]);
  });

  it("reads dates as whole days in Ashgabat", async () => {
    const tenth = { from: "2001-03-10", to: "2001-03-10" };
    expect(seqs((await listAuditEvents(admin, { ...tenth, actor: ayna.email }, firstPage)).rows)).toEqual([seqOf.updated]);
    expect(seqs((await listAuditEvents(admin, { ...tenth, actor: merdan.email }, firstPage)).rows)).toEqual([seqOf.election]);
    const untilNinth = await listAuditEvents(admin, { actor: ayna.email, to: "2001-03-09" }, firstPage);
    expect(seqs(untilNinth.rows)).toEqual([seqOf.created]);
    const fromEleventh = await listAuditEvents(admin, { actor: merdan.email, from: "2001-03-11" }, firstPage);
    expect(seqs(fromEleventh.rows)).toEqual([seqOf.disabled]);
    const failed = { entityType: "user", entityId: `unknown-${token}` };
    expect(seqs((await listAuditEvents(admin, { ...failed, from: "2001-03-11", to: "2001-03-11" }, firstPage)).rows)).toEqual([seqOf.failed]);
    expect((await listAuditEvents(admin, { ...failed, to: "2001-03-10" }, firstPage)).total).toBe(0);
  });

  it("combines filters, and shows an event without a signed-in actor", async () => {
    const { rows } = await listAuditEvents(admin, { action: "auth.sign_in_failed", entityType: "user", entityId: `unknown-${token}` }, firstPage);
    expect(rows).toEqual([expect.objectContaining({ seq: seqOf.failed, actorName: null, actorEmail: null, actorRole: null })]);
    const none = await listAuditEvents(admin, { actor: ayna.email, action: "election.created" }, firstPage);
    expect(none).toEqual({ rows: [], total: 0 });
  });

  it("pages 50 at a time in either direction, with the total", async () => {
    const entity = { entityType: "page-test", entityId: token };
    await getDb().transaction(async (tx) => {
      for (let i = 0; i < 60; i++) await writeAuditEvent(tx, { actor: null, action: "user.enabled", ...entity, details: { i } });
    });
    const first = await listAuditEvents(admin, entity, firstPage);
    expect(first.total).toBe(60);
    expect(first.rows).toHaveLength(50);
    expect(first.rows.map((r) => r.details.i)).toEqual(Array.from({ length: 50 }, (_, k) => 59 - k));
    const second = await listAuditEvents(admin, entity, pageOf({ page: 2 }));
    expect(second.rows.map((r) => r.details.i)).toEqual(Array.from({ length: 10 }, (_, k) => 9 - k));
    const oldestFirst = await listAuditEvents(admin, entity, pageOf({ dir: "asc" }));
    expect(oldestFirst.rows[0]!.details.i).toBe(0);
    expect(await listAuditEvents(admin, entity, pageOf({ page: 3 }))).toEqual({ rows: [], total: 60 });
  });

  it("is refused to anyone without the audit-log permission", async () => {
    const reviewer: Actor = { ...merdan, organizationId: null, totpEnabled: true, sessionId: "00000000-0000-4000-8000-000000000000" };
    await expect(listAuditEvents(reviewer, {}, firstPage)).rejects.toThrow("403 forbidden");
    await expect(listAuditEvents({ ...reviewer, role: "coordinator" }, {}, firstPage)).rejects.toThrow("403 forbidden");
  });
});
