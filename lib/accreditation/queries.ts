import "server-only";
import { and, asc, desc, eq, gte, ilike, ne, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { badges, elections, fileMetadataColumns, observerInvitations, files, missionDetailsColumns, missionObserverCount, missions, missionSubmissions, observerRecordColumns, observers, reviewComments } from "@/db/schema";
import type { Locale } from "@/i18n/routing";
import { todayInAshgabat } from "@/lib/dates";
import { containsPattern, offsetOf, type ListQuery } from "@/lib/listing";
import type { ElectionDates } from "./intake";
import { byObserverName } from "./observer-name";
import { groupComments } from "./review-comments";
import { currentApplication, isUuid, organizationOf, type Coordinator } from "./scope";

/** What the coordinator's pages read. Every function is scoped to the coordinator's organization. */

const electionTitle = { tk: elections.titleTk, ru: elections.titleRu, en: elections.titleEn } as const;

/** Published elections not yet held, with this organization's application to each if it has one. */
export async function listElectionsToApply(actor: Coordinator, locale: Locale) {
  const organizationId = organizationOf(actor);
  return getDb()
    .select({
      id: elections.id,
      title: electionTitle[locale],
      electionDay: elections.electionDay,
      accreditationOpensAt: elections.accreditationOpensAt,
      accreditationClosesAt: elections.accreditationClosesAt,
      missionId: missions.id,
      missionStatus: missions.status,
    })
    .from(elections)
    .leftJoin(missions, currentApplication(organizationId, elections.id))
    .where(and(eq(elections.status, "published"), gte(elections.electionDay, todayInAshgabat())))
    .orderBy(asc(elections.electionDay));
}

/** One published election for the start page, by an id from the URL. */
export async function getElectionToApply(actor: Coordinator, unverifiedElectionId: string, locale: Locale) {
  const organizationId = organizationOf(actor);
  if (!isUuid(unverifiedElectionId)) return null;
  const [row] = await getDb()
    .select({
      id: elections.id,
      title: electionTitle[locale],
      electionDay: elections.electionDay,
      accreditationOpensAt: elections.accreditationOpensAt,
      accreditationClosesAt: elections.accreditationClosesAt,
      observationStartsOn: elections.observationStartsOn,
      observationEndsOn: elections.observationEndsOn,
      decisionWorkingDays: elections.decisionWorkingDays,
      missionId: missions.id,
    })
    .from(elections)
    .leftJoin(missions, currentApplication(organizationId, elections.id))
    .where(and(eq(elections.id, unverifiedElectionId), eq(elections.status, "published")));
  return row ?? null;
}

/** The organization's applications, newest election first, with their observer counts. */
export async function listOwnApplications(actor: Coordinator, locale: Locale) {
  const organizationId = organizationOf(actor);
  return getDb()
    .select({
      id: missions.id,
      name: missions.name,
      status: missions.status,
      decisionDueOn: missions.decisionDueOn,
      electionTitle: electionTitle[locale],
      electionDay: elections.electionDay,
      observerCount: missionObserverCount("all"),
    })
    .from(missions)
    .innerJoin(elections, eq(elections.id, missions.electionId))
    .where(eq(missions.organizationId, organizationId))
    .orderBy(desc(elections.electionDay));
}

/** One application with everything its pages show, or null when it is not this organization's. */
export async function getOwnApplication(actor: Coordinator, unverifiedMissionId: string, locale: Locale) {
  const organizationId = organizationOf(actor);
  if (!isUuid(unverifiedMissionId)) return null;
  const [row] = await getDb()
    .select({
      id: missions.id,
      status: missions.status,
      ...missionDetailsColumns,
      submittedAt: missions.submittedAt,
      decisionDueOn: missions.decisionDueOn,
      letter: { id: fileMetadataColumns.id, name: fileMetadataColumns.originalName, byteSize: fileMetadataColumns.byteSize },
      election: {
        id: elections.id,
        title: electionTitle[locale],
        electionDay: elections.electionDay,
        accreditationOpensAt: elections.accreditationOpensAt,
        accreditationClosesAt: elections.accreditationClosesAt,
        observationStartsOn: elections.observationStartsOn,
        observationEndsOn: elections.observationEndsOn,
        decisionWorkingDays: elections.decisionWorkingDays,
      },
      counts: {
        observers: missionObserverCount("all"),
        withoutPhoto: missionObserverCount("withoutPhoto"),
      },
    })
    .from(missions)
    .innerJoin(elections, eq(elections.id, missions.electionId))
    .leftJoin(files, eq(files.id, missions.letterFileId))
    .where(and(eq(missions.id, unverifiedMissionId), eq(missions.organizationId, organizationId)));
  if (!row) return null;
  return { ...row, letter: row.letter?.id ? row.letter : null };
}

/** The dates a form of the organization's application is checked against, or null when it is not theirs. */
export async function getOwnElectionDates(actor: Coordinator, unverifiedMissionId: string): Promise<ElectionDates | null> {
  const organizationId = organizationOf(actor);
  if (!isUuid(unverifiedMissionId)) return null;
  const [row] = await getDb()
    .select({ electionDay: elections.electionDay, observationStartsOn: elections.observationStartsOn, observationEndsOn: elections.observationEndsOn })
    .from(missions)
    .innerJoin(elections, eq(elections.id, missions.electionId))
    .where(and(eq(missions.id, unverifiedMissionId), eq(missions.organizationId, organizationId)));
  return row ?? null;
}

/** The observer's latest invitation link, as one column of a query over observers (the list shows "invited / opened / completed"). */
const latestObserverInvitation = sql<{ expiresAt: string; openedAt: string | null; acceptedAt: string | null; revokedAt: string | null } | null>`(
  select json_build_object('expiresAt', ${observerInvitations.expiresAt}, 'openedAt', ${observerInvitations.openedAt}, 'acceptedAt', ${observerInvitations.acceptedAt}, 'revokedAt', ${observerInvitations.revokedAt})
  from ${observerInvitations} where ${observerInvitations.observerId} = ${observers.id} order by ${observerInvitations.createdAt} desc limit 1)`.mapWith((value) => {
  if (value === null || value === undefined) return null;
  const row = (typeof value === "string" ? JSON.parse(value) : value) as Record<string, string | null>;
  const date = (v: string | null) => (v ? new Date(v) : null);
  return { expiresAt: new Date(row.expiresAt!), openedAt: date(row.openedAt ?? null), acceptedAt: date(row.acceptedAt ?? null), revokedAt: date(row.revokedAt ?? null) };
});

export const observerListFilters = ["all", "pending", "accredited", "refused", "withdrawn", "withoutPhoto"] as const;
export type ObserverListFilter = (typeof observerListFilters)[number];

/** A page of the mission's observers, filtered and searched in SQL, with the total in the same query. */
export async function listOwnObservers(
  actor: Coordinator,
  missionId: string,
  query: ListQuery & { filter: ObserverListFilter; search: string },
) {
  const organizationId = organizationOf(actor);
  if (!isUuid(missionId)) return { rows: [], total: 0 };
  const conditions = [
    eq(observers.missionId, missionId),
    // The join below makes the organization part of the query itself, not only of the page.
    eq(missions.organizationId, organizationId),
  ];
  if (query.filter === "withoutPhoto") conditions.push(sql`${observers.photoFileId} is null`, ne(observers.status, "withdrawn"));
  else if (query.filter !== "all") conditions.push(eq(observers.status, query.filter));
  if (query.search) {
    const pattern = containsPattern(query.search);
    conditions.push(or(ilike(observers.surname, pattern), ilike(observers.givenNames, pattern), ilike(observers.cyrillicName, pattern))!);
  }
  const rows = await getDb()
    .select({
      id: observers.id,
      status: observers.status,
      surname: observers.surname,
      givenNames: observers.givenNames,
      role: observers.role,
      nationality: observers.nationality,
      arrivalOn: observers.arrivalOn,
      departureOn: observers.departureOn,
      hasPhoto: sql<boolean>`${observers.photoFileId} is not null`,
      reasonCode: observers.reasonCode,
      statusReason: observers.statusReason,
      accreditationNumber: observers.accreditationNumber,
      isAmendment: observers.isAmendment,
      hasBadge: sql<boolean>`exists (select 1 from ${badges} where ${badges.observerId} = ${observers.id} and ${badges.revokedAt} is null)`,
      hasAccount: sql<boolean>`${observers.userId} is not null`,
      selfCompletedAt: observers.selfCompletedAt,
      latestInvitation: latestObserverInvitation,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(observers)
    .innerJoin(missions, eq(missions.id, observers.missionId))
    .where(and(...conditions))
    .orderBy(...byObserverName)
    .limit(query.pageSize)
    .offset(offsetOf(query));
  return { rows, total: rows[0]?.total ?? 0 };
}

/** One observer of the organization's mission, with every field the edit form needs. */
export async function getOwnObserver(actor: Coordinator, missionId: string, unverifiedObserverId: string) {
  const organizationId = organizationOf(actor);
  if (!isUuid(missionId) || !isUuid(unverifiedObserverId)) return null;
  const [row] = await getDb()
    .select({
      id: observers.id,
      status: observers.status,
      ...observerRecordColumns,
      hasPhoto: sql<boolean>`${observers.photoFileId} is not null`,
      reasonCode: observers.reasonCode,
      statusReason: observers.statusReason,
      accreditationNumber: observers.accreditationNumber,
      hasAccount: sql<boolean>`${observers.userId} is not null`,
      selfCompletedAt: observers.selfCompletedAt,
    })
    .from(observers)
    .innerJoin(missions, eq(missions.id, observers.missionId))
    .where(and(eq(observers.id, unverifiedObserverId), eq(observers.missionId, missionId), eq(missions.organizationId, organizationId)));
  return row ?? null;
}

/** The commission's comments on the application and on its observers, oldest first. */
export async function listOwnReviewComments(actor: Coordinator, missionId: string) {
  const organizationId = organizationOf(actor);
  if (!isUuid(missionId)) return [];
  const rows = await getDb()
    .select({
      id: reviewComments.id,
      body: reviewComments.body,
      at: reviewComments.createdAt,
      observerId: reviewComments.observerId,
      observerName: sql<string | null>`${observers.surname} || ' ' || ${observers.givenNames}`,
    })
    .from(reviewComments)
    .innerJoin(missions, eq(missions.id, reviewComments.missionId))
    .leftJoin(observers, eq(observers.id, reviewComments.observerId))
    .where(and(eq(reviewComments.missionId, missionId), eq(missions.organizationId, organizationId)))
    .orderBy(asc(reviewComments.createdAt), ...byObserverName);
  return groupComments(rows, (row) => (row.observerId && row.observerName ? { id: row.observerId, name: row.observerName } : null)).map(({ id, body, at, observers }) => ({ id, body, at, observers }));
}

/** Every submission of the application, newest first. */
export async function listOwnSubmissions(actor: Coordinator, missionId: string) {
  const organizationId = organizationOf(actor);
  if (!isUuid(missionId)) return [];
  return getDb()
    .select({
      number: missionSubmissions.number,
      submittedAt: missionSubmissions.submittedAt,
      decisionDueOn: missionSubmissions.decisionDueOn,
      observerCount: missionSubmissions.observerCount,
    })
    .from(missionSubmissions)
    .innerJoin(missions, eq(missions.id, missionSubmissions.missionId))
    .where(and(eq(missionSubmissions.missionId, missionId), eq(missions.organizationId, organizationId)))
    .orderBy(desc(missionSubmissions.number));
}

/** The file ids a coordinator may download: their mission's letter and their observers' photos. */
export async function ownLetterFileId(actor: Coordinator, unverifiedMissionId: string) {
  const organizationId = organizationOf(actor);
  if (!isUuid(unverifiedMissionId)) return null;
  const [row] = await getDb()
    .select({ fileId: missions.letterFileId })
    .from(missions)
    .where(and(eq(missions.id, unverifiedMissionId), eq(missions.organizationId, organizationId)));
  return row?.fileId ?? null;
}

export async function ownPhotoFileId(actor: Coordinator, unverifiedObserverId: string) {
  const organizationId = organizationOf(actor);
  if (!isUuid(unverifiedObserverId)) return null;
  const [row] = await getDb()
    .select({ fileId: observers.photoFileId })
    .from(observers)
    .innerJoin(missions, eq(missions.id, observers.missionId))
    .where(and(eq(observers.id, unverifiedObserverId), eq(missions.organizationId, organizationId)));
  return row?.fileId ?? null;
}
