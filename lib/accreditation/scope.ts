import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Database, Transaction } from "@/db";
import { elections, missions } from "@/db/schema";
import { assertPermission, PermissionDeniedError } from "@/lib/identity/authorize";
import type { Role } from "@/lib/identity/permissions";

/** The verified coordinator a data function acts for (lib/identity/session.ts's Actor fits). */
export type Coordinator = { id: string; role: Role; organizationId: string | null; email?: string };

/**
 * The organization's application to an election (an id, or the election's column in a join),
 * unless withdrawn: one withdrawn leaves the organization free to apply again (the partial unique
 * key missions_organization_election_key says the same).
 */
export const currentApplication = (organizationId: string, electionId: string | typeof elections.id) =>
  and(eq(missions.organizationId, organizationId), eq(missions.electionId, electionId), ne(missions.status, "withdrawn"));

/**
 * The organization a coordinator acts for. Every query and change of this domain is scoped by
 * it, so another organization's ids find nothing, whatever a URL or a Server Action says.
 */
export function organizationOf(actor: Coordinator): string {
  assertPermission(actor, "apply:accreditation");
  if (!actor.organizationId) throw new PermissionDeniedError("apply:accreditation");
  return actor.organizationId;
}

const uuidSchema = z.uuid();
/** An id from a URL or a form is only an id once it is a UUID; anything else finds nothing. */
export const isUuid = (unverified: unknown): unverified is string => uuidSchema.safeParse(unverified).success;

/** A mission as the intake checks and the application's steps read it, with its election's rules. */
export const missionColumns = {
  id: missions.id,
  status: missions.status,
  electionId: missions.electionId,
  name: missions.name,
  letterFileId: missions.letterFileId,
  plannedArrivalOn: missions.plannedArrivalOn,
  plannedDepartureOn: missions.plannedDepartureOn,
};

export const missionElectionColumns = {
  electionDay: elections.electionDay,
  observationStartsOn: elections.observationStartsOn,
  observationEndsOn: elections.observationEndsOn,
  accreditationOpensAt: elections.accreditationOpensAt,
  accreditationClosesAt: elections.accreditationClosesAt,
  decisionWorkingDays: elections.decisionWorkingDays,
  titleTk: elections.titleTk,
  titleRu: elections.titleRu,
  titleEn: elections.titleEn,
};

/** The election as selected by `missionElectionColumns`, its titles by language. */
export function withTitles<T extends { titleTk: string; titleRu: string; titleEn: string }>({ titleTk, titleRu, titleEn, ...election }: T) {
  return { ...election, titles: { tk: titleTk, ru: titleRu, en: titleEn } };
}

/**
 * The mission, locked for the rest of the transaction, if it belongs to the coordinator's
 * organization; with what the rules need of its election.
 */
export async function lockOwnMission(tx: Transaction | Database, actor: Coordinator, unverifiedMissionId: string) {
  const organizationId = organizationOf(actor);
  if (!isUuid(unverifiedMissionId)) return null;
  const [row] = await tx
    .select({ ...missionColumns, election: missionElectionColumns })
    .from(missions)
    .innerJoin(elections, eq(elections.id, missions.electionId))
    .where(and(eq(missions.id, unverifiedMissionId), eq(missions.organizationId, organizationId)))
    .for("update", { of: missions });
  if (!row) return null;
  return { ...row, election: withTitles(row.election) };
}

export type LockedMission = NonNullable<Awaited<ReturnType<typeof lockOwnMission>>>;
