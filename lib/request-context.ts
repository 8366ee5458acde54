import "server-only";
import { headers } from "next/headers";

/** The id proxy.ts gave this request, for logs a user can quote to support. */
export async function currentRequestId(): Promise<string | undefined> {
  return (await headers()).get("x-request-id") ?? undefined;
}

/**
 * The client's address, which scripts/trust-client-address.mjs has put in X-Forwarded-For as its
 * only entry (the socket's peer, or the hop our own proxies vouch for: TRUSTED_PROXIES). Used for
 * rate limits and audit events, never for authorization.
 */
export async function clientIp(): Promise<string | null> {
  const h = await headers();
  return h.get("x-forwarded-for") || null;
}

/** Whether the browser reached us over HTTPS (our proxy says so), so cookies can be Secure. */
export async function reachedOverHttps(): Promise<boolean> {
  return (await headers()).get("x-forwarded-proto") === "https";
}
