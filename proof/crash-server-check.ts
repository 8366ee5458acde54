/**
 * Reads back, for proof/crash-server.ts, what the database holds after the crash: for each of the
 * missions in the file named by the first argument, its status, submissions, "submitted" audit
 * events and receipts to its coordinator; every email in the outbox with its status; and the audit
 * chain's verdict. Prints one line of JSON. Run with the portal's environment, the server stopped
 * (the embedded database opens in one process at a time).
 */
import { readFileSync } from "node:fs";
import { and, count, eq, inArray } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { auditEvents, emailOutbox, missions, missionSubmissions } from "@/db/schema";
import { verifyAuditChain } from "@/lib/audit/verify";

type Job = { missionId: string; email: string };

async function main() {
  const jobs = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as Job[];
  const db = getDb();
  const ids = jobs.map((j) => j.missionId);
  const countsBy = async (rows: Promise<{ key: string | null; n: number }[]>) => new Map((await rows).map((r) => [r.key, r.n]));
  const [statuses, submissions, events, receipts, outbox, audit] = await Promise.all([
    db.select({ id: missions.id, status: missions.status }).from(missions).where(inArray(missions.id, ids)),
    countsBy(db.select({ key: missionSubmissions.missionId, n: count() }).from(missionSubmissions).where(inArray(missionSubmissions.missionId, ids)).groupBy(missionSubmissions.missionId)),
    countsBy(
      db
        .select({ key: auditEvents.entityId, n: count() })
        .from(auditEvents)
        .where(and(eq(auditEvents.entityType, "mission"), eq(auditEvents.action, "application.submitted"), inArray(auditEvents.entityId, ids)))
        .groupBy(auditEvents.entityId),
    ),
    countsBy(
      db
        .select({ key: emailOutbox.toAddress, n: count() })
        .from(emailOutbox)
        .where(and(eq(emailOutbox.template, "application-receipt"), inArray(emailOutbox.toAddress, jobs.map((j) => j.email))))
        .groupBy(emailOutbox.toAddress),
    ),
    db.select({ id: emailOutbox.id, status: emailOutbox.status }).from(emailOutbox),
    verifyAuditChain(db),
  ]);
  const statusOf = new Map(statuses.map((s) => [s.id, s.status]));
  const applications = jobs.map((j) => ({
    missionId: j.missionId,
    status: statusOf.get(j.missionId),
    submissions: submissions.get(j.missionId) ?? 0,
    events: events.get(j.missionId) ?? 0,
    receipts: receipts.get(j.email) ?? 0,
  }));
  await closeDb();
  console.log(JSON.stringify({ applications, outbox, auditOk: audit.ok }));
}

void main();
