import { signedRevocationList } from "@/lib/badges/verification";

export const dynamic = "force-dynamic";

/** The signed list of revoked badge ids (a compact JWS, lib/badges/revocation-list.ts), for checks without a network. */
export async function GET() {
  return new Response(await signedRevocationList(), {
    headers: {
      "Content-Type": "application/jose",
      // A revocation must reach offline verifiers soon: a minute at most in any cache.
      "Cache-Control": "public, max-age=60",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
