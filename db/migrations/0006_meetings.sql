CREATE TYPE "public"."interpreter_language" AS ENUM('tk', 'ru', 'en', 'none');--> statement-breakpoint
CREATE TYPE "public"."meeting_official_role" AS ENUM('requested', 'assigned');--> statement-breakpoint
CREATE TYPE "public"."meeting_status" AS ENUM('requested', 'proposed', 'confirmed', 'declined', 'cancelled', 'expired', 'held', 'not_held');--> statement-breakpoint
CREATE TYPE "public"."meeting_window_kind" AS ENUM('preferred', 'proposed');--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"user_id" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "closed_days" (
	"day" date PRIMARY KEY NOT NULL,
	"reason_tk" text NOT NULL,
	"reason_ru" text NOT NULL,
	"reason_en" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"room_id" uuid,
	"official_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meeting_bookings_one_resource" CHECK (("meeting_bookings"."room_id" is null) <> ("meeting_bookings"."official_id" is null)),
	CONSTRAINT "meeting_bookings_span" CHECK ("meeting_bookings"."starts_at" < "meeting_bookings"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "meeting_officials" (
	"meeting_id" uuid NOT NULL,
	"official_id" uuid NOT NULL,
	"role" "meeting_official_role" NOT NULL,
	CONSTRAINT "meeting_officials_meeting_id_official_id_role_pk" PRIMARY KEY("meeting_id","official_id","role")
);
--> statement-breakpoint
CREATE TABLE "meeting_rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name_tk" text NOT NULL,
	"name_ru" text NOT NULL,
	"name_en" text NOT NULL,
	"capacity" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_rooms_capacity" CHECK ("meeting_rooms"."capacity" between 1 and 1000)
);
--> statement-breakpoint
CREATE TABLE "meeting_windows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"kind" "meeting_window_kind" NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_windows_span" CHECK ("meeting_windows"."starts_at" < "meeting_windows"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"status" "meeting_status" DEFAULT 'requested' NOT NULL,
	"topic" text NOT NULL,
	"agenda" text NOT NULL,
	"delegation_size" integer NOT NULL,
	"interpreter_language" "interpreter_language" NOT NULL,
	"duration_minutes" integer NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"room_id" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"cancellation_reason" text,
	"participants" text,
	"minutes" text,
	"summary_tk" text,
	"summary_ru" text,
	"summary_en" text,
	"summary_published_at" timestamp with time zone,
	"requested_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_duration" CHECK ("meetings"."duration_minutes" in (30, 45, 60, 90)),
	CONSTRAINT "meetings_delegation_size" CHECK ("meetings"."delegation_size" between 1 and 100),
	CONSTRAINT "meetings_slot" CHECK (("meetings"."starts_at" is null) = ("meetings"."ends_at" is null) and ("meetings"."starts_at" is null or "meetings"."starts_at" < "meetings"."ends_at"))
);
--> statement-breakpoint
CREATE TABLE "officials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name_tk" text NOT NULL,
	"name_ru" text NOT NULL,
	"name_en" text NOT NULL,
	"position_tk" text NOT NULL,
	"position_ru" text NOT NULL,
	"position_en" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "working_hours" (
	"weekday" smallint PRIMARY KEY NOT NULL,
	"opens_at" time,
	"closes_at" time,
	CONSTRAINT "working_hours_weekday" CHECK ("working_hours"."weekday" between 1 and 7),
	CONSTRAINT "working_hours_span" CHECK (("working_hours"."opens_at" is null and "working_hours"."closes_at" is null) or "working_hours"."opens_at" < "working_hours"."closes_at")
);
--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_bookings" ADD CONSTRAINT "meeting_bookings_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_bookings" ADD CONSTRAINT "meeting_bookings_room_id_meeting_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."meeting_rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_bookings" ADD CONSTRAINT "meeting_bookings_official_id_officials_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."officials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_officials" ADD CONSTRAINT "meeting_officials_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_officials" ADD CONSTRAINT "meeting_officials_official_id_officials_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."officials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_windows" ADD CONSTRAINT "meeting_windows_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_room_id_meeting_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."meeting_rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_key" ON "calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "meeting_bookings_room_idx" ON "meeting_bookings" USING btree ("room_id","starts_at");--> statement-breakpoint
CREATE INDEX "meeting_bookings_official_idx" ON "meeting_bookings" USING btree ("official_id","starts_at");--> statement-breakpoint
CREATE INDEX "meeting_bookings_meeting_idx" ON "meeting_bookings" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_officials_official_idx" ON "meeting_officials" USING btree ("official_id");--> statement-breakpoint
CREATE INDEX "meeting_windows_meeting_idx" ON "meeting_windows" USING btree ("meeting_id","kind");--> statement-breakpoint
CREATE INDEX "meetings_mission_idx" ON "meetings" USING btree ("mission_id","created_at");--> statement-breakpoint
CREATE INDEX "meetings_status_expiry_idx" ON "meetings" USING btree ("status","expires_at");--> statement-breakpoint
CREATE INDEX "meetings_slot_idx" ON "meetings" USING btree ("starts_at");--> statement-breakpoint
-- The default working week: Monday to Friday 09:00–18:00 Asia/Ashgabat; Saturday and Sunday closed.
INSERT INTO "working_hours" ("weekday", "opens_at", "closes_at") VALUES (1, '09:00', '18:00'), (2, '09:00', '18:00'), (3, '09:00', '18:00'), (4, '09:00', '18:00'), (5, '09:00', '18:00'), (6, NULL, NULL), (7, NULL, NULL);
