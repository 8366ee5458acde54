/**
 * Mixed load (issue #9, `npm run test:load`, not part of `npm test`): on PostgreSQL, for LOAD_SECONDS
 * (60), 200 public readers, 50 coordinators editing and submitting their applications and 20
 * reviewers accrediting observers, all at once over HTTP against the production server.
 *
 * It passes when no request failed (an error status, or a Server Action that did not confirm),
 * every acknowledged write is in the database afterwards (each coordinator's last saved mission
 * name, each submission with its history entry and audit event, each accredited observer with
 * their number), the audit chain verifies, and p99 latency over all requests is under 1 s.
 *
 * People pause between requests (think time, drawn evenly): readers 5–15 s between pages,
 * coordinators and reviewers 2–6 s between steps. Each starts at a random moment of their first
 * pause. The data: bench/review-seed.ts with 200 organizations of 50 observers each, of which
 * the first 50 applications are complete drafts (one per coordinator) and the other 150 are
 * submitted, shared out among the reviewers (who accredit five observers at a time).
 */
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { chromium } from "@playwright/test";
import pg from "pg";
import { serverActionId } from "../e2e/server-actions";
import { proofSettings } from "../lib/env";
import { BASE, cleanUp, cleanups, percentile, postgresServer, prepareDatabase, run, signInThroughForm, startServer } from "../bench/harness";
import { chromiumArgs, findChromium } from "../scripts/chromium.mjs";
import { postServerAction } from "./server-action";

const SECONDS = proofSettings().loadSeconds;
const READERS = 200;
const COORDINATORS = 50;
const P99_BUDGET_MS = 1000;
/** The last five of each seeded mission include a passport shared with another mission: left out. */
const DECIDED_PER_MISSION = 45;
const PER_DECISION = 5;

type Seeded = {
  electionCode: string;
  missionIds: string[];
  observerIds: string[][];
  drafts: { missionId: string; email: string; details: Record<string, string | string[]> }[];
  reviewers: { email: string; totpSecret: string }[];
};
type Kind = "reader page" | "coordinator page" | "coordinator save" | "coordinator submit" | "reviewer page" | "reviewer decision";

const latencies = new Map<Kind, number[]>();
const failures: string[] = [];
const acknowledged = { names: new Map<string, string>(), submitted: new Set<string>(), accredited: new Set<string>() };

const between = (low: number, high: number) => low + Math.random() * (high - low);
const pause = (low: number, high: number) => sleep(between(low, high) * 1000);

function timed(kind: Kind, started: number) {
  const list = latencies.get(kind) ?? [];
  list.push(performance.now() - started);
  latencies.set(kind, list);
}

async function page(kind: Kind, path: string, cookie?: string) {
  const started = performance.now();
  try {
    const response = await fetch(`${BASE}${path}`, { headers: { "accept-language": "en", ...(cookie && { cookie }) }, redirect: "manual" });
    await response.arrayBuffer();
    timed(kind, started);
    if (response.status !== 200) failures.push(`${kind} ${path}: ${response.status}`);
  } catch (error) {
    failures.push(`${kind} ${path}: ${String(error)}`);
  }
}

/** A Server Action (see postServerAction): returns where it sent the user, or null when it did not confirm. */
async function action(kind: Kind, path: string, actionId: string, fields: [string, string][], cookie: string): Promise<string | null> {
  const started = performance.now();
  try {
    const { status, redirect, text } = await postServerAction(path, actionId, fields, cookie);
    timed(kind, started);
    if (!redirect) failures.push(`${kind} ${path}: ${status}, no confirmation (${text.slice(0, 200).replace(/\s+/g, " ")})`);
    return redirect;
  } catch (error) {
    failures.push(`${kind} ${path}: ${String(error)}`);
    return null;
  }
}

async function reader(seeded: Seeded, end: number) {
  const paths = ["/en", "/ru", "/tk", "/en/elections", `/en/elections/${seeded.electionCode}`, `/ru/elections/${seeded.electionCode}`, "/en/statements", "/en/verify"];
  await pause(0, 15);
  while (Date.now() < end) {
    await page("reader page", paths[Math.floor(Math.random() * paths.length)]!);
    await pause(5, 15);
  }
}

