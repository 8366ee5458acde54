CREATE TABLE "badges" (
	"id" text PRIMARY KEY NOT NULL,
	"observer_id" uuid NOT NULL,
	"kid" text NOT NULL,
	"token" text NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revocation_reason" text,
	CONSTRAINT "badges_id_format" CHECK ("badges"."id" ~ '^[A-Za-z0-9_-]{22}$'),
	CONSTRAINT "badges_revocation" CHECK (("badges"."revoked_at" is null) = ("badges"."revocation_reason" is null)),
	CONSTRAINT "badges_revocation_reason" CHECK ("badges"."revocation_reason" is null or "badges"."revocation_reason" in ('observer_revoked', 'observer_withdrawn', 'application_withdrawn', 'application_rejected', 'reissued'))
);
--> statement-breakpoint
ALTER TABLE "badges" ADD CONSTRAINT "badges_observer_id_observers_id_fk" FOREIGN KEY ("observer_id") REFERENCES "public"."observers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "badges_current_observer_key" ON "badges" USING btree ("observer_id") WHERE "badges"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "badges_observer_idx" ON "badges" USING btree ("observer_id","issued_at");--> statement-breakpoint
CREATE INDEX "badges_revoked_idx" ON "badges" USING btree ("valid_until") WHERE "badges"."revoked_at" is not null;