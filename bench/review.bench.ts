/**
 * The reviewers' pages under load (issue "Accreditation II"): 200 submitted applications with 50
 * observers each (10,000), 20 staff signed in at once. The queue page and an application page must
 * answer at p95 within 150 ms, with at most 8 SQL queries per request; beside them, from the same
 * run, the static baseline page (a prerendered file the server sends as it is).
 *
 * On each engine (BENCH_ENGINE=pglite or postgres; both by default, PostgreSQL when a server
 * answers at BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres, on which a
 * fresh database is created and dropped): the data is written through Drizzle
 * (bench/review-seed.ts), the production server starts on its own port with DB_QUERY_LOG=count,
 * 20 reviewers sign in through the real form with password and authenticator code in Chromium,
 * and 20 clients, each with its own session and connection, request one target as fast as the
 * server answers (a closed loop, no think time) for BENCH_SECONDS (15) after a short warm-up; then
 * one client alone for a few seconds, the latency of an idle server. The application page rotates
 * over the 200 applications. Latency is to the last byte, with the compression a browser asks for.
 *
 * Beside latency: the server process's CPU time per request (from /proc; steadier than latency on
 * a shared machine), and the SQL statements of each request, which the server counts and writes
 * one line per request (db/query-count.ts); BEGIN/COMMIT are not counted (PGlite's never reach
 * Drizzle's logger; node-postgres's do and are shown apart).
 *
 * Run with `npm run bench` or `npx tsx bench/review.bench.ts` (it builds first if there is no
 * build: rebuild after changing the code); not part of `npm test`. Cleans up after itself: the
 * server, the data folder under ./data, the PostgreSQL database.
 */
import { Agent } from "node:http";
import type { Browser } from "@playwright/test";
import { type Engine, isBaseline, measureBareBaseline, measuredRows, measureTargets, percentile, prepareDatabase, type QueryLine, recordResults, request, run, runBench, signInThroughForm, STATIC_BASELINE, startServer, type Target, decodedBody } from "./harness";

const P95_BUDGET_MS = 150;
const QUERY_BUDGET = 8;
const CLIENTS = 20;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARM_UP_SECONDS = 3;
/** Beside the load: one client alone, the latency of an otherwise idle server. */
const ALONE_SECONDS = Math.min(5, SECONDS);
const QUEUE_PATH = "/en/commission/applications";
type Seeded = { missionIds: string[]; reviewers: { email: string; totpSecret: string }[]; observers: number; seconds: string };
/** One request of each page as the first reviewer: the page it is, not a sign-in page or an error. */
async function checkPages(targets: Target[], cookie: string, missionName: (body: string) => boolean) {
  const agent = new Agent({ keepAlive: false });
  for (const target of targets.filter((t) => t.cookies)) {
    const response = await request(agent, target.paths(0), cookie);
    const { status } = response;
    const body = decodedBody(response).toString("utf8");
    const expected = target.name === "queue page" ? body.includes("Applications to review") : body.includes("Back to the queue") && missionName(body);
    if (status !== 200 || !expected) throw new Error(`${target.name}: status ${status}, not the expected page`);
  }
}

function queryFigures(lines: QueryLine[], pattern: RegExp) {
  const own = lines.filter((l) => pattern.test(l.path) && l.status === 200);
  const counts = own.map((l) => l.queries).sort((a, b) => a - b);
  const control = Math.max(0, ...own.map((l) => l.transactionControl));
  return { requests: own.length, min: counts[0] ?? NaN, max: counts.at(-1) ?? NaN, median: percentile(counts, 0.5), control };
}

async function benchEngine(engine: Engine, postgres: URL | null, browser: Browser) {
  console.log(`\n=== ${engine} ===`);
  const env = await prepareDatabase("review", engine, postgres);
  const seedOutput = await run("node", ["--conditions=react-server", "--import", "tsx", "bench/review-seed.ts"], env);
  const seeded = JSON.parse(seedOutput.trim().split("\n").at(-1)!) as Seeded;
  console.log(`seeded ${seeded.missionIds.length} submitted applications, ${seeded.observers} observers, ${seeded.reviewers.length} reviewers in ${seeded.seconds} s`);

  const queryLines: QueryLine[] = [];
  const server = await startServer(env, queryLines);
  const signInStarted = performance.now();
  const cookies: string[] = [];
  for (const reviewer of seeded.reviewers) cookies.push(await signInThroughForm(browser, reviewer));
  console.log(`${cookies.length} reviewers signed in with password and authenticator code in ${((performance.now() - signInStarted) / 1000).toFixed(1)} s`);

  const missions = seeded.missionIds;
  const targets: Target[] = [
    STATIC_BASELINE,
    { name: "queue page", paths: () => QUEUE_PATH, cookies: true, pathPattern: /^\/en\/commission\/applications$/ },
    { name: "application page", paths: (n) => `${QUEUE_PATH}/${missions[(n * 7) % missions.length]}`, cookies: true, pathPattern: /^\/en\/commission\/applications\/[0-9a-f-]{36}$/ },
  ];
  await checkPages(targets, cookies[0]!, (body) => body.includes("observation mission"));

  const results = await measureTargets(targets, { cookies, clients: CLIENTS, warmUpSeconds: WARM_UP_SECONDS, seconds: SECONDS, aloneSeconds: ALONE_SECONDS, serverPid: server.pid! });
  return { results: [...results, await measureBareBaseline(CLIENTS, SECONDS)], queryLines };
}

