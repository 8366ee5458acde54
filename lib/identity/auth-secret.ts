import "server-only";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { getEnv } from "@/lib/env";
import { embeddedDataDir } from "@/db";

/**
 * The key that signs session cookies. Production passes AUTH_SECRET (shared by every process);
 * the embedded default makes one on first start and keeps it in the data folder, so sessions
 * survive a restart.
 */
export function getAuthSecret(): string {
  const configured = getEnv().AUTH_SECRET;
  if (configured) return configured;
  const dir = embeddedDataDir();
  const file = join(dir, "auth-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dir, { recursive: true });
    const secret = randomBytes(48).toString("base64url");
    try {
      writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      return readFileSync(file, "utf8").trim();
    }
  }
}
