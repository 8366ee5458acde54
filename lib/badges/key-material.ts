import { createHash, createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";

/**
 * Ed25519 keys of the badges, pure (no configuration, no files), so rotation is unit-tested.
 * A key id is short because it travels in every QR code: the first 12 characters of the key's
 * RFC 7638 thumbprint unless the operator names it.
 */

export type PublicBadgeJwk = { kty: "OKP"; crv: "Ed25519"; x: string; kid: string; alg: "EdDSA"; use: "sig" };
export type SigningKey = { kid: string; privateKey: KeyObject; publicJwk: PublicBadgeJwk };
export type BadgeKeySet = { keys: PublicBadgeJwk[] };

const KID = /^[A-Za-z0-9_-]{1,32}$/;
const ED25519_X = /^[A-Za-z0-9_-]{43}$/;
// PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410).
const PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

/** RFC 7638 thumbprint of an Ed25519 public key, shortened: the default key id. */
export function keyIdOf(x: string) {
  return createHash("sha256").update(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`).digest("base64url").slice(0, 12);
}

const publicJwkOf = (x: string, kid: string): PublicBadgeJwk => ({ kty: "OKP", crv: "Ed25519", x, kid, alg: "EdDSA", use: "sig" });

function toSigningKey(privateKey: KeyObject, kid?: string): SigningKey {
  if (privateKey.asymmetricKeyType !== "ed25519") throw new Error("The badge signing key must be an Ed25519 key");
  const { x } = createPublicKey(privateKey).export({ format: "jwk" }) as { x: string };
  const id = kid ?? keyIdOf(x);
  if (!KID.test(id)) throw new Error("A badge key id must be 1-32 characters of A-Z a-z 0-9 _ -");
  return { kid: id, privateKey, publicJwk: publicJwkOf(x, id) };
}

/** The key generated for the embedded default: 32 random bytes kept in the data folder. */
export function signingKeyFromSeed(seed: Buffer, kid?: string): SigningKey {
  if (seed.length !== 32) throw new Error("An Ed25519 seed is 32 bytes");
  return toSigningKey(createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: "der", type: "pkcs8" }), kid);
}

/** BADGE_SIGNING_KEY: a PKCS#8 PEM, or a private JWK as JSON (its `kid` is used unless one is given). */
export function parseSigningKey(text: string, kid?: string): SigningKey {
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) {
    const jwk = JSON.parse(trimmed) as { kty?: string; crv?: string; d?: string; x?: string; kid?: string };
    if (jwk.kty !== "OKP" || jwk.crv !== "Ed25519" || !jwk.d) throw new Error("BADGE_SIGNING_KEY must be a private Ed25519 JWK");
    return toSigningKey(createPrivateKey({ key: { kty: "OKP", crv: "Ed25519", d: jwk.d, x: jwk.x ?? "" }, format: "jwk" }), kid ?? jwk.kid);
  }
  // Environment files often carry a PEM on one line with literal "\n".
  return toSigningKey(createPrivateKey(trimmed.replace(/\\n/g, "\n")), kid);
}

/** BADGE_RETIRED_KEYS: the public keys of retired ids, a JSON array of JWKs or a JWKS. */
export function parseRetiredKeys(text: string): PublicBadgeJwk[] {
  const parsed = JSON.parse(text) as unknown;
  const list = Array.isArray(parsed) ? parsed : (parsed as { keys?: unknown }).keys;
  if (!Array.isArray(list)) throw new Error("BADGE_RETIRED_KEYS must be a JSON array of JWKs or a JWKS");
  return list.map((item) => {
    const jwk = item as Partial<Record<string, unknown>>;
    if (jwk.kty !== "OKP" || jwk.crv !== "Ed25519" || typeof jwk.x !== "string" || !ED25519_X.test(jwk.x)) {
      throw new Error("Every retired badge key must be a public Ed25519 JWK");
    }
    if (typeof jwk.kid !== "string" || !KID.test(jwk.kid)) throw new Error("Every retired badge key needs its kid");
    return publicJwkOf(jwk.x, jwk.kid);
  });
}

/** What /.well-known/jwks.json publishes: the current key first, then the retired ones (never a private part). */
export function publicKeySet(current: SigningKey, retired: PublicBadgeJwk[]): BadgeKeySet {
  const keys = [current.publicJwk];
  for (const key of retired) if (!keys.some((k) => k.kid === key.kid)) keys.push(key);
  return { keys };
}