function report(engine: Engine, { results, queryLines }: Awaited<ReturnType<typeof benchEngine>>) {
  const baselineOf = (clients: number) => results.find((r) => r.target === STATIC_BASELINE && r.figures.clients === clients)!.figures;
  const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(9);
  console.log(`\n${engine}: ${CLIENTS} concurrent clients for ${SECONDS} s per target (after ${WARM_UP_SECONDS} s of warm-up), then 1 client alone for ${ALONE_SECONDS} s; latency to the last byte`);
  console.log(
    `${"target".padEnd(28)} ${"clients".padStart(7)} ${"req/s".padStart(7)} ${"p50".padStart(9)} ${"p95".padStart(9)} ${"p99".padStart(9)}  ${"p95 ÷ base".padStart(10)}  ${"errors".padStart(6)}  ${"CPU/req".padStart(8)}  ${"SQL/request".padStart(19)}  budget`,
  );
  let met = true;
  const verdicts = new Map<(typeof results)[number], string>();
  for (const measured of results) {
    const { target, figures } = measured;
    const baseline = baselineOf(figures.clients);
    const baselineRow = isBaseline(target);
    const queries = target.pathPattern ? queryFigures(queryLines, target.pathPattern) : null;
    const queryText = queries ? `max ${queries.max}, median ${queries.median}` : "0";
    const withinTime = figures.p95 <= P95_BUDGET_MS;
    const withinQueries = !queries || queries.max <= QUERY_BUDGET;
    const judged = !baselineRow && figures.clients === CLIENTS;
    if (judged) met &&= withinTime && withinQueries && figures.errors === 0;
    verdicts.set(measured, judged ? `p95 ${withinTime ? "met" : "EXCEEDED"}, SQL ${withinQueries ? "met" : "EXCEEDED"}` : "");
    const verdict = baselineRow ? "(baseline)" : verdicts.get(measured);
    const cpu = figures.cpuPerRequest === null ? "—" : `${figures.cpuPerRequest.toFixed(1)} ms`;
    console.log(
      `${target.name.padEnd(28)} ${String(figures.clients).padStart(7)} ${figures.perSecond.toFixed(0).padStart(7)} ${ms(figures.p50)} ${ms(figures.p95)} ${ms(figures.p99)}  ${(figures.p95 / baseline.p95).toFixed(1).padStart(10)}  ${String(figures.errors).padStart(6)}  ${cpu.padStart(8)}  ${queryText.padStart(19)}  ${verdict}`,
    );
  }
  recordResults(measuredRows("commission review", engine, results, (m) => verdicts.get(m)!));
  const control = Math.max(0, ...results.map((r) => (r.target.pathPattern ? queryFigures(queryLines, r.target.pathPattern).control : 0)));
  const counted = results.filter((r) => r.target.pathPattern).map((r) => `${r.target.name} ${queryFigures(queryLines, r.target.pathPattern!).requests}`);
  console.log(`SQL statements counted by the server per request (${[...new Set(counted)].join(", ")} requests); BEGIN/COMMIT not counted${control ? ` (node-postgres also sent up to ${control} of those per request)` : ""}`);
  console.log(`CPU/req: the server process's CPU time per request; ${CLIENTS} clients without pause wait about ${CLIENTS} × that when the server has one core to itself`);
  console.log(`budget (${CLIENTS} clients): p95 ≤ ${P95_BUDGET_MS} ms and ≤ ${QUERY_BUDGET} SQL statements per request: ${met ? "met" : "NOT MET"}`);
  return met;
}

runBench(async (engine, postgres, browser) => report(engine, await benchEngine(engine, postgres, browser)));
