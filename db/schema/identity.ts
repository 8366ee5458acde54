import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bigint } from "drizzle-orm/pg-core";
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
    /** TOTP secret, AES-256-GCM encrypted (lib/identity/secret-box.ts); set while enrolling. */
    totpSecretEncrypted: text("totp_secret_encrypted"),
    /** Set once the first code was confirmed: from then on every sign-in needs a code. */
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    /** The last accepted 30-second step: a code is never accepted twice. */
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
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

/**
 * A signed-in browser. The JWT cookie names its row; the row decides: revoked, idle too long
 * (30 minutes for staff, 12 hours for coordinators) or older than 24 hours ends the session.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId)],
);

/** Ten single-use codes that stand in for the authenticator; only their hashes are kept. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

/**
 * An invitation to become a coordinator of an organization, or a reviewer or admin. The link's
 * token is random and only its SHA-256 is stored; it works once, for 7 days, unless revoked.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    role: role("role").notNull(),
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    locale: locale("locale").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true, mode: "date" }),
    acceptedUserId: text("accepted_user_id").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("invitations_email_idx").on(sql`lower(${t.email})`),
    index("invitations_organization_idx").on(t.organizationId),
    check("invitations_organization_by_role", sql`(${t.role} = 'coordinator') = (${t.organizationId} is not null)`),
  ],
);

/** A password-reset link: random token, SHA-256 stored, single use, valid for one hour. */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, mode: "date" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("password_resets_user_idx").on(t.userId)],
);

/**
 * Failure counters for sign-in, second factor, password reset and invitation acceptance, per
 * account and per IP. In the database so that every process sees the same counts.
 */
export const rateLimits = pgTable("rate_limits", {
  /** e.g. "sign-in:account:<sha256 of email>" or "sign-in:ip:<ip>" */
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  lockedUntil: timestamp("locked_until", { withTimezone: true, mode: "date" }),
  /** Whether reaching the lock was already audited (one lockout event per lock). */
  lockAudited: boolean("lock_audited").notNull().default(false),
});
