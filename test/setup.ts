import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Each test file gets its own embedded data folder: two processes must never share one.
process.env.DATA_DIR = mkdtempSync(join(tmpdir(), "observer-portal-test-"));
process.env.LOG_LEVEL ??= "error";
