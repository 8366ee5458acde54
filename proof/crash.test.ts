import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { closeDb, databaseKind, getDb } from "@/db";
import { emailOutbox } from "@/db/schema";
import { submitApplication } from "@/lib/accreditation/applications";
import { verifyAuditChain } from "@/lib/audit/verify";
import { getEnv, proofSettings } from "@/lib/env";
import { sendDueEmails } from "@/lib/email/sender";
import { accreditationData } from "@/test/accreditation-fixtures";
import { setUpTestDatabase, testData } from "@/test/db-fixtures";
import { startTestSmtpServer } from "@/test/smtp-server";

/**
 * Crash test (issue #9): 200 coordinators submit at once and the process doing it is stopped
 * part-way. On PostgreSQL it is killed (SIGKILL); on the embedded database it is stopped
 * (SIGTERM), which lets PGlite finish what it has queued and close cleanly (CRASH_SIGNAL=SIGKILL
 * tries a kill there too). Afterwards every acknowledged submission is there, whole; every other
 * application is whole or untouched; the audit chain verifies; and once restarted, the sender
 * delivers every queued email exactly once.
 */
const data = testData();
const acc = accreditationData(data);
setUpTestDatabase(data);

const APPLICATIONS = 200;
const KILL_AFTER_ACKS = 40;

/** Runs proof/crash-submitter.ts and stops it with `signal` once it has acknowledged `killAfter` submissions. */
function submitAndKill(jobsFile: string, signal: NodeJS.Signals, killAfter: number) {
  return new Promise<{ acked: string[]; finished: boolean }>((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "proof/crash-submitter.ts", jobsFile], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const acked: string[] = [];
    let finished = false;
    let pending = "";
    child.stdout.on("data", (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop()!;
      for (const line of lines) {
        if (line === "done") finished = true;
        else if (line.startsWith("ack ")) acked.push(line.slice(4));
      }
      if (acked.length >= killAfter && !child.killed) child.kill(signal);
    });
    child.on("error", reject);
    child.on("exit", () => resolve({ acked, finished }));
  });
}

describe("a process that dies during 200 concurrent submissions", () => {
  it("loses no acknowledged submission, leaves nothing half-written, and each queued email is sent once after restart", async () => {
    const election = await data.election();
    const reviewers = [await data.user("reviewer"), await data.user("reviewer")];
    const drafts = [];
    for (let i = 0; i < APPLICATIONS; i++) drafts.push(await acc.completeDraft({ election, observers: 1 }));
    const jobsFile = join(getEnv().DATA_DIR, "crash-jobs.json");
    writeFileSync(jobsFile, JSON.stringify(drafts.map(({ actor, missionId }) => ({ actor, missionId }))));

    const signal = proofSettings().crashSignal ?? (databaseKind() === "pglite" ? "SIGTERM" : "SIGKILL");
    // The embedded database may be opened by one process at a time: this one lets go first.
    await closeDb();
    const { acked, finished } = await submitAndKill(jobsFile, signal, KILL_AFTER_ACKS);
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    // A kill must land mid-load, or the test proves nothing; a clean stop may finish what it holds.
    if (signal === "SIGKILL") expect(finished, "the process finished before it was killed").toBe(false);

    // Restart: every application is whole, submitted or untouched; every acknowledged one submitted.
    let submitted = 0;
    for (const { missionId, actor } of drafts) {
      const [mission, submissions, events, receipts] = await Promise.all([
        acc.missionRow(missionId),
        acc.submissionsOf(missionId),
        data.auditOf("mission", missionId),
        acc.emailsTo(actor.email),
      ]);
      const submittedEvents = events.filter((e) => e.action === "application.submitted");
      if (mission!.status === "submitted") {
        submitted++;
        expect([submissions.length, submittedEvents.length, receipts.length], missionId).toEqual([1, 1, 1]);
      } else {
        expect(mission!.status, missionId).toBe("draft");
        expect(acked, missionId).not.toContain(missionId);
        expect([submissions.length, submittedEvents.length, receipts.length], missionId).toEqual([0, 0, 0]);
      }
    }
    expect(submitted).toBeGreaterThanOrEqual(acked.length);
    if (signal === "SIGKILL") expect(submitted).toBeLessThan(APPLICATIONS);
    console.info(`crash test (${databaseKind()}, ${signal}): ${acked.length} acknowledged, ${submitted} submitted of ${APPLICATIONS}${finished ? ", all finished before the process stopped" : ""}`);
    expect((await verifyAuditChain(getDb())).ok).toBe(true);

    // The coordinators whose submission was lost with the process submit again, and succeed.
    for (const { missionId, actor } of drafts) {
      if ((await acc.missionRow(missionId))!.status === "draft") expect((await submitApplication(actor, missionId, null)).ok).toBe(true);
    }
    expect((await verifyAuditChain(getDb())).ok).toBe(true);

    // The restarted sender delivers each queued email once: receipts, and each reviewer's notices.
    const smtp = await startTestSmtpServer();
    try {
      while ((await sendDueEmails({ smtpUrl: smtp.url, from: "Observer Portal <portal@crash-test.example>" })).claimed > 0);
      const queued = await getDb().select({ id: emailOutbox.id, status: emailOutbox.status }).from(emailOutbox).where(like(emailOutbox.toAddress, `%${data.token}%`));
      expect(queued).toHaveLength(APPLICATIONS * (1 + reviewers.length));
      expect(queued.filter((email) => email.status !== "sent" || smtp.messagesFor(email.id).length !== 1)).toEqual([]);
    } finally {
      await smtp.close();
    }
  }, 600_000);
});
