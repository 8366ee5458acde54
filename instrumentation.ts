export async function register() {
  // The database and signals exist only in the Node.js server, not in the edge runtime.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./lib/ops/server-start");
  await startServer();
}
