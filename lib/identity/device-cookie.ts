import "server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { reachedOverHttps } from "@/lib/request-context";
import { accountDigest } from "./rate-limit";
import { openSecret, sealSecret } from "./secret-box";

/**
 * OWASP's device cookies: a browser that signed in to an account keeps a sealed cookie naming the
 * account (hashed, as the rate limits do) and a random device. Failures from that browser count
 * against the device, not the account, so whoever merely knows an email address cannot lock its
 * owner out of the browsers they already use.
 */
const DEVICE_COOKIE = "portal-device";
const PURPOSE = "sign-in-device";
const LIFETIME_SECONDS = 365 * 86_400;

export function issueDeviceCookie(account: string): string {
  return sealSecret(`${accountDigest(account)}.${randomBytes(16).toString("base64url")}`, PURPOSE);
}

/** The device a cookie names, only if this server sealed it for this very account. */
export function deviceOf(token: string | undefined, account: string): string | null {
  if (!token) return null;
  try {
    const [digest, device] = openSecret(token, PURPOSE).split(".");
    return digest === accountDigest(account) && device ? device : null;
  } catch {
    return null;
  }
}

/** The device of this request's cookie, if it names the account being signed in to. */
export async function requestDevice(account: string) {
  return deviceOf((await cookies()).get(DEVICE_COOKIE)?.value, account);
}

/** Called once a session is issued: this browser is now a known device of the account. */
export async function rememberDevice(account: string) {
  (await cookies()).set(DEVICE_COOKIE, issueDeviceCookie(account), {
    httpOnly: true,
    sameSite: "lax",
    secure: await reachedOverHttps(),
    path: "/",
    maxAge: LIFETIME_SECONDS,
  });
}
