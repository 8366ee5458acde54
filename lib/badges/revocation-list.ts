import { CompactSign } from "jose";
import { z } from "zod";
import type { SigningKey } from "./key-material";
import { REVOCATION_LIST_TYPE } from "./offline-check";

/**
 * The list of revoked badge ids for checking offline: a compact JWS signed with the badge key,
 * its header typed (REVOCATION_LIST_TYPE) so that it can never pass for a badge.
 * `iat` is when the server made it: the verifier shows its age. The phone verifies it with
 * verifyOfflineList (./offline-check), without jose.
 */

const revocationListSchema = z.strictObject({ iat: z.number().int(), revoked: z.array(z.string().regex(/^[A-Za-z0-9_-]{22}$/)) });
export type RevocationList = z.infer<typeof revocationListSchema>;

export function signRevocationList(list: RevocationList, key: SigningKey) {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(revocationListSchema.parse(list))))
    .setProtectedHeader({ alg: "EdDSA", kid: key.kid, typ: REVOCATION_LIST_TYPE })
    .sign(key.privateKey);
}
