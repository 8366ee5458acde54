import { getBadgeKeys } from "@/lib/badges/keys";
import { staticContentSecurityPolicy } from "@/lib/security/headers";

export const dynamic = "force-dynamic";

/** The public keys that sign badges, current and retired (RFC 7517), for anyone who verifies one offline. */
export function GET() {
  return Response.json(getBadgeKeys().keySet, {
    headers: {
      "Content-Type": "application/jwk-set+json",
      // Keys change rarely and a rotation keeps the old one published: a few minutes of cache are harmless.
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
      "Content-Security-Policy": staticContentSecurityPolicy,
    },
  });
}
