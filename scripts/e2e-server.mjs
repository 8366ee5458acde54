// Starts the portal for Playwright: a production build on a fresh embedded database (or on
// DATABASE_URL, migrated and seeded), on its own port so it never meets a running `npm start`.
import { execSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";

const run = (command) => execSync(command, { stdio: "inherit", env: process.env });

if (process.env.DATABASE_URL) {
  run("npm run --silent db:seed");
} else {
  rmSync(process.env.DATA_DIR, { recursive: true, force: true });
}
if (process.env.E2E_SKIP_BUILD !== "1") run("npx next build");

const server = spawn("npx", ["next", "start", "-p", process.env.PORT], {
  stdio: "inherit",
  env: { ...process.env, NEXT_MANUAL_SIG_HANDLE: "true" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
