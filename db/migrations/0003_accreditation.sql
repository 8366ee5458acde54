CREATE TYPE "public"."application_status" AS ENUM('draft', 'submitted', 'changes_requested', 'approved', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."mission_type" AS ENUM('full_observation_mission', 'limited_observation_mission', 'election_assessment_mission', 'needs_assessment_mission', 'expert_team', 'parliamentary_delegation');--> statement-breakpoint
CREATE TYPE "public"."observer_role" AS ENUM('head_of_mission', 'core_team', 'long_term_observer', 'short_term_observer', 'interpreter', 'support_staff');--> statement-breakpoint
CREATE TYPE "public"."observer_status" AS ENUM('pending', 'accredited', 'refused', 'revoked', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."sex" AS ENUM('female', 'male');--> statement-breakpoint
CREATE TABLE "mission_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" text,
	"decision_due_on" date NOT NULL,
	"observer_count" integer NOT NULL,
	"snapshot" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "missions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"election_id" uuid NOT NULL,
	"status" "application_status" DEFAULT 'draft' NOT NULL,
	"name" text,
	"type" "mission_type",
	"planned_arrival_on" date,
	"planned_departure_on" date,
	"regions" text[] DEFAULT '{}'::text[] NOT NULL,
	"contact_person" text,
	"phone" text,
	"email" text,
	"working_languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"letter_file_id" uuid,
	"submitted_at" timestamp with time zone,
	"decision_due_on" date,
	"decided_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"status" "observer_status" DEFAULT 'pending' NOT NULL,
	"surname" text NOT NULL,
	"given_names" text NOT NULL,
	"cyrillic_name" text,
	"sex" "sex" NOT NULL,
	"date_of_birth" date NOT NULL,
	"nationality" varchar(2) NOT NULL,
	"passport_number" text NOT NULL,
	"passport_expires_on" date NOT NULL,
	"role" "observer_role" NOT NULL,
	"arrival_on" date NOT NULL,
	"departure_on" date NOT NULL,
	"email" text,
	"photo_file_id" uuid,
	"status_reason" text,
	"is_amendment" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observers_nationality_iso" CHECK ("observers"."nationality" ~ '^[A-Z]{2}$'),
	CONSTRAINT "observers_stay" CHECK ("observers"."arrival_on" < "observers"."departure_on")
);
--> statement-breakpoint
CREATE TABLE "review_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"observer_id" uuid,
	"author_id" text,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_comments_body" CHECK (char_length("review_comments"."body") between 1 and 4000)
);
--> statement-breakpoint
ALTER TABLE "elections" ADD COLUMN "decision_working_days" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "mission_submissions" ADD CONSTRAINT "mission_submissions_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mission_submissions" ADD CONSTRAINT "mission_submissions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missions" ADD CONSTRAINT "missions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missions" ADD CONSTRAINT "missions_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missions" ADD CONSTRAINT "missions_letter_file_id_files_id_fk" FOREIGN KEY ("letter_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missions" ADD CONSTRAINT "missions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observers" ADD CONSTRAINT "observers_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observers" ADD CONSTRAINT "observers_photo_file_id_files_id_fk" FOREIGN KEY ("photo_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_observer_id_observers_id_fk" FOREIGN KEY ("observer_id") REFERENCES "public"."observers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mission_submissions_number_key" ON "mission_submissions" USING btree ("mission_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "missions_organization_election_key" ON "missions" USING btree ("organization_id","election_id");--> statement-breakpoint
CREATE INDEX "missions_election_status_idx" ON "missions" USING btree ("election_id","status");--> statement-breakpoint
CREATE INDEX "observers_mission_status_idx" ON "observers" USING btree ("mission_id","status");--> statement-breakpoint
CREATE INDEX "observers_passport_idx" ON "observers" USING btree ("passport_number","nationality");--> statement-breakpoint
CREATE UNIQUE INDEX "observers_mission_passport_key" ON "observers" USING btree ("mission_id","nationality","passport_number") WHERE "observers"."status" <> 'withdrawn';--> statement-breakpoint
CREATE INDEX "review_comments_mission_idx" ON "review_comments" USING btree ("mission_id","created_at");--> statement-breakpoint
ALTER TABLE "elections" ADD CONSTRAINT "elections_decision_working_days" CHECK ("elections"."decision_working_days" between 1 and 60);