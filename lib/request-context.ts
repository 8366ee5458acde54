import "server-only";
import { headers } from "next/headers";

/** The id proxy.ts gave this request, for logs a user can quote to support. */
export async function currentRequestId(): Promise<string | undefined> {
  return (await headers()).get("x-request-id") ?? undefined;
}
