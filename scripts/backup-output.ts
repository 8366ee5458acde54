import type { RowCounts } from "@/lib/ops/backup";

export function printRows(rows: RowCounts) {
  console.log(`Rows: ${Object.entries(rows).map(([table, n]) => `${table} ${n}`).join(", ")}`);
}

/** Our refusals are sentences already; a database error's reason is in its cause. */
export function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message}\n${error.cause.message}` : error.message;
}
