import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Transaction } from "@/db";
import { elections, missions, observers, users } from "@/db/schema";
import type { DecisionReason } from "@/lib/accreditation/vocabulary";
import { enqueueEmail } from "@/lib/email/outbox";
import { observerDecisionEmail } from "./emails";

export type ObserverDecision = { kind: "accredited" } | { kind: "refused" | "revoked"; reasonCode: DecisionReason; reason: string };

/**
 * Each decided observer who has their own account hears of the decision in their language,
 * through the outbox of the decision's transaction (observers without an account are told by
 * their coordinator).
 */
export async function tellObservers(tx: Transaction, observerIds: string[], decision: ObserverDecision) {
  if (observerIds.length === 0) return;
  const recipients = await tx
    .select({
      email: users.email,
      locale: users.preferredLocale,
      accreditationNumber: observers.accreditationNumber,
      titles: { tk: elections.titleTk, ru: elections.titleRu, en: elections.titleEn },
    })
    .from(observers)
    .innerJoin(users, eq(users.id, observers.userId))
    .innerJoin(missions, eq(missions.id, observers.missionId))
    .innerJoin(elections, eq(elections.id, missions.electionId))
    .where(and(inArray(observers.id, observerIds), isNull(users.disabledAt)));
  for (const recipient of recipients) {
    const news = decision.kind === "accredited" ? { kind: "accredited" as const, accreditationNumber: recipient.accreditationNumber ?? "" } : decision;
    await enqueueEmail(tx, {
      to: recipient.email,
      locale: recipient.locale,
      template: `observer-decision-${decision.kind}`,
      content: observerDecisionEmail(recipient.locale, { ...news, electionTitle: recipient.titles[recipient.locale] }),
    });
  }
}
