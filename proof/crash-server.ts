/**
 * Crash test through the portal's own HTTP server (issue #9, `npm run test:crash:server`, not part of
 * `npm test`). 200 coordinators, signed in through the form, submit their complete applications at
 * once as the browser would (the Server Action over HTTP). After 40 confirmations the production
 * server is killed: SIGKILL on PostgreSQL; on the embedded database SIGTERM, its clean close
 * (CRASH_SIGNAL=SIGKILL tries a kill there too; see the README for what that can lose).
 *
 * With the server down, every confirmed submission must be in the database whole (its snapshot,
 * audit event and receipt) and every other application whole or untouched, the audit chain intact.
 * The server is then restarted with its outbox sender and a mail server on loopback; the
 * coordinators whose submission was lost submit again; every queued email must arrive exactly once.
 * On each engine (BENCH_ENGINE, as the benchmarks), with the data of bench/review-seed.ts.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ChildProcess } from "node:child_process";
import { serverActionId } from "../e2e/server-actions";
import { proofSettings } from "../lib/env";
import { type Engine, prepareDatabase, run, runBench, signInThroughForm, sleep, startServer } from "../bench/harness";
import { startTestSmtpServer } from "../test/smtp-server";
import { postServerAction } from "./server-action";

const APPLICATIONS = 200;
const KILL_AFTER_ACKS = 40;
const SIGN_INS_AT_ONCE = 6;

type Seeded = { drafts: { missionId: string; email: string }[] };
type Checked = {
  applications: { missionId: string; status: string | undefined; submissions: number; events: number; receipts: number }[];
  outbox: { id: string; status: string }[];
  auditOk: boolean;
};

const node = ["--conditions=react-server", "--import", "tsx"];
const exited = (server: ChildProcess) => (server.exitCode !== null || server.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => server.once("exit", () => resolve())));

async function signInAll(browser: Parameters<Parameters<typeof runBench>[0]>[2], emails: string[]) {
  const cookies: string[] = new Array(emails.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: SIGN_INS_AT_ONCE }, async () => {
      while (next < emails.length) {
        const i = next++;
        cookies[i] = await signInThroughForm(browser, { email: emails[i]! });
      }
    }),
  );
  return cookies;
}

/** One submission over HTTP; true when the portal confirmed it. */
async function submit(missionId: string, cookie: string) {
  const path = `/en/portal/applications/${missionId}/check`;
  const answer = await postServerAction(path, serverActionId("submitApplicationAction"), [["missionId", missionId]], cookie).catch(() => null);
  return answer?.redirect?.includes("notice=submitted") ?? false;
}

/** What is wrong with an application: a confirmed one must be whole; any other whole or untouched. */
function problemOf(application: Checked["applications"][number], confirmed: boolean) {
  const counts = [application.submissions, application.events, application.receipts].join("/");
  if (application.status === "submitted") return counts === "1/1/1" ? null : `submitted with submissions/events/receipts ${counts}`;
  if (confirmed) return `confirmed but ${application.status}`;
  return application.status === "draft" && counts === "0/0/0" ? null : `${application.status} with submissions/events/receipts ${counts}`;
}

async function crashEngine(engine: Engine, postgres: URL | null, browser: Parameters<Parameters<typeof runBench>[0]>[2]) {
  console.log(`\n=== ${engine} ===`);
  const env = await prepareDatabase("crash", engine, postgres);
  const { drafts } = JSON.parse((await run("node", [...node, "bench/review-seed.ts"], { ...env, SEED_DRAFTS: String(APPLICATIONS) })).trim().split("\n").at(-1)!) as Seeded;
  mkdirSync(env.DATA_DIR!, { recursive: true });
  const jobsFile = join(env.DATA_DIR!, "crash-jobs.json");
  writeFileSync(jobsFile, JSON.stringify(drafts));
  const check = async () => JSON.parse((await run("node", [...node, "proof/crash-server-check.ts", jobsFile], env)).trim().split("\n").at(-1)!) as Checked;

  const server = await startServer(env, []);
  const cookies = await signInAll(browser, drafts.map((d) => d.email));
  const signal = proofSettings().crashSignal ?? (engine === "pglite" ? "SIGTERM" : "SIGKILL");
  const confirmed = new Set<string>();
  let settled = 0;
  const stopped = exited(server);
  await Promise.all(
    drafts.map(async ({ missionId }, i) => {
      if (await submit(missionId, cookies[i]!)) confirmed.add(missionId);
      settled += 1;
      if (confirmed.size >= KILL_AFTER_ACKS && server.exitCode === null && !server.killed) server.kill(signal);
    }),
  );
  await stopped;
  console.log(`${signal} after ${confirmed.size} confirmations (${settled - confirmed.size} requests failed or were cut off)`);

  const afterCrash = await check();
  const problems = afterCrash.applications.flatMap((a) => {
    const problem = problemOf(a, confirmed.has(a.missionId));
    return problem ? [`${a.missionId}: ${problem}`] : [];
  });
  const submitted = afterCrash.applications.filter((a) => a.status === "submitted").length;
  console.log(`after the crash: ${submitted} of ${APPLICATIONS} submitted, ${confirmed.size} confirmed; audit chain ${afterCrash.auditOk ? "verifies" : "BROKEN"}`);

  // Restart with the sender; the coordinators whose submission was lost submit again.
  const smtp = await startTestSmtpServer();
  const restarted = await startServer({ ...env, OUTBOX_SENDER: "on", SMTP_URL: smtp.url, MAIL_FROM: "Observer Portal <portal@crash-test.example>" }, []);
  const lost = afterCrash.applications.filter((a) => a.status !== "submitted");
  const resubmitted = await Promise.all(lost.map((a) => submit(a.missionId, cookies[drafts.findIndex((d) => d.missionId === a.missionId)]!)));
  if (resubmitted.some((ok) => !ok)) problems.push(`${resubmitted.filter((ok) => !ok).length} lost applications could not be submitted again`);
  // The sender has delivered all once nothing new arrives for a while.
  for (let quiet = 0, seen = -1; quiet < 10; ) {
    await sleep(1000);
    quiet = smtp.messages.length === seen ? quiet + 1 : 0;
    seen = smtp.messages.length;
  }
  restarted.kill("SIGTERM");
  await exited(restarted);
  await smtp.close();

  const afterRestart = await check();
  for (const a of afterRestart.applications) {
    const problem = a.status === "submitted" ? problemOf(a, true) : `${a.status} after submitting again`;
    if (problem) problems.push(`after restart, ${a.missionId}: ${problem}`);
  }
  const unsent = afterRestart.outbox.filter((email) => email.status !== "sent" || smtp.messagesFor(email.id).length !== 1);
  console.log(`after restart: ${afterRestart.outbox.length} queued emails, ${smtp.messages.length} delivered, ${unsent.length} not delivered exactly once; audit chain ${afterRestart.auditOk ? "verifies" : "BROKEN"}`);
  for (const problem of problems.slice(0, 10)) console.log(`  ${problem}`);
  for (const email of unsent.slice(0, 10)) console.log(`  email ${email.id}: ${email.status}, delivered ${smtp.messagesFor(email.id).length} times`);
  const ok = problems.length === 0 && unsent.length === 0 && afterCrash.auditOk && afterRestart.auditOk && confirmed.size >= KILL_AFTER_ACKS;
  console.log(`${engine}: ${ok ? "PASS" : "FAIL"}`);
  return ok;
}

runBench(crashEngine);
