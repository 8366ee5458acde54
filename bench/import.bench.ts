/**
 * Import of 1,000 observers from XLSX, as a coordinator does it (issue 4: at most 3 s on the
 * project's machine): the production server on a fresh embedded database, Chromium uploading the
 * file through the import page, timed from the click to the confirmation of the next page. Beside
 * it, in the same run: the static baseline page (a prerendered file the server sends as it is),
 * and the parser alone. Run with `npm run bench` (it builds first if there is no build); not part
 * of `npm test`.
 */
import { spawn, execSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { chromium, type Page } from "@playwright/test";
import { parseObserverFile } from "@/lib/accreditation/import";
import { xlsxOf } from "@/lib/accreditation/import/sample-files";
import { addDays, todayInAshgabat } from "@/lib/dates";
import { chromiumArgs, findChromium } from "../scripts/chromium.mjs";
import { recordResults } from "./harness";

const BUDGET_MS = 3000;
const ROWS = 1000;
const PORT = 3400;
const BASE = `http://localhost:${PORT}`;
const DATA_DIR = "./data/bench-import";
const PASSWORD = "Observe-2026-demo";
/** The seeded coordinators: one application each to the seeded open election, one import each. */
const coordinators = ["odihr", "cis", "ots", "sco", "uzcec"].map((name) => `coordinator.${name}@portal.example`);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** 1,000 observers whose stay fits the seeded election (election day in 60 days, arrivals from day 15). */
function workbook(prefix: string) {
  const today = todayInAshgabat();
  const rows = Array.from({ length: ROWS }, (_, i) => [
    ["Nowak", "Müller", "O'Neill", "Dubois", "Jørgensen"][i % 5],
    ["Piotr", "Anna Maria", "Siobhan", "Jean-Luc", "Lars"][i % 5],
    undefined,
    i % 2 === 0 ? "male" : "female",
    new Date(Date.UTC(1960, 0, 1) + (i % 9000) * 86_400_000),
    ["PL", "DE", "IE", "FR", "NO"][i % 5],
    `${prefix}${String(i).padStart(6, "0")}`,
    new Date("2034-12-31T00:00:00Z"),
    i === 0 ? "head_of_mission" : "short_term_observer",
    new Date(`${addDays(today, 40)}T00:00:00Z`),
    new Date(`${addDays(today, 62)}T00:00:00Z`),
    undefined,
  ]);
  const header = ["Surname", "Given names", "Full name in Cyrillic", "Sex", "Date of birth", "Nationality", "Passport number", "Passport expiry date", "Role", "Arrival date", "Departure date", "Email"];
  return xlsxOf(header, rows);
}

async function startServer() {
  if (!existsSync(".next/BUILD_ID")) execSync("npx next build", { stdio: "inherit" });
  rmSync(DATA_DIR, { recursive: true, force: true });
  const server = spawn("node_modules/.bin/next", ["start", "-p", String(PORT)], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATA_DIR, SITE_URL: BASE, LOG_LEVEL: "warn", OUTBOX_SENDER: "off", NEXT_MANUAL_SIG_HANDLE: "true" },
  });
  for (let waited = 0; ; waited += 250) {
    if (waited > 120_000) throw new Error("the server did not start");
    const healthy = await fetch(`${BASE}/api/health`).then((r) => r.ok, () => false);
    if (healthy) return server;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The static baseline: a prerendered file, fetched as a browser would, median of many. */
async function staticBaseline() {
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const started = performance.now();
    const response = await fetch(`${BASE}/icon.svg`);
    await response.arrayBuffer();
    times.push(performance.now() - started);
  }
  return median(times);
}

async function importAs(page: Page, email: string, file: Uint8Array) {
  await page.goto(`${BASE}/en/sign-in`);
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(PASSWORD);
  await page.locator("form.form button[type=submit]").click();
  await page.waitForURL(`${BASE}/en/portal`);
  await page.getByRole("link", { name: /halk maslahatys/ }).first().click();
  await page.getByRole("button", { name: "Start the application" }).click();
  await page.waitForURL(/\/mission$/);
  await page.goto(page.url().replace(/\/mission$/, "/observers/import"));
  await page.getByLabel("List of observers (XLSX or CSV)").setInputFiles({
    name: "observers.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(file),
  });
  const started = performance.now();
  await page.getByRole("button", { name: "Import the list" }).click();
  await page.getByRole("status").filter({ hasText: `${ROWS.toLocaleString("en")} observers were imported` }).waitFor({ timeout: 60_000 });
  return performance.now() - started;
}

/** The seeded open election's dates (db/seed.ts), which the parser checks the rows against. */
function seededElection() {
  const electionDay = addDays(todayInAshgabat(), 60);
  return { electionDay, observationStartsOn: addDays(electionDay, -45), observationEndsOn: addDays(electionDay, 7) };
}

async function main() {
  const files = await Promise.all(coordinators.map((_, i) => workbook(`B${i}X`)));
  const parseTimes: number[] = [];
  for (const file of files) {
    const started = performance.now();
    const parsed = await parseObserverFile(file, seededElection());
    parseTimes.push(performance.now() - started);
    if (!parsed.ok) throw new Error("the benchmark's workbook does not parse");
  }

  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: chromiumArgs,
  });
  try {
    const baselineBefore = await staticBaseline();
    const imports: number[] = [];
    for (const [i, email] of coordinators.entries()) {
      const context = await browser.newContext();
      imports.push(await importAs(await context.newPage(), email, files[i]!));
      await context.close();
    }
    const baseline = (baselineBefore + (await staticBaseline())) / 2;
    const typical = median(imports);
    const worst = Math.max(...imports);

    console.log(`import of ${ROWS} observers from XLSX (${(files[0]!.byteLength / 1024).toFixed(0)} KiB) through the import page, ${imports.length} runs:`);
    console.log(`  median ${typical.toFixed(0)} ms, slowest ${worst.toFixed(0)} ms (${imports.map((ms) => ms.toFixed(0)).join(", ")})`);
    console.log(`  of which parsing the file: median ${median(parseTimes).toFixed(0)} ms`);
    console.log(`static baseline page (/icon.svg), median of 100: ${baseline.toFixed(1)} ms`);
    console.log(`ratio import / static page: ${(typical / baseline).toFixed(0)}`);
    console.log(`budget ${BUDGET_MS} ms: ${worst <= BUDGET_MS ? "met" : "EXCEEDED"}`);
    const row = { bench: "observer import", engine: "pglite", unit: "run" as const, clients: 1, errors: 0, perSecond: null, peakRssMb: null };
    recordResults([
      { ...row, target: "static baseline (/icon.svg)", baseline: true, p50: baseline, p95: baseline, p99: baseline, verdict: "" },
      { ...row, target: `import of ${ROWS} observers (XLSX)`, baseline: false, p50: typical, p95: worst, p99: worst, verdict: `slowest ≤ ${BUDGET_MS} ms: ${worst <= BUDGET_MS ? "met" : "EXCEEDED"}` },
    ]);
    if (worst > BUDGET_MS) process.exitCode = 1;
  } finally {
    await browser.close();
    server.kill("SIGTERM");
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
