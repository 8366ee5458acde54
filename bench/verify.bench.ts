/**
 * The public badge check under load (issue "Badges", part 4): the verification page, opened from a
 * badge's QR code (`/en/verify?t=…`), must answer at p95 within 50 ms under 50 concurrent
 * requests; beside it, from the same run, the static baseline page (a prerendered file the server
 * sends as it is). Each request checks the token's Ed25519 signature and reads the badge's standing
 * from the database (a verdict is never cached), so this is the real work of a scan.
 *
 * On each engine (BENCH_ENGINE=pglite or postgres; both by default, PostgreSQL when a server
 * answers at BENCH_DATABASE_URL): 200 accredited observers with signed badges (bench/verify-seed.ts),
 * the production server with DB_QUERY_LOG=count, 50 clients each on its own connection requesting
 * as fast as the server answers (a closed loop) for BENCH_SECONDS (15) after a warm-up, rotating
 * over the 200 tokens; then one client alone, the latency of an idle server. Latency is to the
 * last byte. Exit code 1 when the budget is unmet.
 *
 * Beside them, not judged: the same page without a token (its frame: header, form, messages, no
 * signature and no database), what Next costs for this page before the check does any work.
 *
 * Run with `npm run bench` or `npx tsx bench/verify.bench.ts` (it builds first if there is no build).
 */
import { Agent } from "node:http";
import { type Engine, isBaseline, measureBareBaseline, measuredRows, measureTargets, percentile, prepareDatabase, type QueryLine, recordResults, request, run, runBench, STATIC_BASELINE, startServer, type Target, decodedBody } from "./harness";

const P95_BUDGET_MS = 50;
const CLIENTS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARM_UP_SECONDS = 3;
const ALONE_SECONDS = Math.min(5, SECONDS);
const VERIFY_PATH = /^\/en\/verify$/;
const PAGE_FRAME: Target = { name: "same page, no token", paths: () => "/en/verify", cookies: false };

async function benchEngine(engine: Engine, postgres: URL | null) {
  console.log(`\n=== ${engine} ===`);
  const env = await prepareDatabase("verify", engine, postgres);
  const seedOutput = await run("node", ["--conditions=react-server", "--import", "tsx", "bench/verify-seed.ts"], env);
  const { tokens } = JSON.parse(seedOutput.trim().split("\n").at(-1)!) as { tokens: string[] };
  const queryLines: QueryLine[] = [];
  const server = await startServer(env, queryLines);
  const targets: Target[] = [
    STATIC_BASELINE,
    { name: "verification page (?t=)", paths: (n) => `/en/verify?t=${tokens[n % tokens.length]}`, cookies: false, pathPattern: VERIFY_PATH },
    PAGE_FRAME,
  ];
  // The page it is: a verdict on a genuine badge, not an error.
  const check = await request(new Agent({ keepAlive: false }), targets[1]!.paths(0), undefined);
  const body = decodedBody(check).toString("utf8");
  const word = /id="verdict-word"[^>]*>([^<]+)</.exec(body)?.[1];
  if (check.status !== 200 || !word || word === "NOT GENUINE") throw new Error(`verification page: status ${check.status}, verdict ${word ?? "none"}`);
  console.log(`a scanned badge of the seed says ${word}`);

  const results = await measureTargets(targets, { clients: CLIENTS, warmUpSeconds: WARM_UP_SECONDS, seconds: SECONDS, aloneSeconds: ALONE_SECONDS, serverPid: server.pid! });
  return { results: [...results, await measureBareBaseline(CLIENTS, SECONDS)], queryLines };
}

function report(engine: Engine, { results, queryLines }: Awaited<ReturnType<typeof benchEngine>>) {
  const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(9);
  const queries = queryLines.filter((l) => VERIFY_PATH.test(l.path) && l.status === 200).map((l) => l.queries).sort((a, b) => a - b);
  console.log(`\n${engine}: ${CLIENTS} concurrent clients for ${SECONDS} s per target (after ${WARM_UP_SECONDS} s of warm-up), then 1 client alone for ${ALONE_SECONDS} s; latency to the last byte`);
  console.log(`${"target".padEnd(30)} ${"clients".padStart(7)} ${"req/s".padStart(7)} ${"p50".padStart(9)} ${"p95".padStart(9)} ${"p99".padStart(9)}  ${"p95 ÷ base".padStart(10)}  ${"errors".padStart(6)}  ${"CPU/req".padStart(8)}  budget`);
  let met = true;
  const verdicts = new Map<(typeof results)[number], string>();
  for (const measured of results) {
    const { target, figures } = measured;
    const baseline = results.find((r) => r.target === STATIC_BASELINE && r.figures.clients === figures.clients)!.figures;
    const baselineRow = isBaseline(target);
    const judged = !baselineRow && target !== PAGE_FRAME && figures.clients === CLIENTS;
    const within = figures.p95 <= P95_BUDGET_MS && figures.errors === 0;
    if (judged) met &&= within;
    verdicts.set(measured, judged ? `p95 ${within ? "met" : "EXCEEDED"}` : "");
    const cpu = figures.cpuPerRequest === null ? "—" : `${figures.cpuPerRequest.toFixed(1)} ms`;
    console.log(
      `${target.name.padEnd(30)} ${String(figures.clients).padStart(7)} ${figures.perSecond.toFixed(0).padStart(7)} ${ms(figures.p50)} ${ms(figures.p95)} ${ms(figures.p99)}  ${(figures.p95 / baseline.p95).toFixed(1).padStart(10)}  ${String(figures.errors).padStart(6)}  ${cpu.padStart(8)}  ${baselineRow ? "(baseline)" : target === PAGE_FRAME ? "(its frame)" : verdicts.get(measured)}`,
    );
  }
  recordResults(measuredRows("badge verification", engine, results, (m) => verdicts.get(m)!));
  console.log(`SQL statements per verification (server's count, ${queries.length} requests): max ${queries.at(-1) ?? NaN}, median ${percentile(queries, 0.5)}`);
  console.log(`budget (${CLIENTS} clients): p95 ≤ ${P95_BUDGET_MS} ms on the verification page: ${met ? "met" : "NOT MET"}`);
  return met;
}

runBench(async (engine, postgres) => report(engine, await benchEngine(engine, postgres)));
