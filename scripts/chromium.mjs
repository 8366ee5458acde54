// Where the end-to-end tests and benchmarks find a Chromium (Playwright cannot download its own here).
// Debian's headless shell comes first: the full browser's headless mode draws its own window UI
// for every page and made the suite nearly twice as slow (10.0 min against 5.6 min on the same specs).
import { existsSync } from "node:fs";

export const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";
const FULL_BROWSER = "/usr/bin/chromium";

/** CHROMIUM_PATH if set, else the first Debian Chromium installed, else undefined. */
export function findChromium() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return [HEADLESS_SHELL, FULL_BROWSER].find((path) => existsSync(path));
}

/** Flags that keep Chromium from reaching for the internet, which this machine refuses. */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--disable-quic",
];
