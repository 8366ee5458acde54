CREATE TABLE "observer_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"observer_id" uuid NOT NULL,
	"email" text NOT NULL,
	"locale" "locale" NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" text,
	"expires_at" timestamp with time zone NOT NULL,
	"opened_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "observer_invitations_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "observers" ADD COLUMN "user_id" text;--> statement-breakpoint
ALTER TABLE "observers" ADD COLUMN "self_completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "observer_invitations" ADD CONSTRAINT "observer_invitations_observer_id_observers_id_fk" FOREIGN KEY ("observer_id") REFERENCES "public"."observers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observer_invitations" ADD CONSTRAINT "observer_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "observer_invitations_observer_idx" ON "observer_invitations" USING btree ("observer_id","created_at");--> statement-breakpoint
ALTER TABLE "observers" ADD CONSTRAINT "observers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "observers_user_idx" ON "observers" USING btree ("user_id");