async function coordinator(draft: Seeded["drafts"][number], cookie: string, end: number) {
  const save = serverActionId("saveMissionDetailsAction");
  const submit = serverActionId("submitApplicationAction");
  const application = `/en/portal/applications/${draft.missionId}`;
  let edits = 0;
  await pause(0, 6);
  while (Date.now() < end) {
    if (edits < 2) {
      await page("coordinator page", `${application}/mission`, cookie);
      await pause(2, 6);
      const name = `${draft.details.name as string} (revision ${edits + 1})`;
      const fields = Object.entries({ ...draft.details, name }).flatMap(([field, value]) => (Array.isArray(value) ? value.map((v) => [field, v] as [string, string]) : [[field, value] as [string, string]]));
      const sentTo = await action("coordinator save", `${application}/mission`, save, [...fields, ["missionId", draft.missionId]], cookie);
      if (sentTo?.includes("/letter")) acknowledged.names.set(draft.missionId, name);
      edits += 1;
    } else if (!acknowledged.submitted.has(draft.missionId)) {
      await page("coordinator page", `${application}/check`, cookie);
      await pause(2, 6);
      const sentTo = await action("coordinator submit", `${application}/check`, submit, [["missionId", draft.missionId]], cookie);
      if (sentTo?.includes("notice=submitted")) acknowledged.submitted.add(draft.missionId);
      else return;
    } else {
      await page("coordinator page", application, cookie);
    }
    await pause(2, 6);
  }
}

async function reviewer(missions: { missionId: string; observerIds: string[] }[], cookie: string, end: number) {
  const decide = serverActionId("decideObserversAction");
  await pause(0, 6);
  for (const { missionId, observerIds } of missions) {
    const path = `/en/commission/applications/${missionId}`;
    await page("reviewer page", "/en/commission/applications", cookie);
    for (let i = 0; i < DECIDED_PER_MISSION; i += PER_DECISION) {
      if (Date.now() >= end) return;
      await pause(2, 6);
      await page("reviewer page", path, cookie);
      await pause(2, 6);
      const chosen = observerIds.slice(i, Math.min(i + PER_DECISION, DECIDED_PER_MISSION));
      const sentTo = await action("reviewer decision", path, decide, [["intent", "accredit"], ["missionId", missionId], ...chosen.map((id) => ["observer", `${id}:1`] as [string, string])], cookie);
      if (sentTo?.includes("notice=accredited")) for (const id of chosen) acknowledged.accredited.add(id);
    }
  }
}

/** Every acknowledged write, read back from the database; returns what is missing. */
async function lostWrites(databaseUrl: string, seeded: Seeded) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const lost: string[] = [];
    for (const [missionId, name] of acknowledged.names) {
      const { rows } = await client.query<{ name: string }>("select name from missions where id = $1", [missionId]);
      // A later acknowledged save overwrites an earlier one: the last must be there.
      if (rows[0]?.name !== name) lost.push(`mission ${missionId}: name "${rows[0]?.name}", acknowledged "${name}"`);
    }
    for (const missionId of acknowledged.submitted) {
      const { rows } = await client.query<{ status: string; submissions: string; events: string }>(
        `select status,
           (select count(*) from mission_submissions s where s.mission_id = m.id) as submissions,
           (select count(*) from audit_events a where a.entity_type = 'mission' and a.entity_id = m.id::text and a.action = 'application.submitted') as events
         from missions m where id = $1`,
        [missionId],
      );
      const row = rows[0];
      if (row?.status !== "submitted" || row.submissions !== "1" || row.events !== "1") lost.push(`submission ${missionId}: ${JSON.stringify(row)}`);
    }
    const ids = [...acknowledged.accredited];
    const { rows } = await client.query<{ id: string }>("select id from observers where id = any($1::uuid[]) and status = 'accredited' and accreditation_number is not null", [ids]);
    const found = new Set(rows.map((r) => r.id));
    for (const id of ids) if (!found.has(id)) lost.push(`accreditation of observer ${id}`);
    const drafts = new Set(seeded.drafts.map((d) => d.missionId));
    const { rows: stray } = await client.query<{ id: string }>("select id from missions where status = 'submitted' and id = any($1::uuid[])", [[...drafts]]);
    for (const { id } of stray) if (!acknowledged.submitted.has(id)) lost.push(`mission ${id} submitted without an acknowledgement`);
    return lost;
  } finally {
    await client.end();
  }
}

