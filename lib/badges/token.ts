import { CompactSign, compactVerify, createLocalJWKSet } from "jose";
import { z } from "zod";
import { addDays, ashgabatInstant } from "@/lib/dates";
import { observerRoles } from "@/lib/accreditation/vocabulary";
import { isCanonicalBase64Url } from "./base64url";
import type { BadgeKeySet, SigningKey } from "./key-material";

/**
 * A badge's credential: a compact JWS (EdDSA, Ed25519) with the key id in its header. It goes
 * into a QR code, so the claims have short names:
 *
 * | claim | holds |
 * |---|---|
 * | jti | the badge id (128 random bits, base64url) |
 * | n | accreditation number |
 * | sn, gn | surname and given names as in the passport (Latin) |
 * | cn | the Cyrillic spelling, when given |
 * | org | the organization's acronym |
 * | r | role code (lib/accreditation/vocabulary.ts) |
 * | e, et | the election's code and its English title |
 * | nbf, exp | the observation window: 00:00 of its first day to 24:00 of its last, Ashgabat (UTC+5) |
 * | iat | issue time |
 * | ph | first 16 hex digits of the SHA-256 of the stored photo |
 *
 * Never a passport number or a date of birth.
 */

export const badgeClaimsSchema = z.strictObject({
  jti: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
  n: z.string().min(1).max(40),
  sn: z.string().min(1).max(200),
  gn: z.string().min(1).max(200),
  cn: z.string().min(1).max(200).optional(),
  org: z.string().min(1).max(40),
  r: z.enum(observerRoles),
  e: z.string().min(1).max(16),
  et: z.string().min(1).max(300),
  nbf: z.number().int(),
  exp: z.number().int(),
  iat: z.number().int(),
  ph: z.string().regex(/^[0-9a-f]{16}$/).optional(),
});
export type BadgeClaims = z.infer<typeof badgeClaimsSchema>;

/** Longer than any real token, short enough that a forged one costs nothing to refuse. */
export const MAX_TOKEN_LENGTH = 2048;

/** The observation window as the token's nbf and exp (seconds). */
export function observationWindow(startsOn: string, endsOn: string) {
  return {
    nbf: Math.floor(ashgabatInstant(startsOn).getTime() / 1000),
    exp: Math.floor(ashgabatInstant(addDays(endsOn, 1)).getTime() / 1000),
  };
}

/** What a badge is made of: the observer's accreditation, never their passport or birth date. */
export type BadgeSubject = {
  badgeId: string;
  accreditationNumber: string;
  surname: string;
  givenNames: string;
  cyrillicName: string | null;
  organizationAcronym: string;
  role: BadgeClaims["r"];
  electionCode: string;
  electionTitleEn: string;
  observationStartsOn: string;
  observationEndsOn: string;
  photoSha256: string | null;
};

/** The claims of a badge, picked field by field: whatever else the caller's row holds stays out. */
export function badgeClaimsFor(subject: BadgeSubject, issuedAt: Date): BadgeClaims {
  return {
    jti: subject.badgeId,
    n: subject.accreditationNumber,
    sn: subject.surname,
    gn: subject.givenNames,
    ...(subject.cyrillicName && { cn: subject.cyrillicName }),
    org: subject.organizationAcronym,
    r: subject.role,
    e: subject.electionCode,
    et: subject.electionTitleEn,
    ...observationWindow(subject.observationStartsOn, subject.observationEndsOn),
    iat: Math.floor(issuedAt.getTime() / 1000),
    ...(subject.photoSha256 && { ph: subject.photoSha256.slice(0, 16) }),
  };
}

export function signBadgeToken(claims: BadgeClaims, key: SigningKey) {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(badgeClaimsSchema.parse(claims))))
    .setProtectedHeader({ alg: "EdDSA", kid: key.kid })
    .sign(key.privateKey);
}

export type TokenCheck = { ok: true; claims: BadgeClaims; kid: string } | { ok: false };

/**
 * Checks the signature against the published keys (current and retired) and the claims' shape.
 * Anything else (an unknown key id, another algorithm, a header with a `typ` such as the
 * revocation list's, a changed character, a segment not written as the signer wrote it) is not genuine.
 */
export async function verifyBadgeToken(unverifiedToken: string, keySet: BadgeKeySet): Promise<TokenCheck> {
  if (unverifiedToken.length === 0 || unverifiedToken.length > MAX_TOKEN_LENGTH) return { ok: false };
  // jose decodes a segment whatever the unused bits of its last character: a second spelling of a genuine token is not genuine.
  if (!unverifiedToken.split(".").every(isCanonicalBase64Url)) return { ok: false };
  try {
    const { payload, protectedHeader } = await compactVerify(unverifiedToken, createLocalJWKSet(keySet), { algorithms: ["EdDSA"] });
    if (protectedHeader.typ !== undefined || typeof protectedHeader.kid !== "string") return { ok: false };
    const claims = badgeClaimsSchema.safeParse(JSON.parse(new TextDecoder().decode(payload)));
    return claims.success ? { ok: true, claims: claims.data, kid: protectedHeader.kid } : { ok: false };
  } catch {
    return { ok: false };
  }
}
