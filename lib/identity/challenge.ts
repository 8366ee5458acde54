import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Between the password and the second factor the browser holds a short-lived, signed
 * challenge naming the user; it proves the password step, nothing more.
 */
const LIFETIME_MS = 5 * 60_000;

type Challenge = { userId: string; sessionVersion: number; expiresAt: number };

function sign(payload: string, key: string) {
  return createHmac("sha256", key).update(`second-factor:${payload}`).digest("base64url");
}

export function issueChallenge(userId: string, sessionVersion: number, key: string, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ userId, sessionVersion, expiresAt: now + LIFETIME_MS } satisfies Challenge)).toString("base64url");
  return `${payload}.${sign(payload, key)}`;
}

export function readChallenge(token: string | undefined, key: string, now = Date.now()): Omit<Challenge, "expiresAt"> | null {
  const [payload, signature] = (token ?? "").split(".");
  if (!payload || !signature) return null;
  const expected = Buffer.from(sign(payload, key));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Challenge;
    if (typeof parsed.userId !== "string" || typeof parsed.sessionVersion !== "number" || !(parsed.expiresAt > now)) return null;
    return { userId: parsed.userId, sessionVersion: parsed.sessionVersion };
  } catch {
    return null;
  }
}
