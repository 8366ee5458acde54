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

// Idle connections outlive the test clients' own keep-alive: otherwise a request sent on a socket the
// server is closing at that moment fails with ECONNRESET (Node closes idle sockets after 5 s).
// The specs stand in for one reverse proxy: each may name its own client address in X-Forwarded-For.
const server = spawn(
  process.execPath,
  ["--import", "./scripts/trust-client-address.mjs", "node_modules/next/dist/bin/next", "start", "-p", process.env.PORT, "--keepAliveTimeout", "65000"],
  { stdio: "inherit", env: { TRUSTED_PROXIES: "1", ...process.env, NEXT_MANUAL_SIG_HANDLE: "true" } },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
