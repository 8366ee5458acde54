import { createHash } from "node:crypto";

/** The previous hash of the first event. */
export const GENESIS_HASH = "0".repeat(64);

export type ChainedFields = {
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
};

/** JSON with object keys sorted at every level, so jsonb's reordering never changes a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** SHA-256 over the previous hash and the canonical encoding of the row. */
export function hashEvent(prevHash: string, row: ChainedFields): string {
  const canonical = canonicalJson({ ...row, occurredAt: row.occurredAt.toISOString() });
  return createHash("sha256").update(prevHash).update("\n").update(canonical).digest("hex");
}
