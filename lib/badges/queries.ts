import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { badges, observers } from "@/db/schema";
import type { Staff } from "@/lib/accreditation/review/decisions";
import { assertPermission } from "@/lib/identity/authorize";

/** The current badge of each accredited observer of an application, for staff: the token behind its QR code. */
export async function listCurrentBadges(actor: Staff, missionId: string) {
  assertPermission(actor, "review:applications");
  return getDb()
    .select({ observerId: observers.id, surname: observers.surname, givenNames: observers.givenNames, accreditationNumber: observers.accreditationNumber, badgeId: badges.id, token: badges.token })
    .from(badges)
    .innerJoin(observers, eq(observers.id, badges.observerId))
    .where(and(eq(observers.missionId, missionId), eq(observers.status, "accredited"), isNull(badges.revokedAt)))
    .orderBy(asc(observers.surname), asc(observers.givenNames), asc(observers.id));
}
