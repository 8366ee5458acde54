import { defineConfig } from "vitest/config";
import base from "./vitest.config";

/** The proofs of issue #9 that take minutes (npm run test:crash): not part of `npm test`. */
export default defineConfig({ ...base, test: { ...base.test, include: ["proof/**/*.test.ts"], testTimeout: 600_000 } });
