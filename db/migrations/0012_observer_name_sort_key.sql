-- Existing observers get an empty key, which db/name-sort-keys.ts fills in right after the
-- migrations (db/migrate.ts): the key is computed by lib/name-sort-key.ts alone, never in SQL too.
ALTER TABLE "observers" ADD COLUMN "name_sort_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "observers" ALTER COLUMN "name_sort_key" DROP DEFAULT;--> statement-breakpoint
CREATE INDEX "observers_mission_name_idx" ON "observers" USING btree ("mission_id","name_sort_key","id");
