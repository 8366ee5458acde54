// `npm run db:migrate`: applies db/migrations to DATABASE_URL, or to the embedded database in DATA_DIR.
import { closeDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";

async function main() {
  await migrateDatabase();
  await closeDb();
  console.log("Migrations applied.");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
