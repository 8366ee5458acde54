import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs, findChromium } from "./scripts/chromium.mjs";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
// The mail sink (e2e/mail-sink.ts) listens beside each run's server; deriving its port from the
// server's keeps two runs on one machine (different E2E_PORT) apart. Set here, the runner, the
// test workers (which load this file too) and the web server all see the same port.
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 2526 + (port - 3100));
process.env.E2E_SMTP_PORT = String(smtpPort);
const launchOptions = { executablePath: findChromium(), args: chromiumArgs };

export default defineConfig({
  testDir: "./e2e",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // One retry in CI, reported as flaky: a red CI lands nothing, and a spec failing twice still fails.
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  // Generous: two workers, the server and Chromium share two cores, and a loaded machine doubles every step.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    // Recording a trace costs Chromium a screencast of every test: only a retried test records one.
    trace: "on-first-retry",
    locale: "en-GB",
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/, use: { launchOptions } },
    {
      name: "chromium",
      dependencies: ["setup"],
      use: {
        ...devices["Desktop Chrome"],
        launchOptions,
      },
    },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      SITE_URL: baseURL,
      DATA_DIR: process.env.E2E_DATA_DIR ?? "./data/e2e",
      LOG_LEVEL: "warn",
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: "Observer Portal <portal@e2e.example>",
      // Retries after about 0.5, 1, 2, 4 s, so a spec sees a delivery succeed once "the mail server is up again".
      OUTBOX_RETRY_BASE_MS: "500",
      // Meeting requests due to expire within a week expire within a second or two, so a spec can
      // show an expired request (every other spec asks for times at least 25 days ahead).
      MEETING_EXPIRY_INTERVAL_MS: "1000",
      MEETING_EXPIRY_LOOKAHEAD_MS: String(7 * 86_400_000),
      // Embargo specs move the publishing clock instead of waiting (lib/statements/clock.ts).
      TEST_CLOCK: "on",
    },
  },
});
