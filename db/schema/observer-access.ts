import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { observers } from "./accreditation";
import { locale, users } from "./identity";

/**
 * A coordinator's invitation to an observer to complete their own record. The link's token is
 * random and only its SHA-256 is stored; it works once, for 14 days, unless revoked or replaced
 * by a newer link. Opening the page is noted, so the coordinator sees "opened".
 */
export const observerInvitations = pgTable(
  "observer_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    observerId: uuid("observer_id")
      .notNull()
      .references(() => observers.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    locale: locale("locale").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    openedAt: timestamp("opened_at", { withTimezone: true, mode: "date" }),
    acceptedAt: timestamp("accepted_at", { withTimezone: true, mode: "date" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("observer_invitations_observer_idx").on(t.observerId, t.createdAt)],
);
