CREATE TYPE "public"."statement_kind" AS ENUM('needs_assessment', 'interim', 'preliminary', 'final', 'press_release');--> statement-breakpoint
CREATE TYPE "public"."statement_language" AS ENUM('tk', 'ru', 'en', 'other');--> statement-breakpoint
CREATE TYPE "public"."statement_version_status" AS ENUM('draft', 'submitted', 'returned', 'published');--> statement-breakpoint
CREATE TABLE "statement_attachments" (
	"version_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "statement_attachments_version_id_file_id_pk" PRIMARY KEY("version_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "statement_texts" (
	"version_id" uuid NOT NULL,
	"language" "statement_language" NOT NULL,
	"is_original" boolean NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector(case language when 'ru' then 'russian'::regconfig when 'en' then 'english'::regconfig else 'simple'::regconfig end, title || ' ' || body)) STORED,
	CONSTRAINT "statement_texts_version_id_language_pk" PRIMARY KEY("version_id","language")
);
--> statement-breakpoint
CREATE TABLE "statement_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"statement_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" "statement_version_status" DEFAULT 'draft' NOT NULL,
	"original_language" "statement_language" NOT NULL,
	"other_language_name" text,
	"embargo_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"return_reason" text,
	"published_at" timestamp with time zone,
	"published_by" text,
	"sha256" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "statement_versions_other_language" CHECK (("statement_versions"."original_language" = 'other') = ("statement_versions"."other_language_name" is not null)),
	CONSTRAINT "statement_versions_published" CHECK (("statement_versions"."status" = 'published') = ("statement_versions"."published_at" is not null and "statement_versions"."sha256" is not null))
);
--> statement-breakpoint
CREATE TABLE "statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"kind" "statement_kind" NOT NULL,
	"first_published_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "statement_attachments" ADD CONSTRAINT "statement_attachments_version_id_statement_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."statement_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_attachments" ADD CONSTRAINT "statement_attachments_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_texts" ADD CONSTRAINT "statement_texts_version_id_statement_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."statement_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_versions" ADD CONSTRAINT "statement_versions_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_versions" ADD CONSTRAINT "statement_versions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_versions" ADD CONSTRAINT "statement_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "statement_attachments_file_idx" ON "statement_attachments" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "statement_texts_search_idx" ON "statement_texts" USING gin ("search");--> statement-breakpoint
CREATE UNIQUE INDEX "statement_texts_one_original" ON "statement_texts" USING btree ("version_id") WHERE "statement_texts"."is_original";--> statement-breakpoint
CREATE UNIQUE INDEX "statement_versions_number_key" ON "statement_versions" USING btree ("statement_id","number");--> statement-breakpoint
CREATE INDEX "statement_versions_published_idx" ON "statement_versions" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "statement_versions_status_idx" ON "statement_versions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "statements_mission_idx" ON "statements" USING btree ("mission_id");--> statement-breakpoint
CREATE INDEX "statements_first_published_idx" ON "statements" USING btree ("first_published_at");--> statement-breakpoint
-- A published version is the record the public relies on (its SHA-256 is shown): nothing changes or removes it or its words and files.
CREATE FUNCTION statement_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'statement version % is published and cannot be changed', OLD.id;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER statement_versions_immutable BEFORE UPDATE ON "statement_versions" FOR EACH ROW EXECUTE FUNCTION statement_version_immutable();--> statement-breakpoint
CREATE FUNCTION statement_content_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW.version_id ELSE OLD.version_id END;
BEGIN
  IF EXISTS (SELECT 1 FROM statement_versions WHERE id = target AND status = 'published') THEN
    RAISE EXCEPTION 'statement version % is published and its content cannot be changed', target;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;--> statement-breakpoint
CREATE TRIGGER statement_texts_immutable BEFORE INSERT OR UPDATE OR DELETE ON "statement_texts" FOR EACH ROW EXECUTE FUNCTION statement_content_immutable();--> statement-breakpoint
CREATE TRIGGER statement_attachments_immutable BEFORE INSERT OR UPDATE OR DELETE ON "statement_attachments" FOR EACH ROW EXECUTE FUNCTION statement_content_immutable();
