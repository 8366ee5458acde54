import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

// Each test file gets its own embedded data folder: two processes must never share one.
const dataDir = mkdtempSync(join(tmpdir(), "observer-portal-test-"));
process.env.DATA_DIR = dataDir;
process.env.LOG_LEVEL ??= "error";
// On PostgreSQL the configuration requires a shared secret; tests may use any.
if (process.env.DATABASE_URL) process.env.AUTH_SECRET ||= "test-secret-of-at-least-32-characters!";

afterAll(async () => {
  const { closeDb } = await import("@/db");
  await closeDb();
  rmSync(dataDir, { recursive: true, force: true });
});
