// `npm run db:seed`: applies migrations, then loads the demo data into an empty database.
import { closeDb, getDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { DEMO_PASSWORD, seedDemoData } from "@/db/seed";

async function main() {
  await migrateDatabase();
  const created = await seedDemoData(getDb());
  await closeDb();
  if (!created) return console.log("The database already has data; nothing was seeded.");
  console.log(`Demo data created; every account's password is ${DEMO_PASSWORD}:`);
  for (const a of created) {
    console.log(`  ${a.email}  ${a.role}${a.organization ? ` (${a.organization})` : ""}${a.totpSecret ? `  authenticator key ${a.totpSecret}` : ""}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
