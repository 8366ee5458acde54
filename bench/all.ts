/**
 * `npm run bench`: every benchmark in turn, then one table of all their figures on each engine.
 * Each row stands beside the static baseline page and a bare `node:http` server sending the same
 * bytes (bench/harness.ts), both measured in the same bench and engine, so the ratios hold however
 * busy the machine is. Then the first-load JavaScript of each public page type, gzipped, as a
 * browser downloads it from the production build. Exit code 1 when a bench missed its target (its
 * own output above the table says which and why).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { cleanUp, decodedBody, prepareDatabase, request, type ResultRow, startServer } from "./harness";

const benches = ["import", "badge-batch", "public", "statements", "verify", "review"];
const STATIC = "static baseline (/icon.svg)";
const BARE = "bare node:http, same bytes";

function runBenches(resultsFile: string) {
  const failed: string[] = [];
  for (const bench of benches) {
    console.log(`\n##### bench/${bench}.bench.ts`);
    const { status } = spawnSync("npx", ["tsx", `bench/${bench}.bench.ts`], { stdio: "inherit", env: { ...process.env, BENCH_RESULTS: resultsFile } });
    if (status !== 0) failed.push(bench);
  }
  return failed;
}

const fixed = (value: number | null | undefined, digits = 1) => (value === null || value === undefined || Number.isNaN(value) ? "—" : value.toFixed(digits));

function printTable(rows: ResultRow[]) {
  const columns = ["bench", "engine", "target", "clients", "req/s", "p50 ms", "p95 ms", "p99 ms", "peak MiB", "req/s ÷ static", "req/s ÷ bare", "p95 ÷ static", "errors", "target met?"];
  const lines = rows.map((row) => {
    const beside = (name: string) => rows.find((r) => r.bench === row.bench && r.engine === row.engine && r.clients === row.clients && r.target === name);
    const base = beside(row.unit === "run" ? rows.find((r) => r.bench === row.bench && r.baseline)!.target : STATIC);
    const bare = beside(BARE);
    const ratio = (a: number | null | undefined, b: number | null | undefined) => (a && b ? fixed(a / b, 2) : "—");
    return [
      row.bench,
      row.engine,
      row.target,
      String(row.clients),
      fixed(row.perSecond, 0),
      fixed(row.p50),
      fixed(row.p95),
      fixed(row.p99),
      fixed(row.peakRssMb, 0),
      ratio(row.perSecond, base?.perSecond),
      ratio(row.perSecond, bare?.perSecond),
      ratio(row.p95, base?.p95),
      String(row.errors),
      row.baseline ? "(baseline)" : row.verdict || "—",
    ];
  });
  const widths = columns.map((title, i) => Math.max(title.length, ...lines.map((cells) => cells[i]!.length)));
  const format = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ")} |`;
  console.log(format(columns));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const cells of lines) console.log(format(cells));
  console.log("Rows of whole operations (import, badge batch): p50 is the median run, p95 and p99 the slowest; their ratios are to the bench's own baseline run.");
}

/** The scripts a page loads, gzipped, on a production server over the demo data. */
async function firstLoadJavaScript() {
  const env = await prepareDatabase("first-load", "pglite", null);
  await startServer(env, []);
  const agent = new Agent({ keepAlive: true });
  const html = async (path: string) => {
    const response = await request(agent, path, undefined);
    return response.status === 200 ? decodedBody(response).toString("utf8") : null;
  };
  const firstLink = (page: string | null, pattern: RegExp) => (page ? pattern.exec(page)?.[1] : undefined);
  const elections = await html("/en/elections");
  const statements = await html("/en/statements");
  const electionPath = firstLink(elections, /href="(\/en\/elections\/[A-Z0-9-]+)"/);
  const statementPath = firstLink(statements, /href="(\/en\/statements\/[0-9a-f-]{36})"/);
  const pages: [string, string | undefined][] = [
    ["home page", "/en"],
    ["elections list", "/en/elections"],
    ["election page", electionPath],
    ["statements list", "/en/statements"],
    ["statement page", statementPath],
    ["badge verification", "/en/verify"],
    ["sign-in", "/en/sign-in"],
  ];
  const gzipped = new Map<string, number>();
  console.log("\nFirst-load JavaScript of each public page type (the scripts its HTML loads, gzipped):");
  for (const [name, path] of pages) {
    const page = path ? await html(path) : null;
    if (!page) {
      console.log(`  ${name.padEnd(20)} — (no such page in the demo data)`);
      continue;
    }
    const scripts = [...new Set([...page.matchAll(/<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/g)].map((m) => m[1]!))];
    let total = 0;
    for (const script of scripts) {
      if (!gzipped.has(script)) {
        const response = await request(agent, script, undefined);
        gzipped.set(script, gzipSync(decodedBody(response)).length);
      }
      total += gzipped.get(script)!;
    }
    console.log(`  ${name.padEnd(20)} ${(total / 1024).toFixed(1).padStart(7)} KiB in ${scripts.length} scripts (${path})`);
  }
  agent.destroy();
}

async function main() {
  const folder = mkdtempSync(join(tmpdir(), "observer-portal-bench-"));
  const resultsFile = join(folder, "results.jsonl");
  try {
    const failed = runBenches(resultsFile);
    const rows = (existsSync(resultsFile) ? readFileSync(resultsFile, "utf8") : "")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as ResultRow);
    console.log("\n##### All benchmarks\n");
    printTable(rows);
    await firstLoadJavaScript();
    if (failed.length) {
      console.log(`\ntargets missed or runs failed in: ${failed.join(", ")}`);
      process.exitCode = 1;
    }
  } finally {
    await cleanUp();
    rmSync(folder, { recursive: true, force: true });
  }
}

void main();
