CREATE TYPE "public"."file_kind" AS ENUM('photo', 'letter', 'attachment');--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "file_kind" NOT NULL,
	"media_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"original_name" text NOT NULL,
	"width" integer,
	"height" integer,
	"uploaded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "files_byte_size_matches" CHECK ("files"."byte_size" > 0 and "files"."byte_size" = octet_length("files"."content")),
	CONSTRAINT "files_sha256_hex" CHECK ("files"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "files_original_name_length" CHECK (char_length("files"."original_name") between 1 and 200),
	CONSTRAINT "files_dimensions" CHECK (("files"."width" is null and "files"."height" is null) or ("files"."width" is not null and "files"."height" is not null and "files"."width" > 0 and "files"."height" > 0))
);
--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "files_uploaded_by_idx" ON "files" USING btree ("uploaded_by");