function report() {
  const all = [...latencies.values()].flat().sort((a, b) => a - b);
  const line = (name: string, values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const ms = (p: number) => `${percentile(sorted, p).toFixed(0)} ms`.padStart(8);
    console.log(`${name.padEnd(20)} ${String(sorted.length).padStart(8)} ${(sorted.length / SECONDS).toFixed(1).padStart(7)} ${ms(0.5)} ${ms(0.95)} ${ms(0.99)} ${`${(sorted.at(-1) ?? NaN).toFixed(0)} ms`.padStart(9)}`);
  };
  console.log(`\n${"requests".padEnd(20)} ${"count".padStart(8)} ${"per s".padStart(7)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"p99".padStart(8)} ${"max".padStart(9)}`);
  for (const [kind, values] of latencies) line(kind, values);
  line("all", all);
  return percentile(all, 0.99);
}

async function main() {
  if (!existsSync(".next/BUILD_ID")) execSync("npx next build", { stdio: "inherit" });
  const server = await postgresServer();
  if (!server) throw new Error("npm run test:load needs PostgreSQL: no server answers at BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres)");
  const env = await prepareDatabase("load", "postgres", server);
  const seeded = JSON.parse((await run("node", ["--conditions=react-server", "--import", "tsx", "bench/review-seed.ts"], { ...env, SEED_DRAFTS: String(COORDINATORS) })).trim().split("\n").at(-1)!) as Seeded;
  await startServer(env, []);

  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  cleanups.push(() => browser.close());
  const started = performance.now();
  const coordinatorCookies: string[] = [];
  for (const draft of seeded.drafts) coordinatorCookies.push(await signInThroughForm(browser, { email: draft.email }));
  const reviewerCookies: string[] = [];
  for (const account of seeded.reviewers) reviewerCookies.push(await signInThroughForm(browser, account));
  await browser.close();
  console.log(`${coordinatorCookies.length} coordinators and ${reviewerCookies.length} reviewers signed in through the form in ${((performance.now() - started) / 1000).toFixed(0)} s`);

  const submitted = seeded.missionIds.map((missionId, m) => ({ missionId, observerIds: seeded.observerIds[m]! })).slice(COORDINATORS);
  const end = Date.now() + SECONDS * 1000;
  console.log(`for ${SECONDS} s: ${READERS} readers, ${COORDINATORS} coordinators, ${reviewerCookies.length} reviewers`);
  await Promise.all([
    ...Array.from({ length: READERS }, () => reader(seeded, end)),
    ...seeded.drafts.map((draft, i) => coordinator(draft, coordinatorCookies[i]!, end)),
    ...reviewerCookies.map((cookie, r) => reviewer(submitted.filter((_, i) => i % reviewerCookies.length === r), cookie, end)),
  ]);
  const p99 = report();
  console.log(`acknowledged: ${acknowledged.names.size} coordinators' saves (last of each), ${acknowledged.submitted.size} submissions, ${acknowledged.accredited.size} accreditations`);

  const lost = await lostWrites(env.DATABASE_URL!, seeded);
  const audit = await run("node", ["--conditions=react-server", "--import", "tsx", "scripts/audit-verify.ts"], env).then(
    (out) => out.trim(),
    (error: unknown) => `FAILED: ${String(error)}`,
  );
  const verdicts = [
    [`no failed requests (${failures.length})`, failures.length === 0],
    [`no lost writes (${lost.length})`, lost.length === 0],
    [`audit chain verifies: ${audit}`, audit.startsWith("OK")],
    [`p99 under ${P99_BUDGET_MS} ms (${p99.toFixed(0)} ms)`, p99 < P99_BUDGET_MS],
  ] as const;
  for (const failure of failures.slice(0, 10)) console.log(`  failed: ${failure}`);
  for (const write of lost.slice(0, 10)) console.log(`  lost: ${write}`);
  for (const [text, ok] of verdicts) console.log(`${ok ? "PASS" : "FAIL"}  ${text}`);
  if (verdicts.some(([, ok]) => !ok)) process.exitCode = 1;
}

process.once("SIGINT", () => void cleanUp().finally(() => process.exit(130)));
main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(cleanUp);
