import { pgEnum, pgTable, text, timestamp, uuid, varchar, check } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

export const organizationKinds = [
  "intergovernmental",
  "foreign_election_body",
  "parliamentary_assembly",
  "international_ngo",
  "foreign_government",
] as const;
export const organizationKind = pgEnum("organization_kind", organizationKinds);

export const organizations = pgTable(
  "organizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    nameTk: text("name_tk").notNull(),
    nameRu: text("name_ru").notNull(),
    nameEn: text("name_en").notNull(),
    acronym: varchar("acronym", { length: 32 }).notNull(),
    /** The acronym Russian-speaking readers know (СНГ, ОБСЕ, ОТГ), searched beside the Latin one. */
    cyrillicAcronym: varchar("cyrillic_acronym", { length: 32 }),
    kind: organizationKind("kind").notNull(),
    /** ISO 3166-1 alpha-2 */
    seatCountry: varchar("seat_country", { length: 2 }).notNull(),
    website: text("website"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("organizations_seat_country_iso", sql`${t.seatCountry} ~ '^[A-Z]{2}$'`)],
);
