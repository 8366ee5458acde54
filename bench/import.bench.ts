/**
 * Import of 1,000 observers from XLSX (issue 4: at most 3 s on the project's machine), next to
 * a baseline measured in the same run: the same parser on a one-row workbook, which costs what
 * every import costs whatever its size (unzipping, reading the workbook, checking the header).
 * Run with `npm run bench`; not part of `npm test`.
 */
import { parseObserverFile } from "@/lib/accreditation/import";
import { englishHeader, sampleObserverRows, xlsxOf } from "@/lib/accreditation/import/sample-files";

const BUDGET_MS = 3000;
const RUNS = 5;

async function timeParse(file: Uint8Array, expected: number) {
  const started = performance.now();
  const result = await parseObserverFile(file);
  const ms = performance.now() - started;
  if (!result.ok || result.observers.length !== expected) throw new Error(`expected ${expected} observers`);
  return ms;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const thousand = await xlsxOf(englishHeader, sampleObserverRows(1000, "cells"));
  const one = await xlsxOf(englishHeader, sampleObserverRows(1, "cells"));

  // The first parse in a process also loads exceljs and builds the country-name index.
  const cold = await timeParse(thousand, 1000);
  const baselines: number[] = [];
  const imports: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    baselines.push(await timeParse(one, 1));
    imports.push(await timeParse(thousand, 1000));
  }
  const baseline = median(baselines);
  const warm = median(imports);
  const worst = Math.max(cold, ...imports);

  console.log(`import 1,000 observers from XLSX (${(thousand.byteLength / 1024).toFixed(0)} KiB), median of ${RUNS}: ${warm.toFixed(0)} ms`);
  console.log(`  first import in a fresh process: ${cold.toFixed(0)} ms`);
  console.log(`baseline: one-row XLSX, median of ${RUNS}: ${baseline.toFixed(1)} ms`);
  console.log(`ratio import / baseline: ${(warm / baseline).toFixed(1)}`);
  console.log(`budget ${BUDGET_MS} ms: ${worst <= BUDGET_MS ? "met" : "EXCEEDED"} (slowest run ${worst.toFixed(0)} ms)`);
  if (worst > BUDGET_MS) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
