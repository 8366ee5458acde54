import { createHash, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";

/** RFC 6238: SHA-1, 6 digits, 30-second steps, as every authenticator app expects. */
const PERIOD = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, label = "", issuer = "") {
  return new TOTP({ secret: Secret.fromBase32(secretBase32), algorithm: "SHA1", digits: 6, period: PERIOD, label, issuer });
}

export function totpUri(secretBase32: string, account: string, issuer: string) {
  return totp(secretBase32, account, issuer).toString();
}

export function currentStep(now = Date.now()) {
  return Math.floor(now / 1000 / PERIOD);
}

/**
 * The step a code belongs to, if it is valid now (one step of clock drift either way) and
 * newer than the last accepted step: a code is never accepted twice.
 */
export function acceptTotp(secretBase32: string, code: string, lastStep: number | null, now = Date.now()): number | null {
  const normalized = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(normalized)) return null;
  const delta = totp(secretBase32).validate({ token: normalized, timestamp: now, window: 1 });
  if (delta === null) return null;
  const step = currentStep(now) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** Ten recovery codes like "k7qm-2xve-9d"; shown once, only their hashes are kept. */
export function newRecoveryCodes(count = 10): string[] {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  return Array.from({ length: count }, () => {
    const chars = [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  });
}

export function normalizeRecoveryCode(code: string) {
  return code.trim().toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Recovery codes carry ~49 bits of randomness, so a plain SHA-256 suffices to store them. */
export function hashRecoveryCode(code: string) {
  return createHash("sha256").update(normalizeRecoveryCode(code)).digest("hex");
}
