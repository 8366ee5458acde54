CREATE TYPE "public"."decision_reason" AS ENUM('incomplete_data', 'invalid_passport', 'unsuitable_photo', 'duplicate_accreditation', 'not_eligible', 'code_of_conduct', 'other');--> statement-breakpoint
ALTER TABLE "review_comments" DROP CONSTRAINT "review_comments_observer_id_observers_id_fk";
--> statement-breakpoint
ALTER TABLE "elections" ADD COLUMN "accreditation_sequence" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "missions" ADD COLUMN "rejection_reason" text;--> statement-breakpoint
ALTER TABLE "missions" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "observers" ADD COLUMN "reason_code" "decision_reason";--> statement-breakpoint
ALTER TABLE "observers" ADD COLUMN "accreditation_number" text;--> statement-breakpoint
ALTER TABLE "observers" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "observers" ADD COLUMN "decided_by" text;--> statement-breakpoint
ALTER TABLE "observers" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "observers" ADD CONSTRAINT "observers_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_observer_id_observers_id_fk" FOREIGN KEY ("observer_id") REFERENCES "public"."observers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "observers_accreditation_number_key" ON "observers" USING btree ("accreditation_number");