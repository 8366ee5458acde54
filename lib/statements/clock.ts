import "server-only";
import { getEnv } from "@/lib/env";

/**
 * The publishing clock: what "now" is for embargoes. It is the system clock, except in end-to-end
 * runs (TEST_CLOCK=on), where a spec may move it forward so an embargo passes without waiting.
 * The offset lives on globalThis: Next compiles routes into separate bundles, one process.
 */
const slot = Symbol.for("observer-portal.test-clock-offset");
type Holder = { [slot]?: number };
const holder = globalThis as Holder;

export function publishingNow(): Date {
  const offset = getEnv().TEST_CLOCK === "on" ? (holder[slot] ?? 0) : 0;
  return new Date(Date.now() + offset);
}

/** Test runs only: sets how far ahead of the system clock the publishing clock stands. */
export function setTestClockOffset(offsetMs: number) {
  if (getEnv().TEST_CLOCK !== "on") throw new Error("The test clock is off");
  holder[slot] = offsetMs;
}
