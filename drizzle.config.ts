import { defineConfig } from "drizzle-kit";

// Only generates SQL from the schema; applying it is db/migrate.ts's job on both engines.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
