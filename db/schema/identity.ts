import {
  check,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { organizations } from "./organizations";

export const roles = ["coordinator", "observer", "reviewer", "admin"] as const;
export const role = pgEnum("role", roles);

export const locales = ["tk", "ru", "en"] as const;
export const locale = pgEnum("locale", locales);

/**
 * People who sign in. The columns id, name, email, emailVerified and image are the ones the
 * Auth.js Drizzle adapter expects; the rest are the portal's. Emails are stored lower-cased and
 * unique case-insensitively.
 */
export const users = pgTable(
  "users",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    name: text("name").notNull(),
    email: text("email").notNull(),
    emailVerified: timestamp("email_verified", { withTimezone: true, mode: "date" }),
    image: text("image"),
    passwordHash: text("password_hash"),
    role: role("role").notNull(),
    /** The mission's organization, for coordinators only (an observer may serve several). */
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "restrict" }),
    preferredLocale: locale("preferred_locale").notNull().default("tk"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    /** Bumped to sign a user out everywhere (password change, disabling, "sign out everywhere"). */
    sessionVersion: integer("session_version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`),
    check(
      "users_organization_by_role",
      sql`(${t.role} = 'coordinator') = (${t.organizationId} is not null)`,
    ),
  ],
);

// Tables the Auth.js adapter needs; Credentials sign-in with JWT sessions leaves them empty today.
export const accounts = pgTable(
  "accounts",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const sessions = pgTable("sessions", {
  sessionToken: text("session_token").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
});

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);
