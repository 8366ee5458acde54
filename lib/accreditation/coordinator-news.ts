import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Transaction } from "@/db";
import { users } from "@/db/schema";
import { enqueueEmail } from "@/lib/email/outbox";
import { decisionEmail, type DecisionNews } from "@/lib/email/templates/decision";

type Locale = "tk" | "ru" | "en";
type MissionNamed = { id: string; organizationId: string; name: string | null; titles: Record<Locale, string> };

/**
 * Every active coordinator of the mission's organization hears of a decision or a badge change,
 * in their language, through the outbox of the caller's transaction.
 */
export async function tellCoordinators(tx: Transaction, mission: MissionNamed, news: DecisionNews) {
  const coordinators = await tx
    .select({ email: users.email, locale: users.preferredLocale })
    .from(users)
    .where(and(eq(users.organizationId, mission.organizationId), eq(users.role, "coordinator"), isNull(users.disabledAt)));
  for (const coordinator of coordinators) {
    const content = decisionEmail(coordinator.locale, { ...news, missionId: mission.id, missionName: mission.name ?? "", electionTitle: mission.titles[coordinator.locale] });
    await enqueueEmail(tx, { to: coordinator.email, locale: coordinator.locale, template: `decision-${news.kind}`, content });
  }
}
