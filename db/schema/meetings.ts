import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgEnum, pgTable, primaryKey, smallint, text, time, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { meetingStatuses } from "../../lib/meetings/transitions";
import { missions } from "./accreditation";
import { users } from "./identity";

export const meetingStatus = pgEnum("meeting_status", meetingStatuses);
export const interpreterLanguages = ["tk", "ru", "en", "none"] as const;
export const interpreterLanguage = pgEnum("interpreter_language", interpreterLanguages);
export const meetingDurations = [30, 45, 60, 90] as const;

/** A member of the commission (chairman, members, heads of departments) missions may meet. */
export const officials = pgTable("officials", {
  id: uuid("id").primaryKey().defaultRandom(),
  nameTk: text("name_tk").notNull(),
  nameRu: text("name_ru").notNull(),
  nameEn: text("name_en").notNull(),
  positionTk: text("position_tk").notNull(),
  positionRu: text("position_ru").notNull(),
  positionEn: text("position_en").notNull(),
  /** Inactive officials keep their past meetings but are offered for no new one. */
  active: boolean("active").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A room of the commission where meetings are held. */
export const meetingRooms = pgTable(
  "meeting_rooms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    nameTk: text("name_tk").notNull(),
    nameRu: text("name_ru").notNull(),
    nameEn: text("name_en").notNull(),
    capacity: integer("capacity").notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("meeting_rooms_capacity", sql`${t.capacity} between 1 and 1000`)],
);

/**
 * The commission's working hours, one row per ISO weekday (1 Monday … 7 Sunday), Ashgabat
 * wall-clock times; a day without hours is closed. The migration seeds Monday–Friday 09:00–18:00.
 */
export const workingHours = pgTable(
  "working_hours",
  {
    weekday: smallint("weekday").primaryKey(),
    opensAt: time("opens_at"),
    closesAt: time("closes_at"),
  },
  (t) => [
    check("working_hours_weekday", sql`${t.weekday} between 1 and 7`),
    check("working_hours_span", sql`(${t.opensAt} is null and ${t.closesAt} is null) or ${t.opensAt} < ${t.closesAt}`),
  ],
);

/** Days the commission does not meet (holidays), whatever the weekday. */
export const closedDays = pgTable("closed_days", {
  day: date("day", { mode: "string" }).primaryKey(),
  reasonTk: text("reason_tk").notNull(),
  reasonRu: text("reason_ru").notNull(),
  reasonEn: text("reason_en").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A mission's meeting with the commission, from its request to its summary. The id is the
 * iCalendar UID; `sequence` is its SEQUENCE, raised on every change sent to calendars. The slot
 * (startsAt, roomId and the assigned officials) is set once confirmed.
 */
export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    missionId: uuid("mission_id")
      .notNull()
      .references(() => missions.id),
    status: meetingStatus("status").notNull().default("requested"),
    topic: text("topic").notNull(),
    agenda: text("agenda").notNull(),
    delegationSize: integer("delegation_size").notNull(),
    interpreterLanguage: interpreterLanguage("interpreter_language").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    roomId: uuid("room_id").references(() => meetingRooms.id),
    /** Undecided at this instant (48 hours before the first window), the request expires. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    sequence: integer("sequence").notNull().default(0),
    /** Bumped by every change: a decision names the version it saw. */
    version: integer("version").notNull().default(1),
    cancellationReason: text("cancellation_reason"),
    participants: text("participants"),
    /** Internal: staff only, never shown to the mission. */
    minutes: text("minutes"),
    summaryTk: text("summary_tk"),
    summaryRu: text("summary_ru"),
    summaryEn: text("summary_en"),
    summaryPublishedAt: timestamp("summary_published_at", { withTimezone: true }),
    requestedBy: text("requested_by").references(() => users.id, { onDelete: "set null" }),
    /** The staff member who last confirmed or proposed a time: the commission's side of every change notice. */
    scheduledBy: text("scheduled_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("meetings_mission_idx").on(t.missionId, t.createdAt),
    index("meetings_status_expiry_idx").on(t.status, t.expiresAt),
    index("meetings_slot_idx").on(t.startsAt),
    /** The public pages list the latest published summaries. */
    index("meetings_summary_idx").on(t.summaryPublishedAt),
    check("meetings_duration", sql`${t.durationMinutes} in (30, 45, 60, 90)`),
    check("meetings_delegation_size", sql`${t.delegationSize} between 1 and 100`),
    check("meetings_slot", sql`(${t.startsAt} is null) = (${t.endsAt} is null) and (${t.startsAt} is null or ${t.startsAt} < ${t.endsAt})`),
  ],
);

export const meetingWindowKinds = ["preferred", "proposed"] as const;
export const meetingWindowKind = pgEnum("meeting_window_kind", meetingWindowKinds);

/**
 * Times on the table: the mission's preferred windows (one to three) and the commission's
 * proposals (up to three; a new proposal replaces the previous ones).
 */
export const meetingWindows = pgTable(
  "meeting_windows",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    kind: meetingWindowKind("kind").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    /** Proposals replaced by a later one stay for the history. */
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("meeting_windows_meeting_idx").on(t.meetingId, t.kind), check("meeting_windows_span", sql`${t.startsAt} < ${t.endsAt}`)],
);

export const meetingOfficialRoles = ["requested", "assigned"] as const;
export const meetingOfficialRole = pgEnum("meeting_official_role", meetingOfficialRoles);

/** Officials the mission asked for, and those the commission assigned. */
export const meetingOfficials = pgTable(
  "meeting_officials",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    officialId: uuid("official_id")
      .notNull()
      .references(() => officials.id),
    role: meetingOfficialRole("role").notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.officialId, t.role] }), index("meeting_officials_official_idx").on(t.officialId)],
);

/**
 * The time a room or an official is taken, buffer included: one row per resource per held
 * interval (a confirmed slot, or each time of a pending proposal). Written only while the
 * resources' rows are locked (lib/meetings/bookings.ts), so overlaps are found before they exist.
 */
export const meetingBookings = pgTable(
  "meeting_bookings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    roomId: uuid("room_id").references(() => meetingRooms.id),
    officialId: uuid("official_id").references(() => officials.id),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("meeting_bookings_room_idx").on(t.roomId, t.startsAt),
    index("meeting_bookings_official_idx").on(t.officialId, t.startsAt),
    index("meeting_bookings_meeting_idx").on(t.meetingId),
    check("meeting_bookings_one_resource", sql`(${t.roomId} is null) <> (${t.officialId} is null)`),
    check("meeting_bookings_span", sql`${t.startsAt} < ${t.endsAt}`),
  ],
);

/** A user's private calendar feed: the token is shown once and kept only as its SHA-256. */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("calendar_feeds_token_key").on(t.tokenHash)],
);
