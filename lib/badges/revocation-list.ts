import { CompactSign, compactVerify, createLocalJWKSet } from "jose";
import { z } from "zod";
import type { BadgeKeySet, SigningKey } from "./key-material";
import { REVOCATION_LIST_TYPE } from "./offline-check";

/**
 * The list of revoked badge ids for checking offline: a compact JWS signed with the badge key,
 * its header typed (REVOCATION_LIST_TYPE) so that it can never pass for a badge.
 * `iat` is when the server made it: the verifier shows its age.
 */

const revocationListSchema = z.strictObject({ iat: z.number().int(), revoked: z.array(z.string().regex(/^[A-Za-z0-9_-]{22}$/)) });
export type RevocationList = z.infer<typeof revocationListSchema>;

export function signRevocationList(list: RevocationList, key: SigningKey) {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(revocationListSchema.parse(list))))
    .setProtectedHeader({ alg: "EdDSA", kid: key.kid, typ: REVOCATION_LIST_TYPE })
    .sign(key.privateKey);
}

export async function verifyRevocationList(unverifiedJws: string, keySet: BadgeKeySet): Promise<RevocationList | null> {
  try {
    const { payload, protectedHeader } = await compactVerify(unverifiedJws, createLocalJWKSet(keySet), { algorithms: ["EdDSA"] });
    if (protectedHeader.typ !== REVOCATION_LIST_TYPE) return null;
    const list = revocationListSchema.safeParse(JSON.parse(new TextDecoder().decode(payload)));
    return list.success ? list.data : null;
  } catch {
    return null;
  }
}
