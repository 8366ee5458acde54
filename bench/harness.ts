/**
 * What the benchmarks share: a fresh database on each engine, the production server on its own
 * port with the SQL statements of each request counted, and closed-loop clients (each with its own
 * connection) measuring latency to the last byte and the server's CPU time per request.
 */
import { spawn, execSync, type ChildProcess } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync, rmSync } from "node:fs";
import { Agent, createServer, get } from "node:http";
import type { AddressInfo } from "node:net";
import { createInterface } from "node:readline";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { chromium, type Browser } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import pg from "pg";
import { chromiumArgs, findChromium } from "../scripts/chromium.mjs";

// BENCH_PORT: two benches on one machine (or a bench beside a running portal) need ports of their own.
export const PORT = Number(process.env.BENCH_PORT ?? 3700);
export const HOST = "127.0.0.1";
export const BASE = `http://${HOST}:${PORT}`;
const CLOCK_TICKS = (() => {
  try {
    return Number(execSync("getconf CLK_TCK", { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

export type Engine = "pglite" | "postgres";
/**
 * `cached`: a page served from cache, whose target is judged on the cache: its first `cached`
 * paths are each read once before the warm-up, and their first renders are printed apart.
 */
export type Target = { name: string; paths: (n: number) => string; cookies: boolean; pathPattern?: RegExp; port?: number; cached?: number };
export type Figures = { clients: number; requests: number; errors: number; perSecond: number; p50: number; p95: number; p99: number; cpuPerRequest: number | null; peakRssMb: number | null };
export type QueryLine = { path: string; status: number; queries: number; transactionControl: number };

/** The password of every seeded account (db/seed.ts, bench/review-seed.ts). */
const PASSWORD = "Observe-2026-demo";

/**
 * Signs an account in as a person does, in Chromium: the form, then, for staff, the authenticator
 * code. Returns the Cookie header of the session.
 */
export async function signInThroughForm(browser: Browser, account: { email: string; totpSecret?: string }): Promise<string> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${BASE}/en/sign-in`);
    await page.locator("#email").fill(account.email);
    await page.locator("#password").fill(PASSWORD);
    await page.locator("form.form button[type=submit]").click();
    if (account.totpSecret) {
      await page.waitForURL(/\/en\/sign-in\/two-factor$/);
      const totp = new TOTP({ secret: Secret.fromBase32(account.totpSecret), algorithm: "SHA1", digits: 6, period: 30 });
      await page.locator("#code").fill(totp.generate());
      await page.getByRole("button", { name: "Continue" }).click();
    }
    await page.waitForURL(account.totpSecret ? `${BASE}/en/commission` : `${BASE}/en/portal`);
    const cookies = (await context.cookies()).filter((c) => c.name.startsWith("authjs."));
    if (!cookies.some((c) => c.name.startsWith("authjs.session-token"))) throw new Error(`${account.email}: no session cookie`);
    return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  } finally {
    await context.close();
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Undone in reverse order at the end, on an error or on Ctrl-C. */
export const cleanups: (() => Promise<void> | void)[] = [];
export async function cleanUp(downTo = 0) {
  while (cleanups.length > downTo) {
    try {
      await cleanups.pop()!();
    } catch (error) {
      console.error("clean-up:", error);
    }
  }
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

/** A maintenance connection to the PostgreSQL server, or null when none answers. */
export async function postgresServer(): Promise<URL | null> {
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

export async function onMaintenance(server: URL, statement: string) {
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh database and the environment of the seeder and the server; removed by the clean-ups. */
export async function prepareDatabase(bench: string, engine: Engine, server: URL | null): Promise<NodeJS.ProcessEnv> {
  const dataDir = `./data/bench-${bench}-${engine}`;
  rmSync(dataDir, { recursive: true, force: true });
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, SITE_URL: BASE, LOG_LEVEL: "warn", OUTBOX_SENDER: "off" };
  delete env.DATABASE_URL;
  if (engine === "pglite") return env;
  const name = `bench_${bench}_${process.pid}_${Date.now()}`;
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

/** BENCH_CPU_PROFILE=dir: the server writes a V8 CPU profile there when it stops (open it in Chrome's DevTools). */
const profiling = (dir = process.env.BENCH_CPU_PROFILE) => (dir ? ["--cpu-prof", `--cpu-prof-dir=${dir}`] : []);

export async function startServer(env: NodeJS.ProcessEnv, queryLines: QueryLine[]): Promise<ChildProcess> {
  const server = spawn(process.execPath, [...profiling(), "node_modules/next/dist/bin/next", "start", "-H", HOST, "-p", String(PORT)], {
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

export function request(agent: Agent, path: string, cookie: string | undefined, port = PORT): Promise<{ status: number; ms: number; body: Buffer; encoding: string | undefined; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const headers: Record<string, string> = { accept: "text/html,*/*", "accept-encoding": "gzip, deflate, br", "accept-language": "en" };
    if (cookie) headers.cookie = cookie;
    get({ host: HOST, port, path, agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.once("end", () =>
        resolve({ status: response.statusCode ?? 0, ms: performance.now() - started, body: Buffer.concat(chunks), encoding: response.headers["content-encoding"], headers: response.headers }),
      );
      response.once("error", reject);
    }).once("error", reject);
  });
}

const decoders: Record<string, (body: Buffer) => Buffer> = { gzip: gunzipSync, br: brotliDecompressSync, deflate: inflateSync };

/** A response's body as sent before compression. */
export const decodedBody = (response: { body: Buffer; encoding: string | undefined }) => (decoders[response.encoding ?? ""] ?? ((body: Buffer) => body))(response.body);

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;

/** The server process's CPU time so far (user + system), in ms; null where /proc is not there. */
export function cpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** The process's resident memory now, in MiB; null where /proc is not there. */
function rssMb(pid: number): number | null {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

/** A target and what it measured. */
export type Measured = { target: Target; figures: Figures };

/**
 * Each target warmed up, then measured with `clients` at once and, if asked, one client alone.
 * With `rounds` above 1 the targets take turns: each round measures every target for
 * seconds ÷ rounds, and a target's figures merge its rounds. So a drift of the machine during
 * the run (another process, the CPU's clock) weighs on every target alike instead of on
 * whichever was measured then, and the ratios between targets hold still from run to run.
 */
export async function measureTargets(
  targets: Target[],
  options: { cookies?: string[]; clients: number; warmUpSeconds: number; seconds: number; aloneSeconds?: number; rounds?: number; serverPid: number },
) {
  const cookies = options.cookies ?? [];
  const rounds = options.rounds ?? 1;
  const samples = new Map<Target, Sample[]>(targets.map((target) => [target, []]));
  for (let round = 0; round < rounds; round++) {
    for (const target of targets) {
      if (round === 0) {
        if (target.cached) await renderFirst(target);
        await load(target, cookies, options.clients, options.warmUpSeconds, options.serverPid);
      }
      samples.get(target)!.push(await sample(target, cookies, options.clients, options.seconds / rounds, options.serverPid));
    }
  }
  const results: Measured[] = [];
  for (const target of targets) {
    results.push({ target, figures: figuresOf(options.clients, samples.get(target)!) });
    if (options.aloneSeconds) results.push({ target, figures: await load(target, cookies, 1, options.aloneSeconds, options.serverPid) });
  }
  return results;
}

/** Reads each cached path once, four at a time as a crawler might, and prints what the first renders took. */
async function renderFirst(target: Target) {
  const started = performance.now();
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      while (next < target.cached!) latencies.push((await request(agent, target.paths(next++), undefined, target.port)).ms);
      agent.destroy();
    }),
  );
  latencies.sort((a, b) => a - b);
  console.log(`${target.name}: first render of ${target.cached} pages in ${((performance.now() - started) / 1000).toFixed(1)} s, 4 at a time (p50 ${percentile(latencies, 0.5).toFixed(0)} ms, p95 ${percentile(latencies, 0.95).toFixed(0)} ms)`);
}

/** What one measured stretch of load saw; stretches of one target merge into its figures. */
type Sample = { latencies: number[]; errors: number; seconds: number; serverCpuMs: number | null; peakRssMb: number | null };

export async function load(target: Target, cookies: string[], clients: number, seconds: number, serverPid: number): Promise<Figures> {
  return figuresOf(clients, [await sample(target, cookies, clients, seconds, serverPid)]);
}

/** `clients` loops, each with its own connection (and session, for pages), for `seconds`. */
async function sample(target: Target, cookies: string[], clients: number, seconds: number, serverPid: number): Promise<Sample> {
  const latencies: number[] = [];
  let errors = 0;
  let issued = 0;
  // A target on a port of its own (the bare baseline) is not the server's work.
  const ownServer = target.port === undefined;
  const cpuBefore = ownServer ? cpuMs(serverPid) : null;
  let peakRssMb = ownServer ? rssMb(serverPid) : null;
  const sampler = setInterval(() => {
    const now = ownServer ? rssMb(serverPid) : null;
    if (now !== null) peakRssMb = Math.max(peakRssMb ?? 0, now);
  }, 200);
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        while (performance.now() < end) {
          const sent = performance.now();
          // A reset or refused connection is an error of the target, not the end of the bench.
          const { status, ms } = await request(agent, target.paths(issued++), target.cookies ? cookies[client] : undefined, target.port).catch(() => ({ status: 0, ms: performance.now() - sent }));
          if (status !== 200) errors += 1;
          latencies.push(ms);
          if (status === 0) await sleep(10);
        }
      } finally {
        agent.destroy();
      }
    }),
  );
  clearInterval(sampler);
  const cpuAfter = ownServer ? cpuMs(serverPid) : null;
  return { latencies, errors, seconds: (performance.now() - started) / 1000, serverCpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore, peakRssMb };
}

function figuresOf(clients: number, samples: Sample[]): Figures {
  const latencies = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const seconds = samples.reduce((sum, s) => sum + s.seconds, 0);
  const cpu = samples.every((s) => s.serverCpuMs !== null) ? samples.reduce((sum, s) => sum + s.serverCpuMs!, 0) : null;
  const peaks = samples.flatMap((s) => (s.peakRssMb === null ? [] : [s.peakRssMb]));
  return {
    clients,
    requests: latencies.length,
    errors: samples.reduce((sum, s) => sum + s.errors, 0),
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    cpuPerRequest: cpu === null ? null : cpu / latencies.length,
    peakRssMb: peaks.length ? Math.max(...peaks) : null,
  };
}

export const STATIC_BASELINE: Target = { name: "static baseline (/icon.svg)", paths: () => "/icon.svg", cookies: false };

/**
 * The floor under every figure: a bare `node:http` server, in this process, answering with the
 * very bytes and headers the portal sends for the static baseline page, loaded like a target.
 */
export async function measureBareBaseline(clients: number, seconds: number): Promise<Measured> {
  const sample = await request(new Agent({ keepAlive: false }), STATIC_BASELINE.paths(0), undefined);
  const headers = Object.fromEntries(Object.entries(sample.headers).filter(([name]) => !["connection", "keep-alive", "date", "transfer-encoding"].includes(name)));
  const bare = createServer((_, response) => {
    response.writeHead(200, headers);
    response.end(sample.body);
  });
  await new Promise<void>((resolve) => bare.listen(0, HOST, resolve));
  try {
    const target: Target = { name: "bare node:http, same bytes", paths: () => "/icon.svg", cookies: false, port: (bare.address() as AddressInfo).port };
    await load(target, [], clients, Math.min(3, seconds), 0);
    return { target, figures: await load(target, [], clients, seconds, 0) };
  } finally {
    bare.closeAllConnections();
    await new Promise((resolve) => bare.close(resolve));
  }
}

/** The static page and the bare server: what the measured targets are set beside. */
export const isBaseline = (target: Target) => target === STATIC_BASELINE || target.port !== undefined;

/** A row of the one table `npm run bench` prints (bench/all.ts). */
export type ResultRow = {
  bench: string;
  engine: string;
  target: string;
  /** "request": a target under load; "run": a whole operation timed a few times (p95 and p99 are then the slowest run). */
  unit: "request" | "run";
  /** The static page, the bare server, or a bench's own baseline run: what the others are set beside. */
  baseline: boolean;
  clients: number;
  errors: number;
  perSecond: number | null;
  p50: number;
  p95: number;
  p99: number;
  peakRssMb: number | null;
  /** The bench's own judgement against its issue's target; "" where it judges none. */
  verdict: string;
};

/** Appends rows for bench/all.ts to the file BENCH_RESULTS names, when it names one. */
export function recordResults(rows: ResultRow[]) {
  const file = process.env.BENCH_RESULTS;
  if (file) appendFileSync(file, rows.map((row) => JSON.stringify(row)).join("\n") + "\n");
}

/** The rows of measured targets, with the bench's own verdict on each. */
export function measuredRows(bench: string, engine: string, measured: Measured[], verdictOf: (m: Measured) => string): ResultRow[] {
  return measured.map((m) => ({
    bench,
    engine,
    target: m.target.name,
    unit: "request",
    baseline: isBaseline(m.target),
    clients: m.figures.clients,
    errors: m.figures.errors,
    perSecond: m.figures.perSecond,
    p50: m.figures.p50,
    p95: m.figures.p95,
    p99: m.figures.p99,
    peakRssMb: m.figures.peakRssMb,
    verdict: verdictOf(m),
  }));
}

/**
 * Runs `benchEngine` on each engine asked for (BENCH_ENGINE, else PGlite and, when a server
 * answers, PostgreSQL), building first if there is no build; exit code 1 when a budget is unmet.
 */
export function runBench(benchEngine: (engine: Engine, postgres: URL | null, browser: Browser) => Promise<boolean>) {
  process.once("SIGINT", () => {
    void cleanUp().finally(() => process.exit(130));
  });
  main(benchEngine)
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(cleanUp);
}

async function main(benchEngine: (engine: Engine, postgres: URL | null, browser: Browser) => Promise<boolean>) {
  const requested = process.env.BENCH_ENGINE as Engine | undefined;
  if (requested && requested !== "pglite" && requested !== "postgres") throw new Error("BENCH_ENGINE is pglite or postgres");
  const server = requested === "pglite" ? null : await postgresServer();
  const engines: Engine[] = requested ? [requested] : server ? ["pglite", "postgres"] : ["pglite"];
  if (requested === "postgres" && !server) throw new Error("no PostgreSQL server answers at BENCH_DATABASE_URL");
  if (!server && !requested) console.log("no PostgreSQL server answers: PGlite only");

  if (!existsSync(".next/BUILD_ID")) execSync("npx next build", { stdio: "inherit" });
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: chromiumArgs,
  });
  cleanups.push(() => browser.close());
  let met = true;
  for (const engine of engines) {
    const mark = cleanups.length;
    try {
      met = (await benchEngine(engine, server, browser)) && met;
    } finally {
      // This engine's server, database and data folder; the browser stays for the next engine.
      await cleanUp(mark);
    }
  }
  if (!met) process.exitCode = 1;
}
