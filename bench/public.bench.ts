/**
 * The public pages under an election-day surge (issue "Statements and the public portal"): the
 * home page and the page of an election with 200 accredited missions and 10,000 accredited
 * observers, each requested by 50 clients at once, beside the static baseline page (a prerendered
 * file the server sends as it is) measured in the same run. For each page: requests per second as
 * a ratio to the baseline's, and p99 latency as the baseline's p99 divided by the page's (so 1 is
 * as fast as the static file for both). Target: both ratios at least 0.8 for pages served from
 * cache; exit 1 if unmet.
 *
 * On each engine (BENCH_ENGINE=pglite or postgres; both by default, PostgreSQL when a server
 * answers at BENCH_DATABASE_URL): bench/review-seed.ts writes the demo data and 200 submitted
 * applications of 50 observers, bench/public-seed.ts accredits them all and approves the
 * missions, then the production server starts on its own port and anonymous clients (no cookie,
 * like the public) request each target in a closed loop for BENCH_SECONDS (15) after a warm-up.
 * Latency is to the last byte, with the compression a browser asks for.
 *
 * Run with `npx tsx bench/public.bench.ts` (it builds first if there is no build: rebuild after
 * changing the code). Cleans up after itself.
 */
import { Agent } from "node:http";
import { type Engine, isBaseline, measureBareBaseline, measuredRows, measureTargets, prepareDatabase, type QueryLine, recordResults, request, run, runBench, STATIC_BASELINE, startServer, type Target, decodedBody } from "./harness";

const RATIO_TARGET = 0.8;
const CLIENTS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARM_UP_SECONDS = 3;

/** One request of each page: the page it should be, not an error page. */
async function checkPages(targets: Target[], code: string) {
  const agent = new Agent({ keepAlive: false });
  for (const target of targets.slice(1)) {
    const response = await request(agent, target.paths(0), undefined);
    const body = decodedBody(response).toString("utf8");
    const expected = body.includes("Accredited missions") && (target.name === "home page" || body.includes(code));
    if (response.status !== 200 || !expected) throw new Error(`${target.name}: status ${response.status}, not the expected page`);
  }
}

async function benchEngine(engine: Engine, postgres: URL | null) {
  console.log(`\n=== ${engine} ===`);
  const env = await prepareDatabase("public", engine, postgres);
  const started = performance.now();
  await run("node", ["--conditions=react-server", "--import", "tsx", "bench/review-seed.ts"], env);
  const { code } = JSON.parse((await run("node", ["--conditions=react-server", "--import", "tsx", "bench/public-seed.ts"], env)).trim().split("\n").at(-1)!) as { code: string };
  console.log(`seeded 200 approved missions with 10,000 accredited observers for ${code} in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const queryLines: QueryLine[] = [];
  const server = await startServer(env, queryLines);
  const targets: Target[] = [
    STATIC_BASELINE,
    { name: "home page", paths: () => "/en", cookies: false },
    { name: "election page", paths: () => `/en/elections/${code}`, cookies: false },
  ];
  await checkPages(targets, code);
  const results = await measureTargets(targets, { clients: CLIENTS, warmUpSeconds: WARM_UP_SECONDS, seconds: SECONDS, serverPid: server.pid! });
  return [...results, await measureBareBaseline(CLIENTS, SECONDS)];
}

function report(engine: Engine, results: Awaited<ReturnType<typeof benchEngine>>) {
  const baseline = results[0]!.figures;
  const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(9);
  console.log(`\n${engine}: ${CLIENTS} concurrent anonymous clients for ${SECONDS} s per target (after ${WARM_UP_SECONDS} s of warm-up); latency to the last byte`);
  console.log(`${"target".padEnd(28)} ${"req/s".padStart(7)} ${"p50".padStart(9)} ${"p99".padStart(9)}  ${"req/s ÷ base".padStart(12)}  ${"base p99 ÷ p99".padStart(14)}  ${"errors".padStart(6)}  ${"CPU/req".padStart(8)}  target`);
  let met = true;
  const verdicts = new Map<(typeof results)[number], string>();
  for (const measured of results) {
    const { target, figures } = measured;
    const baselineRow = isBaseline(target);
    const throughput = figures.perSecond / baseline.perSecond;
    const tail = baseline.p99 / figures.p99;
    const ok = throughput >= RATIO_TARGET && tail >= RATIO_TARGET && figures.errors === 0;
    if (!baselineRow) met &&= ok;
    verdicts.set(measured, baselineRow ? "" : ok ? "met" : "NOT MET");
    const cpu = figures.cpuPerRequest === null ? "—" : `${figures.cpuPerRequest.toFixed(1)} ms`;
    console.log(
      `${target.name.padEnd(28)} ${figures.perSecond.toFixed(0).padStart(7)} ${ms(figures.p50)} ${ms(figures.p99)}  ${throughput.toFixed(2).padStart(12)}  ${tail.toFixed(2).padStart(14)}  ${String(figures.errors).padStart(6)}  ${cpu.padStart(8)}  ${baselineRow ? "(baseline)" : verdicts.get(measured)}`,
    );
  }
  recordResults(measuredRows("public pages", engine, results, (m) => verdicts.get(m)!));
  console.log(`target: both ratios ≥ ${RATIO_TARGET} for every page: ${met ? "met" : "NOT MET"}`);
  return met;
}

runBench(async (engine, postgres) => report(engine, await benchEngine(engine, postgres)));
