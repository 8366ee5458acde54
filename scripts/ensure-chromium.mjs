// Makes sure a Chromium exists for the end-to-end tests (Playwright cannot download its own here).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].filter(Boolean);
if (candidates.some((path) => existsSync(path))) process.exit(0);

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const hasApt = existsSync("/usr/bin/apt-get");
if (isRoot && hasApt) {
  console.log("Chromium not found: installing Debian's chromium package…");
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if (existsSync("/usr/bin/chromium")) process.exit(0);
}
console.error(
  "The end-to-end tests need Chromium. Install it with `sudo apt-get install -y chromium` " +
    "or set CHROMIUM_PATH to a Chromium or Chrome executable.",
);
process.exit(1);
