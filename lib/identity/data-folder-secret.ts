import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { embeddedDataDir } from "@/db";

/**
 * A random secret generated once and kept in the data folder (mode 600): the embedded default
 * needs no configuration, and the secret survives restarts. Production passes secrets instead.
 */
export function dataFolderSecret(fileName: string, bytes: number): string {
  const dir = embeddedDataDir();
  const file = join(dir, fileName);
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dir, { recursive: true });
    const secret = randomBytes(bytes).toString("base64");
    try {
      writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      // Another process wrote it first: use theirs.
      return readFileSync(file, "utf8").trim();
    }
  }
}
