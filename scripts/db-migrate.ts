// `npm run db:migrate`: applies db/migrations to DATABASE_URL, or to the embedded database in DATA_DIR.
import { closeDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";

await migrateDatabase();
await closeDb();
console.log("Migrations applied.");
