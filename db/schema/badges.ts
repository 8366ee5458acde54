import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { observers } from "./accreditation";

export const badgeRevocationReasons = ["observer_revoked", "observer_withdrawn", "application_withdrawn", "application_rejected", "reissued"] as const;
export type BadgeRevocationReason = (typeof badgeRevocationReasons)[number];

/**
 * An accredited observer's signed credential (lib/badges/token.ts). The id is 128 random bits
 * (base64url), the token is kept as signed so the badge printed and the one shown to staff are the
 * same. At most one badge of an observer is current (not revoked); a re-issue revokes the old one.
 */
export const badges = pgTable(
  "badges",
  {
    id: text("id").primaryKey(),
    // Only a pending observer's row is ever deleted, and a pending observer has no badge.
    observerId: uuid("observer_id")
      .notNull()
      .references(() => observers.id, { onDelete: "cascade" }),
    /** The id of the key that signed the token. */
    kid: text("kid").notNull(),
    token: text("token").notNull(),
    /** The token's nbf and exp: the election's observation window. */
    validFrom: timestamp("valid_from", { withTimezone: true }).notNull(),
    validUntil: timestamp("valid_until", { withTimezone: true }).notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revocationReason: text("revocation_reason", { enum: badgeRevocationReasons }),
  },
  (t) => [
    uniqueIndex("badges_current_observer_key").on(t.observerId).where(sql`${t.revokedAt} is null`),
    index("badges_observer_idx").on(t.observerId, t.issuedAt),
    index("badges_revoked_idx").on(t.validUntil).where(sql`${t.revokedAt} is not null`),
    check("badges_id_format", sql`${t.id} ~ '^[A-Za-z0-9_-]{22}$'`),
    check("badges_revocation", sql`(${t.revokedAt} is null) = (${t.revocationReason} is null)`),
    check(
      "badges_revocation_reason",
      sql`${t.revocationReason} is null or ${t.revocationReason} in ('observer_revoked', 'observer_withdrawn', 'application_withdrawn', 'application_rejected', 'reissued')`,
    ),
  ],
);
