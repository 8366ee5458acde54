/**
 * The process proof/crash.test.ts kills: it submits every application in the file it is given,
 * all at once, through the function the coordinator's Server Action calls, and prints
 * "ack <missionId>" as soon as a submission has committed: what the coordinator would have seen
 * as success. Like the server (lib/ops/server-start.ts), it closes the database on SIGTERM.
 */
import { readFileSync, writeSync } from "node:fs";
import { closeDb } from "@/db";
import { submitApplication } from "@/lib/accreditation/applications";
import type { Coordinator } from "@/lib/accreditation/scope";

type Job = { actor: Coordinator; missionId: string };

async function main() {
  const jobs = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as Job[];
  process.once("SIGTERM", () => void closeDb().finally(() => process.exit(0)));
  await Promise.all(
    jobs.map(async ({ actor, missionId }) => {
      const result = await submitApplication(actor, missionId, "192.0.2.10");
      if (result.ok) writeSync(1, `ack ${missionId}\n`);
    }),
  );
  writeSync(1, "done\n");
  await closeDb();
}

void main();
