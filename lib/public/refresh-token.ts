import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";

/**
 * A secret of this server process: its own background work presents it to ask the process to
 * refresh its cached public pages (app/api/internal/public-refresh). Nothing outside the process
 * knows it, so for anyone else the route does not exist. On globalThis: Next compiles the
 * instrumentation and each route into separate bundles of one process.
 */
const slot = Symbol.for("observer-portal.public-refresh-token");
const holder = globalThis as { [slot]?: string };

export function processRefreshToken() {
  return (holder[slot] ??= randomBytes(32).toString("base64url"));
}

export function isProcessRefreshToken(presented: string | null) {
  const token = holder[slot];
  if (!token || !presented) return false;
  const [given, expected] = [Buffer.from(presented), Buffer.from(token)];
  return given.length === expected.length && timingSafeEqual(given, expected);
}
