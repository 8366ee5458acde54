import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import type { Locale } from "@/i18n/routing";
import { changedFields } from "@/lib/audit/changes";
import { writeAuditEvent } from "@/lib/audit/record";

type Self = { id: string; role: string };

/** The language of the signed-in user's emails; only ever their own row. */
export async function getEmailLanguage(actor: Self): Promise<Locale> {
  const [row] = await getDb().select({ preferredLocale: users.preferredLocale }).from(users).where(eq(users.id, actor.id));
  return row!.preferredLocale;
}

/**
 * Sets the language every later email to the user is written in (the outbox reads it when an
 * email is queued). The row is the actor's own: no id from a form reaches this. Choosing the
 * language already set changes nothing and records nothing.
 */
export async function changeEmailLanguage(actor: Self, preferredLocale: Locale, ip: string | null) {
  await getDb().transaction(async (tx) => {
    const [before] = await tx.select({ preferredLocale: users.preferredLocale }).from(users).where(eq(users.id, actor.id)).for("update");
    const changes = changedFields(before!, { preferredLocale });
    if (Object.keys(changes).length === 0) return;
    await tx.update(users).set({ preferredLocale }).where(eq(users.id, actor.id));
    await writeAuditEvent(tx, { actor, action: "user.email_language_changed", entityType: "user", entityId: actor.id, ip, details: changes });
  });
}
