// Makes sure a Chromium exists for the end-to-end tests (Playwright cannot download its own here).
import { execFileSync } from "node:child_process";
import { findChromium, HEADLESS_SHELL } from "./chromium.mjs";

if (findChromium()) process.exit(0);

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
let hasApt = false;
try {
  execFileSync("apt-get", ["--version"], { stdio: "ignore" });
  hasApt = true;
} catch {}
if (isRoot && hasApt) {
  console.log("Chromium not found: installing Debian's chromium-headless-shell package…");
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium-headless-shell"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if (findChromium() === HEADLESS_SHELL) process.exit(0);
}
console.error(
  "The end-to-end tests need Chromium. Install it with `sudo apt-get install -y chromium-headless-shell` " +
    "(or chromium), or set CHROMIUM_PATH to a Chromium or Chrome executable.",
);
process.exit(1);
