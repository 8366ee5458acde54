import "server-only";
import { and, eq, inArray, ne, notInArray, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db";
import { missions, observers, organizations } from "@/db/schema";
import { getEnv } from "@/lib/env";
import type { ObserverIntakeContext } from "./intake";
import type { LockedMission } from "./scope";
import type { ObserverStatus } from "./transitions";

// Any fixed number: the first half of the (class, election) advisory lock on an election's passports.
const PASSPORT_LOCK = 727_100_2;

/** The mission's own observers that count for the duplicate check: all but the withdrawn. */
export async function missionPassports(tx: Transaction | Database, missionId: string) {
  return tx
    .select({ id: observers.id, passportNumber: observers.passportNumber, nationality: observers.nationality })
    .from(observers)
    .where(and(eq(observers.missionId, missionId), ne(observers.status, "withdrawn")));
}

/**
 * The status of the mission's head of mission among the observers that count (all but the
 * withdrawn), other than the observer being corrected (keeping their own role is no second head);
 * null when there is none.
 */
export async function savedHeadOfMission(tx: Transaction | Database, missionId: string, exceptObserverId?: string): Promise<ObserverStatus | null> {
  const [head] = await tx
    .select({ status: observers.status })
    .from(observers)
    .where(
      and(
        eq(observers.missionId, missionId),
        eq(observers.role, "head_of_mission"),
        ne(observers.status, "withdrawn"),
        exceptObserverId ? ne(observers.id, exceptObserverId) : undefined,
      ),
    )
    .limit(1);
  return head?.status ?? null;
}

/**
 * The same passports in other organizations' live applications for the same election: neither
 * application withdrawn or rejected, nor observer withdrawn or refused. One query for a whole import.
 */
async function passportsElsewhere(tx: Transaction | Database, mission: LockedMission, passportNumbers: string[]) {
  if (passportNumbers.length === 0) return [];
  return tx
    .select({
      passportNumber: observers.passportNumber,
      nationality: observers.nationality,
      organizationAcronym: organizations.acronym,
    })
    .from(observers)
    .innerJoin(missions, eq(missions.id, observers.missionId))
    .innerJoin(organizations, eq(organizations.id, missions.organizationId))
    .where(
      and(
        eq(missions.electionId, mission.electionId),
        ne(missions.id, mission.id),
        notInArray(missions.status, ["withdrawn", "rejected"]),
        notInArray(observers.status, ["withdrawn", "refused"]),
        inArray(observers.passportNumber, [...new Set(passportNumbers)]),
      ),
    );
}

/**
 * Everything the intake checks need to judge these passports in this mission. Inside a change's
 * transaction it first takes the election's passport lock: otherwise two organizations adding the
 * same passport at the same moment would each find it free (PostgreSQL runs them side by side).
 */
export async function intakeContextFor(
  tx: Transaction | Database,
  mission: LockedMission,
  passportNumbers: string[],
): Promise<ObserverIntakeContext> {
  await tx.execute(sql`select pg_advisory_xact_lock(${PASSPORT_LOCK}, hashtext(${mission.electionId}))`);
  // One after the other: a transaction is one connection.
  const own = await missionPassports(tx, mission.id);
  const elsewhere = await passportsElsewhere(tx, mission, passportNumbers);
  return {
    election: mission.election,
    hostCountry: getEnv().HOST_COUNTRY,
    otherObserversInMission: own,
    passportsInOtherActiveApplications: elsewhere,
  };
}
