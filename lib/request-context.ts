import "server-only";
import { headers } from "next/headers";

/** The id proxy.ts gave this request, for logs a user can quote to support. */
export async function currentRequestId(): Promise<string | undefined> {
  return (await headers()).get("x-request-id") ?? undefined;
}

/**
 * The client's address: the first X-Forwarded-For hop (set by the load balancer in front),
 * else X-Real-IP. Used for rate limits and audit events, never for authorization.
 */
export async function clientIp(): Promise<string | null> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || h.get("x-real-ip") || null;
}
