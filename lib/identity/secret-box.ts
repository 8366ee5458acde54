import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { getEnv } from "@/lib/env";
import { dataFolderSecret } from "./data-folder-secret";

/**
 * AES-256-GCM for secrets at rest (TOTP seeds) and values the portal hands out sealed (a queue
 * search in an address): "v1.<iv>.<tag>.<ciphertext>", base64url parts. A `purpose` is bound to
 * the ciphertext (GCM's additional data): whatever a reviewer gets back sealed for a search cannot
 * be swapped for a stored TOTP seed and opened by the queue. TOTP seeds were sealed without one.
 */
function key() {
  return Buffer.from(getEnv().SECRETS_KEY ?? dataFolderSecret("secrets-key", 32), "base64");
}

export function sealSecret(plaintext: string, purpose?: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  if (purpose) cipher.setAAD(Buffer.from(purpose, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export function openSecret(sealed: string, purpose?: string): string {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || !ciphertext) throw new Error("Unknown sealed secret format");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  if (purpose) decipher.setAAD(Buffer.from(purpose, "utf8"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}
