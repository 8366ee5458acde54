import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

/**
 * `npm run test:fuzz`: the HTTP fuzzer (fuzz/http.spec.ts) against the same production server as the
 * e2e suite, after the staff sign-in of e2e/auth.setup.ts. Not part of `npm test`: at FUZZ_RUNS=1000
 * it sends some 70,000 requests.
 */
const [setup, chromium] = base.projects!;
export default defineConfig({
  ...base,
  testDir: "./fuzz",
  workers: 1,
  reporter: [["list"]],
  projects: [
    { ...setup, testDir: "./e2e" },
    { ...chromium, name: "fuzz", dependencies: ["setup"] },
  ],
});
