import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, vi } from "vitest";

// The configuration is read by lib/env.ts alone; tests only set what it will read.
// Each test file gets its own embedded data folder: two processes must never share one.
const dataDir = mkdtempSync(join(tmpdir(), "observer-portal-test-"));
vi.stubEnv("DATA_DIR", dataDir);
vi.stubEnv("LOG_LEVEL", "error");
// PostgreSQL requires a shared secret (CI exports one); tests may use any, on either engine.
vi.stubEnv("AUTH_SECRET", "test-secret-of-at-least-32-characters!");

afterAll(async () => {
  const { closeDb } = await import("@/db");
  await closeDb();
  rmSync(dataDir, { recursive: true, force: true });
});
