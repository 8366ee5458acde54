import { boolean, check, date, integer, pgEnum, pgTable, text, timestamp, uuid, varchar, index } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

export const electionTypes = ["presidential", "parliamentary", "local_council", "referendum", "early", "by_election"] as const;
export const electionType = pgEnum("election_type", electionTypes);

export const electionStatuses = ["draft", "published"] as const;
export const electionStatus = pgEnum("election_status", electionStatuses);

/**
 * An election the commission invites observers to. Calendar days (election day, the
 * observation window) are dates; the accreditation window is instants, shown in Asia/Ashgabat.
 */
export const elections = pgTable(
  "elections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Short, readable, unique: prefixes accreditation numbers (e.g. MEJ-2023-0042). */
    code: varchar("code", { length: 16 }).notNull().unique(),
    type: electionType("type").notNull(),
    titleTk: text("title_tk").notNull(),
    titleRu: text("title_ru").notNull(),
    titleEn: text("title_en").notNull(),
    electionDay: date("election_day", { mode: "string" }).notNull(),
    accreditationOpensAt: timestamp("accreditation_opens_at", { withTimezone: true }).notNull(),
    accreditationClosesAt: timestamp("accreditation_closes_at", { withTimezone: true }).notNull(),
    /** Earliest arrival of observers. */
    observationStartsOn: date("observation_starts_on", { mode: "string" }).notNull(),
    /** Latest departure of observers. */
    observationEndsOn: date("observation_ends_on", { mode: "string" }).notNull(),
    /** The legal clock: working days the commission has to decide after each submission. */
    decisionWorkingDays: integer("decision_working_days").notNull().default(5),
    /** The last accreditation number given for this election (numbers are the code and a sequence). */
    accreditationSequence: integer("accreditation_sequence").notNull().default(0),
    status: electionStatus("status").notNull().default("draft"),
    /** Whether the public register lists accredited observers by name (Latin name, role, nationality). */
    publishObserverNames: boolean("publish_observer_names").notNull().default(false),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("elections_accreditation_window", sql`${t.accreditationOpensAt} < ${t.accreditationClosesAt}`),
    check(
      "elections_observation_window",
      sql`${t.observationStartsOn} <= ${t.electionDay} and ${t.electionDay} <= ${t.observationEndsOn}`,
    ),
    check("elections_decision_working_days", sql`${t.decisionWorkingDays} between 1 and 60`),
    index("elections_status_day_idx").on(t.status, t.electionDay),
  ],
);
