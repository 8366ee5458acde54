CREATE TYPE "public"."organization_kind" AS ENUM('intergovernmental', 'foreign_election_body', 'parliamentary_assembly', 'international_ngo', 'foreign_government');--> statement-breakpoint
CREATE TYPE "public"."election_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TYPE "public"."election_type" AS ENUM('presidential', 'parliamentary', 'local_council', 'referendum', 'by_election');--> statement-breakpoint
CREATE TYPE "public"."locale" AS ENUM('tk', 'ru', 'en');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('coordinator', 'observer', 'reviewer', 'admin');--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name_tk" text NOT NULL,
	"name_ru" text NOT NULL,
	"name_en" text NOT NULL,
	"acronym" varchar(32) NOT NULL,
	"kind" "organization_kind" NOT NULL,
	"seat_country" varchar(2) NOT NULL,
	"website" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_seat_country_iso" CHECK ("organizations"."seat_country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "elections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(16) NOT NULL,
	"type" "election_type" NOT NULL,
	"title_tk" text NOT NULL,
	"title_ru" text NOT NULL,
	"title_en" text NOT NULL,
	"election_day" date NOT NULL,
	"accreditation_opens_at" timestamp with time zone NOT NULL,
	"accreditation_closes_at" timestamp with time zone NOT NULL,
	"observation_starts_on" date NOT NULL,
	"observation_ends_on" date NOT NULL,
	"status" "election_status" DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "elections_code_unique" UNIQUE("code"),
	CONSTRAINT "elections_accreditation_window" CHECK ("elections"."accreditation_opens_at" < "elections"."accreditation_closes_at"),
	CONSTRAINT "elections_observation_window" CHECK ("elections"."observation_starts_on" <= "elections"."election_day" and "elections"."election_day" <= "elections"."observation_ends_on")
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"user_id" text NOT NULL,
	"type" text NOT NULL,
	"provider" text NOT NULL,
	"provider_account_id" text NOT NULL,
	"refresh_token" text,
	"access_token" text,
	"expires_at" integer,
	"token_type" text,
	"scope" text,
	"id_token" text,
	"session_state" text,
	CONSTRAINT "accounts_provider_provider_account_id_pk" PRIMARY KEY("provider","provider_account_id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"session_token" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"expires" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_verified" timestamp with time zone,
	"image" text,
	"password_hash" text,
	"role" "role" NOT NULL,
	"organization_id" uuid,
	"preferred_locale" "locale" DEFAULT 'tk' NOT NULL,
	"disabled_at" timestamp with time zone,
	"session_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_organization_by_role" CHECK (("users"."role" = 'coordinator') = ("users"."organization_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "verification_tokens" (
	"identifier" text NOT NULL,
	"token" text NOT NULL,
	"expires" timestamp with time zone NOT NULL,
	CONSTRAINT "verification_tokens_identifier_token_pk" PRIMARY KEY("identifier","token")
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "elections_status_day_idx" ON "elections" USING btree ("status","election_day");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_idx" ON "users" USING btree (lower("email"));