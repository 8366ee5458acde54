import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import { applicationStatuses, observerStatuses } from "../../lib/accreditation/transitions";
import { decisionReasons, missionTypes, observerRoles, sexes } from "../../lib/accreditation/vocabulary";
import { elections } from "./elections";
import { files } from "./files";
import { users } from "./identity";
import { organizations } from "./organizations";

export const applicationStatus = pgEnum("application_status", applicationStatuses);
export const observerStatus = pgEnum("observer_status", observerStatuses);
export const missionType = pgEnum("mission_type", missionTypes);
export const observerRole = pgEnum("observer_role", observerRoles);
export const sex = pgEnum("sex", sexes);
export const decisionReason = pgEnum("decision_reason", decisionReasons);

/**
 * A mission's application for accreditation: one per organization per election. The details are
 * empty until the coordinator saves the first step; the status moves only through the table in
 * lib/accreditation/transitions.ts.
 */
export const missions = pgTable(
  "missions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    electionId: uuid("election_id")
      .notNull()
      .references(() => elections.id),
    status: applicationStatus("status").notNull().default("draft"),
    name: text("name"),
    type: missionType("type"),
    plannedArrivalOn: date("planned_arrival_on", { mode: "string" }),
    plannedDepartureOn: date("planned_departure_on", { mode: "string" }),
    /** Codes of lib/accreditation/vocabulary.ts. */
    regions: text("regions").array().notNull().default(sql`'{}'::text[]`),
    contactPerson: text("contact_person"),
    phone: text("phone"),
    email: text("email"),
    workingLanguages: text("working_languages").array().notNull().default(sql`'{}'::text[]`),
    letterFileId: uuid("letter_file_id").references(() => files.id),
    /** The latest submission; the clock below runs from it. */
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /** The legal clock: so many working days after the latest submission (per election). */
    decisionDueOn: date("decision_due_on", { mode: "string" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** Why the commission rejected the application; the coordinator sees it. */
    rejectionReason: text("rejection_reason"),
    /** Bumped by every change: a reviewer's decision names the version it saw, so nothing is overwritten unseen. */
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One application per organization and election at a time; a withdrawn one leaves room for a new start.
    uniqueIndex("missions_organization_election_key").on(t.organizationId, t.electionId).where(sql`${t.status} <> 'withdrawn'`),
    index("missions_election_status_idx").on(t.electionId, t.status),
  ],
);

/**
 * A mission member. Rows are always complete (the form and the import check them whole); only the
 * photo may be missing until submission. A passport appears once per mission unless withdrawn.
 */
export const observers = pgTable(
  "observers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    missionId: uuid("mission_id")
      .notNull()
      .references(() => missions.id),
    status: observerStatus("status").notNull().default("pending"),
    surname: text("surname").notNull(),
    givenNames: text("given_names").notNull(),
    /**
     * lib/name-sort-key.ts of surname and given names, for lists in Turkmen alphabetical order
     * (neither engine's collation gives it); written with the names (withNameSortKey).
     */
    nameSortKey: text("name_sort_key").notNull(),
    cyrillicName: text("cyrillic_name"),
    sex: sex("sex").notNull(),
    dateOfBirth: date("date_of_birth", { mode: "string" }).notNull(),
    /** ISO 3166-1 alpha-2. */
    nationality: varchar("nationality", { length: 2 }).notNull(),
    passportNumber: text("passport_number").notNull(),
    passportExpiresOn: date("passport_expires_on", { mode: "string" }).notNull(),
    role: observerRole("role").notNull(),
    arrivalOn: date("arrival_on", { mode: "string" }).notNull(),
    departureOn: date("departure_on", { mode: "string" }).notNull(),
    email: text("email"),
    /** The observer's own account, once they followed their invitation (one person, many elections). */
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    /** When the observer last saved their own details (the coordinator sees "completed"). */
    selfCompletedAt: timestamp("self_completed_at", { withTimezone: true }),
    photoFileId: uuid("photo_file_id").references(() => files.id),
    /** Why the commission refused or revoked: a reason from the list and, in statusReason, its words. */
    reasonCode: decisionReason("reason_code"),
    statusReason: text("status_reason"),
    /** Given on accreditation: the election's code and a sequence, e.g. LOC-2027-0042. */
    accreditationNumber: text("accreditation_number"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: text("decided_by").references(() => users.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
    /** Added after the application was approved: reviewed on its own, as an amendment. */
    isAmendment: boolean("is_amendment").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("observers_mission_status_idx").on(t.missionId, t.status),
    // A mission's observers are listed a page at a time in name order.
    index("observers_mission_name_idx").on(t.missionId, t.nameSortKey, t.id),
    // The check across applications of one election looks passports up by number.
    index("observers_user_idx").on(t.userId),
    index("observers_passport_idx").on(t.passportNumber, t.nationality),
    uniqueIndex("observers_accreditation_number_key").on(t.accreditationNumber),
    uniqueIndex("observers_mission_passport_key")
      .on(t.missionId, t.nationality, t.passportNumber)
      .where(sql`${t.status} <> 'withdrawn'`),
    check("observers_nationality_iso", sql`${t.nationality} ~ '^[A-Z]{2}$'`),
    check("observers_stay", sql`${t.arrivalOn} < ${t.departureOn}`),
  ],
);

/** Every submission and resubmission, as the commission received it. */
export const missionSubmissions = pgTable(
  "mission_submissions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    missionId: uuid("mission_id")
      .notNull()
      .references(() => missions.id),
    /** 1 for the first submission, then 2, 3… */
    number: integer("number").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    submittedBy: text("submitted_by").references(() => users.id, { onDelete: "set null" }),
    decisionDueOn: date("decision_due_on", { mode: "string" }).notNull(),
    observerCount: integer("observer_count").notNull(),
    /** The mission's details and its observers (without photos) at that moment. */
    snapshot: jsonb("snapshot").notNull(),
  },
  (t) => [uniqueIndex("mission_submissions_number_key").on(t.missionId, t.number)],
);

/** The commission's comments on an application or on one of its observers. */
export const reviewComments = pgTable(
  "review_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    missionId: uuid("mission_id")
      .notNull()
      .references(() => missions.id),
    // A pending observer the coordinator removes takes the link along; the comment stays in the history.
    observerId: uuid("observer_id").references(() => observers.id, { onDelete: "set null" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("review_comments_mission_idx").on(t.missionId, t.createdAt), check("review_comments_body", sql`char_length(${t.body}) between 1 and 4000`)],
);

/** A mission's answers to the mission-details step, as pages and submissions read them. */
export const missionDetailsColumns = {
  name: missions.name,
  type: missions.type,
  plannedArrivalOn: missions.plannedArrivalOn,
  plannedDepartureOn: missions.plannedDepartureOn,
  regions: missions.regions,
  contactPerson: missions.contactPerson,
  phone: missions.phone,
  email: missions.email,
  workingLanguages: missions.workingLanguages,
};

/** An observer's record as the coordinator entered it (the fields of the observer form), which the observer also sees and may complete. */
export const observerRecordColumns = {
  surname: observers.surname,
  givenNames: observers.givenNames,
  cyrillicName: observers.cyrillicName,
  sex: observers.sex,
  dateOfBirth: observers.dateOfBirth,
  nationality: observers.nationality,
  passportNumber: observers.passportNumber,
  passportExpiresOn: observers.passportExpiresOn,
  role: observers.role,
  arrivalOn: observers.arrivalOn,
  departureOn: observers.departureOn,
  email: observers.email,
};

/**
 * How many of a mission's observers meet `condition`, as a column of a query over missions
 * (`"all"`: every observer not withdrawn).
 */
export function missionObserverCount(condition: "all" | "pending" | "accredited" | "withoutPhoto") {
  const where = {
    all: sql`${observers.status} <> 'withdrawn'`,
    pending: sql`${observers.status} = 'pending'`,
    accredited: sql`${observers.status} = 'accredited'`,
    withoutPhoto: sql`${observers.status} <> 'withdrawn' and ${observers.photoFileId} is null`,
  }[condition];
  return sql<number>`(select count(*) from ${observers} where ${observers.missionId} = ${missions.id} and ${where})`.mapWith(Number);
}
