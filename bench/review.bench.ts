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
import { spawn, execSync, type ChildProcess } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { Agent, get } from "node:http";
import { createInterface } from "node:readline";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { chromium, type Browser } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import pg from "pg";

const P95_BUDGET_MS = 150;
const QUERY_BUDGET = 8;
const CLIENTS = 20;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARM_UP_SECONDS = 3;
/** Beside the load: one client alone, the latency of an otherwise idle server. */
const ALONE_SECONDS = Math.min(5, SECONDS);
const PORT = 3700;
const HOST = "127.0.0.1";
const BASE = `http://${HOST}:${PORT}`;
const PASSWORD = "Observe-2026-demo";
const QUEUE_PATH = "/en/commission/applications";
const CLOCK_TICKS = (() => {
  try {
    return Number(execSync("getconf CLK_TCK", { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

type Engine = "pglite" | "postgres";
type Seeded = { missionIds: string[]; reviewers: { email: string; totpSecret: string }[]; observers: number; seconds: string };
type Target = { name: string; paths: (n: number) => string; cookies: boolean; pathPattern?: RegExp };
type Figures = { clients: number; requests: number; errors: number; perSecond: number; p50: number; p95: number; p99: number; cpuPerRequest: number | null };
type QueryLine = { path: string; status: number; queries: number; transactionControl: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Undone in reverse order at the end, on an error or on Ctrl-C. */
const cleanups: (() => Promise<void> | void)[] = [];
async function cleanUp(downTo = 0) {
  while (cleanups.length > downTo) {
    try {
      await cleanups.pop()!();
    } catch (error) {
      console.error("clean-up:", error);
    }
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

/** A maintenance connection to the PostgreSQL server, or null when none answers. */
async function postgresServer(): Promise<URL | null> {
  const url = new URL(process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return url;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function onMaintenance(server: URL, statement: string) {
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh database and the environment of the seeder and the server; removed by the clean-ups. */
async function prepareDatabase(engine: Engine, server: URL | null): Promise<NodeJS.ProcessEnv> {
  const dataDir = `./data/bench-review-${engine}`;
  rmSync(dataDir, { recursive: true, force: true });
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, SITE_URL: BASE, LOG_LEVEL: "warn", OUTBOX_SENDER: "off" };
  delete env.DATABASE_URL;
  if (engine === "pglite") return env;
  const name = `bench_review_${process.pid}_${Date.now()}`;
  await onMaintenance(server!, `create database "${name}"`);
  cleanups.push(() => onMaintenance(server!, `drop database if exists "${name}" with (force)`));
  const url = new URL(server!.toString());
  url.pathname = `/${name}`;
  // Production with DATABASE_URL takes every key from the environment, as several processes would.
  const badgeKey = JSON.stringify(generateKeyPairSync("ed25519").privateKey.export({ format: "jwk" }));
  return {
    ...env,
    DATABASE_URL: url.toString(),
    AUTH_SECRET: randomBytes(48).toString("base64"),
    SECRETS_KEY: randomBytes(32).toString("base64"),
    BADGE_SIGNING_KEY: badgeKey,
  };
}

async function startServer(env: NodeJS.ProcessEnv, queryLines: QueryLine[]): Promise<ChildProcess> {
  const server = spawn("node_modules/.bin/next", ["start", "-H", HOST, "-p", String(PORT)], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...env, DB_QUERY_LOG: "count", NEXT_MANUAL_SIG_HANDLE: "true" },
  });
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  cleanups.push(async () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    server.kill("SIGTERM");
    const stopped = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]);
    if (!stopped) {
      server.kill("SIGKILL");
      await exited;
    }
  });
  // Read every line (a full pipe would stall the server): the query counts, and other JSON logs
  // shown (warnings and errors go to stderr, which is shown as it is; Next's banner is not).
  createInterface({ input: server.stdout! }).on("line", (line) => {
    if (line.includes('"event":"db.queries"')) queryLines.push(JSON.parse(line) as QueryLine);
    else if (line.startsWith("{")) console.log(`  server: ${line}`);
  });
  for (let waited = 0; ; waited += 250) {
    if (waited > 120_000 || server.exitCode !== null) throw new Error("the server did not start");
    const healthy = await fetch(`${BASE}/api/health`).then((r) => r.ok, () => false);
    if (healthy) return server;
    await sleep(250);
  }
}

/** Signs a reviewer in as a person does: the form, then the authenticator code. Returns the Cookie header. */
async function signIn(browser: Browser, reviewer: { email: string; totpSecret: string }): Promise<string> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${BASE}/en/sign-in`);
    await page.locator("#email").fill(reviewer.email);
    await page.locator("#password").fill(PASSWORD);
    await page.locator("form.form button[type=submit]").click();
    await page.waitForURL(/\/en\/sign-in\/two-factor$/);
    const totp = new TOTP({ secret: Secret.fromBase32(reviewer.totpSecret), algorithm: "SHA1", digits: 6, period: 30 });
    await page.locator("#code").fill(totp.generate());
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL(`${BASE}/en/commission`);
    const cookies = (await context.cookies()).filter((c) => c.name.startsWith("authjs."));
    if (!cookies.some((c) => c.name.startsWith("authjs.session-token"))) throw new Error(`${reviewer.email}: no session cookie`);
    return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  } finally {
    await context.close();
  }
}

function request(agent: Agent, path: string, cookie: string | undefined): Promise<{ status: number; ms: number; body: Buffer; encoding: string | undefined }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const headers: Record<string, string> = { accept: "text/html,*/*", "accept-encoding": "gzip, deflate, br", "accept-language": "en" };
    if (cookie) headers.cookie = cookie;
    get({ host: HOST, port: PORT, path, agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.once("end", () =>
        resolve({ status: response.statusCode ?? 0, ms: performance.now() - started, body: Buffer.concat(chunks), encoding: response.headers["content-encoding"] }),
      );
      response.once("error", reject);
    }).once("error", reject);
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;

/** The server process's CPU time so far (user + system), in ms; null where /proc is not there. */
function cpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** `clients` loops, each with its own connection (and session, for pages), for `seconds`. */
async function load(target: Target, cookies: string[], clients: number, seconds: number, serverPid: number): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  let issued = 0;
  const cpuBefore = cpuMs(serverPid);
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        while (performance.now() < end) {
          const { status, ms } = await request(agent, target.paths(issued++), target.cookies ? cookies[client] : undefined);
          if (status !== 200) errors += 1;
          latencies.push(ms);
        }
      } finally {
        agent.destroy();
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpuAfter = cpuMs(serverPid);
  latencies.sort((a, b) => a - b);
  return {
    clients,
    requests: latencies.length,
    errors,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    cpuPerRequest: cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / latencies.length,
  };
}

/** One request of each page as the first reviewer: the page it is, not a sign-in page or an error. */
async function checkPages(targets: Target[], cookie: string, missionName: (body: string) => boolean) {
  const agent = new Agent({ keepAlive: false });
  for (const target of targets.filter((t) => t.cookies)) {
    const response = await request(agent, target.paths(0), cookie);
    const { status } = response;
    const decode = { gzip: gunzipSync, br: brotliDecompressSync, deflate: inflateSync }[response.encoding ?? ""] ?? ((b: Buffer) => b);
    const body = decode(response.body).toString("utf8");
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
  const env = await prepareDatabase(engine, postgres);
  const seedOutput = await run("node", ["--conditions=react-server", "--import", "tsx", "bench/review-seed.ts"], env);
  const seeded = JSON.parse(seedOutput.trim().split("\n").at(-1)!) as Seeded;
  console.log(`seeded ${seeded.missionIds.length} submitted applications, ${seeded.observers} observers, ${seeded.reviewers.length} reviewers in ${seeded.seconds} s`);

  const queryLines: QueryLine[] = [];
  const server = await startServer(env, queryLines);
  const signInStarted = performance.now();
  const cookies: string[] = [];
  for (const reviewer of seeded.reviewers) cookies.push(await signIn(browser, reviewer));
  console.log(`${cookies.length} reviewers signed in with password and authenticator code in ${((performance.now() - signInStarted) / 1000).toFixed(1)} s`);

  const missions = seeded.missionIds;
  const targets: Target[] = [
    { name: "static baseline (/icon.svg)", paths: () => "/icon.svg", cookies: false },
    { name: "queue page", paths: () => QUEUE_PATH, cookies: true, pathPattern: /^\/en\/commission\/applications$/ },
    { name: "application page", paths: (n) => `${QUEUE_PATH}/${missions[(n * 7) % missions.length]}`, cookies: true, pathPattern: /^\/en\/commission\/applications\/[0-9a-f-]{36}$/ },
  ];
  await checkPages(targets, cookies[0]!, (body) => body.includes("observation mission"));

  const results: { target: Target; figures: Figures }[] = [];
  for (const target of targets) {
    await load(target, cookies, CLIENTS, WARM_UP_SECONDS, server.pid!);
    results.push({ target, figures: await load(target, cookies, CLIENTS, SECONDS, server.pid!) });
    results.push({ target, figures: await load(target, cookies, 1, ALONE_SECONDS, server.pid!) });
  }
  return { results, queryLines };
}

function report(engine: Engine, { results, queryLines }: Awaited<ReturnType<typeof benchEngine>>) {
  const baselineOf = (clients: number) => results.find((r) => !r.target.pathPattern && r.figures.clients === clients)!.figures;
  const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(9);
  console.log(`\n${engine}: ${CLIENTS} concurrent clients for ${SECONDS} s per target (after ${WARM_UP_SECONDS} s of warm-up), then 1 client alone for ${ALONE_SECONDS} s; latency to the last byte`);
  console.log(
    `${"target".padEnd(28)} ${"clients".padStart(7)} ${"req/s".padStart(7)} ${"p50".padStart(9)} ${"p95".padStart(9)} ${"p99".padStart(9)}  ${"p95 ÷ base".padStart(10)}  ${"errors".padStart(6)}  ${"CPU/req".padStart(8)}  ${"SQL/request".padStart(19)}  budget`,
  );
  let met = true;
  for (const { target, figures } of results) {
    const baseline = baselineOf(figures.clients);
    const isBaseline = figures === baseline;
    const queries = target.pathPattern ? queryFigures(queryLines, target.pathPattern) : null;
    const queryText = queries ? `max ${queries.max}, median ${queries.median}` : "0";
    const withinTime = figures.p95 <= P95_BUDGET_MS;
    const withinQueries = !queries || queries.max <= QUERY_BUDGET;
    const judged = !isBaseline && figures.clients === CLIENTS;
    if (judged) met &&= withinTime && withinQueries && figures.errors === 0;
    const verdict = isBaseline ? "(baseline)" : judged ? `p95 ${withinTime ? "met" : "EXCEEDED"}, SQL ${withinQueries ? "met" : "EXCEEDED"}` : "";
    const cpu = figures.cpuPerRequest === null ? "—" : `${figures.cpuPerRequest.toFixed(1)} ms`;
    console.log(
      `${target.name.padEnd(28)} ${String(figures.clients).padStart(7)} ${figures.perSecond.toFixed(0).padStart(7)} ${ms(figures.p50)} ${ms(figures.p95)} ${ms(figures.p99)}  ${(isBaseline ? "1" : (figures.p95 / baseline.p95).toFixed(1)).padStart(10)}  ${String(figures.errors).padStart(6)}  ${cpu.padStart(8)}  ${queryText.padStart(19)}  ${verdict}`,
    );
  }
  const control = Math.max(0, ...results.map((r) => (r.target.pathPattern ? queryFigures(queryLines, r.target.pathPattern).control : 0)));
  const counted = results.filter((r) => r.target.pathPattern).map((r) => `${r.target.name} ${queryFigures(queryLines, r.target.pathPattern!).requests}`);
  console.log(`SQL statements counted by the server per request (${[...new Set(counted)].join(", ")} requests); BEGIN/COMMIT not counted${control ? ` (node-postgres also sent up to ${control} of those per request)` : ""}`);
  console.log(`CPU/req: the server process's CPU time per request; ${CLIENTS} clients without pause wait about ${CLIENTS} × that when the server has one core to itself`);
  console.log(`budget (${CLIENTS} clients): p95 ≤ ${P95_BUDGET_MS} ms and ≤ ${QUERY_BUDGET} SQL statements per request: ${met ? "met" : "NOT MET"}`);
  return met;
}

async function main() {
  const requested = process.env.BENCH_ENGINE as Engine | undefined;
  if (requested && requested !== "pglite" && requested !== "postgres") throw new Error("BENCH_ENGINE is pglite or postgres");
  const server = requested === "pglite" ? null : await postgresServer();
  const engines: Engine[] = requested ? [requested] : server ? ["pglite", "postgres"] : ["pglite"];
  if (requested === "postgres" && !server) throw new Error("no PostgreSQL server answers at BENCH_DATABASE_URL");
  if (!server && !requested) console.log("no PostgreSQL server answers: PGlite only");

  if (!existsSync(".next/BUILD_ID")) execSync("npx next build", { stdio: "inherit" });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
  });
  cleanups.push(() => browser.close());
  let met = true;
  for (const engine of engines) {
    const mark = cleanups.length;
    try {
      met = report(engine, await benchEngine(engine, server, browser)) && met;
    } finally {
      // This engine's server, database and data folder; the browser stays for the next engine.
      await cleanUp(mark);
    }
  }
  if (!met) process.exitCode = 1;
}

process.once("SIGINT", () => {
  void cleanUp().finally(() => process.exit(130));
});

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(cleanUp);
