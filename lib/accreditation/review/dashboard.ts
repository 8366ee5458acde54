import "server-only";
import { and, asc, between, count, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { elections, missions, observers } from "@/db/schema";
import type { Locale } from "@/i18n/routing";
import { addDays, todayInAshgabat } from "@/lib/dates";
import { assertPermission } from "@/lib/identity/authorize";
import type { Staff } from "./decisions";

const titleColumn = { tk: elections.titleTk, ru: elections.titleRu, en: elections.titleEn } as const;

/** The commission's workspace at a glance: what waits, what is late, who is accredited, who arrives this week. */
export async function getReviewDashboard(actor: Staff, locale: Locale) {
  assertPermission(actor, "review:applications");
  const db = getDb();
  const today = todayInAshgabat();
  const [queue, byElection, arrivals] = await Promise.all([
    db
      .select({
        waiting: sql<number>`count(distinct ${missions.id}) filter (where ${missions.status} = 'submitted' or (${missions.status} = 'approved' and ${observers.status} = 'pending'))`.mapWith(Number),
        overdue: sql<number>`count(distinct ${missions.id}) filter (where ${missions.status} = 'submitted' and ${missions.decisionDueOn} < ${today})`.mapWith(Number),
        observersPending: sql<number>`count(${observers.id}) filter (where ${observers.status} = 'pending' and ${missions.status} in ('submitted', 'approved'))`.mapWith(Number),
      })
      .from(missions)
      .leftJoin(observers, eq(observers.missionId, missions.id)),
    db
      .select({ electionId: elections.id, title: titleColumn[locale], electionDay: elections.electionDay, accredited: count(observers.id) })
      .from(observers)
      .innerJoin(missions, eq(missions.id, observers.missionId))
      .innerJoin(elections, eq(elections.id, missions.electionId))
      .where(eq(observers.status, "accredited"))
      .groupBy(elections.id)
      .orderBy(desc(elections.electionDay)),
    db
      .select({ day: observers.arrivalOn, arriving: count(observers.id) })
      .from(observers)
      .where(and(eq(observers.status, "accredited"), between(observers.arrivalOn, today, addDays(today, 7))))
      .groupBy(observers.arrivalOn)
      .orderBy(asc(observers.arrivalOn)),
  ]);
  return { ...queue[0]!, byElection, arrivals };
}
