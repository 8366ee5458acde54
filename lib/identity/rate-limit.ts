import "server-only";
import { createHash } from "node:crypto";
import { and, gt, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { rateLimits } from "@/db/schema";

export type LimitedAction = "sign-in" | "second-factor" | "password-reset" | "invitation" | "badge-lookup";

const WINDOW_MINUTES = 15;
const LOCK_MINUTES = 15;
// An account (or one known device of it) gets few tries; an address is shared by whole offices
// behind one NAT, so more.
const MAX_FAILURES = { account: 5, device: 5, ip: 50 } as const;

/** `device`: from a device cookie already checked to name this account (device-cookie.ts). */
type Subject = { account?: string | null; device?: string | null; ip?: string | null };
type Key = { key: string; max: number };

/** Hashed so the table (and a device cookie) holds no email addresses. */
export function accountDigest(account: string) {
  return createHash("sha256").update(account.trim().toLowerCase()).digest("hex");
}

/**
 * Counter keys for one action. A known device counts on its own instead of the account's: what
 * others try against the account cannot lock that device out, nor the other way round.
 */
export function limitKeys(action: LimitedAction, subject: Subject): Key[] {
  const keys: Key[] = [];
  if (subject.account && subject.device) keys.push({ key: `${action}:device:${subject.device}`, max: MAX_FAILURES.device });
  else if (subject.account) keys.push({ key: `${action}:account:${accountDigest(subject.account)}`, max: MAX_FAILURES.account });
  if (subject.ip) keys.push({ key: `${action}:ip:${subject.ip}`, max: MAX_FAILURES.ip });
  return keys;
}

/** Whether any of the counters is locked now. Answers the same for unknown accounts. */
export async function isLimited(keys: Key[]): Promise<boolean> {
  if (keys.length === 0) return false;
  const rows = await getDb()
    .select({ key: rateLimits.key })
    .from(rateLimits)
    .where(and(inArray(rateLimits.key, keys.map((k) => k.key)), gt(rateLimits.lockedUntil, sql`now()`)))
    .limit(1);
  return rows.length > 0;
}

/**
 * Counts one failure on each counter (atomically, so concurrent processes agree). Returns the
 * keys that became locked by this failure, so the caller can audit each lockout once.
 */
export async function recordFailure(keys: Key[]): Promise<string[]> {
  const newlyLocked: string[] = [];
  for (const { key, max } of keys) {
    const expired = sql`${rateLimits.windowStartedAt} < now() - make_interval(mins => ${WINDOW_MINUTES})`;
    const [row] = await getDb()
      .insert(rateLimits)
      .values({ key, failures: 1 })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          failures: sql`case when ${expired} then 1 else ${rateLimits.failures} + 1 end`,
          windowStartedAt: sql`case when ${expired} then now() else ${rateLimits.windowStartedAt} end`,
        },
      })
      .returning({ failures: rateLimits.failures, lockedUntil: rateLimits.lockedUntil });
    if (row && row.failures >= max) {
      await getDb()
        .update(rateLimits)
        .set({ lockedUntil: sql`now() + make_interval(mins => ${LOCK_MINUTES})`, failures: 0, windowStartedAt: sql`now()` })
        .where(sql`${rateLimits.key} = ${key}`);
      newlyLocked.push(key);
    }
  }
  return newlyLocked;
}

/** After a success: the account's or device's counter starts again (the address's does not). */
export async function clearFailures(keys: Key[]) {
  const cleared = keys.filter((k) => !k.key.includes(":ip:")).map((k) => k.key);
  if (cleared.length === 0) return;
  await getDb().delete(rateLimits).where(and(inArray(rateLimits.key, cleared), sql`(${rateLimits.lockedUntil} is null or ${rateLimits.lockedUntil} <= now())`));
}

/**
 * An emailed link's page looks its token up from this address: nothing while the address is
 * locked, and every link that does not work counts against it, so links cannot be tried in bulk.
 */
export async function lookUpEmailedLink<T>(ip: string | null, find: () => Promise<T | null>, works: (found: T) => boolean) {
  const keys = limitKeys("invitation", { ip });
  if (await isLimited(keys)) return { limited: true as const };
  const found = await find();
  if (!found || !works(found)) await recordFailure(keys);
  return { limited: false as const, found };
}
