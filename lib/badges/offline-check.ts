import { fromBase64Url, isCanonicalBase64Url } from "./base64url";
import { windowStatus, type WindowStatus } from "./window";

/**
 * The check a phone makes without the server: the token's signature against the published key
 * (WebCrypto Ed25519, no library, so the page's script stays small), its window against the
 * device's clock, and the last signed list of revoked ids the device kept. The server's verdict
 * stays the authoritative one; this runs only when the server cannot be reached.
 */

/** The header type of the signed list of revoked ids, so that a list never passes for a badge (and a badge never for a list). */
export const REVOCATION_LIST_TYPE = "badge-revocations+jws";

type Jwk = { kty?: string; crv?: string; x?: string; kid?: string };
type KeySet = { keys?: Jwk[] };

/** What the badge itself carries; the organization's full name and the photo need the server. */
export type OfflineClaims = { jti: string; n: string; sn: string; gn: string; cn?: string; org: string; r: string; et: string; nbf: number; exp: number };
export type OfflineList = { iat: number; revoked: string[] };
export type OfflineVerdict =
  | { status: "notGenuine" }
  | { status: "revoked" | WindowStatus; claims: OfflineClaims; list: { iat: number } | null };

const BADGE_ID = /^[A-Za-z0-9_-]{22}$/;
const MAX_LENGTH = 2048;

/** The JSON of a compact JWS whose EdDSA signature verifies with the key its header names, or null. */
async function verifiedPayload(jws: string, keySet: KeySet, type: string | undefined): Promise<unknown> {
  if (jws.length === 0 || jws.length > 64 * 1024) return null;
  const parts = jws.split(".");
  if (parts.length !== 3 || !parts.every(isCanonicalBase64Url)) return null;
  const [header, payload, signature] = parts as [string, string, string];
  try {
    const protectedHeader = JSON.parse(new TextDecoder().decode(fromBase64Url(header))) as { alg?: unknown; kid?: unknown; typ?: unknown };
    if (protectedHeader.alg !== "EdDSA" || typeof protectedHeader.kid !== "string" || protectedHeader.typ !== type) return null;
    const jwk = keySet.keys?.find((key) => key.kid === protectedHeader.kid && key.kty === "OKP" && key.crv === "Ed25519");
    if (!jwk?.x) return null;
    const key = await crypto.subtle.importKey("jwk", { kty: "OKP", crv: "Ed25519", x: jwk.x }, { name: "Ed25519" }, false, ["verify"]);
    const signed = new TextEncoder().encode(`${header}.${payload}`);
    if (!(await crypto.subtle.verify({ name: "Ed25519" }, key, fromBase64Url(signature), signed))) return null;
    return JSON.parse(new TextDecoder().decode(fromBase64Url(payload)));
  } catch {
    return null;
  }
}

const isText = (value: unknown) => typeof value === "string" && value.length > 0 && value.length <= 300;

function asClaims(value: unknown): OfflineClaims | null {
  const c = value as Partial<Record<keyof OfflineClaims, unknown>> | null;
  if (!c || typeof c.jti !== "string" || !BADGE_ID.test(c.jti)) return null;
  if (![c.n, c.sn, c.gn, c.org, c.r, c.et].every(isText) || (c.cn !== undefined && !isText(c.cn))) return null;
  if (!Number.isInteger(c.nbf) || !Number.isInteger(c.exp)) return null;
  return c as OfflineClaims;
}

/** The cached list of revoked ids, if its signature holds. */
export async function verifyOfflineList(jws: string, keySet: KeySet): Promise<OfflineList | null> {
  const list = (await verifiedPayload(jws, keySet, REVOCATION_LIST_TYPE)) as Partial<OfflineList> | null;
  if (!list || !Number.isInteger(list.iat) || !Array.isArray(list.revoked) || !list.revoked.every((id) => typeof id === "string")) return null;
  return list as OfflineList;
}

/** A scanned token checked on the device; a list that does not verify counts as no list at all. */
export async function checkBadgeOffline(unverifiedToken: string, keySet: KeySet, listJws: string | null, now: Date): Promise<OfflineVerdict> {
  const token = unverifiedToken.trim();
  const claims = token.length <= MAX_LENGTH ? asClaims(await verifiedPayload(token, keySet, undefined)) : null;
  if (!claims) return { status: "notGenuine" };
  const list = listJws ? await verifyOfflineList(listJws, keySet) : null;
  const status = list?.revoked.includes(claims.jti) ? "revoked" : windowStatus(claims, now);
  return { status, claims, list: list && { iat: list.iat } };
}
