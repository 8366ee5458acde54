import "server-only";
import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { auditEvents, elections, fileMetadataColumns, files, missions, missionSubmissions, observers, organizations, reviewComments, users } from "@/db/schema";
import type { Locale } from "@/i18n/routing";
import { recordAuditEvent } from "@/lib/audit/record";
import { getEnv } from "@/lib/env";
import { assertPermission } from "@/lib/identity/authorize";
import { offsetOf, type ListQuery } from "@/lib/listing";
import { checkObserver, type IntakeIssue } from "../intake";
import { isUuid } from "../scope";
import type { Staff } from "./decisions";

/** What a reviewer reads of one application: every detail, every observer with the intake findings, and its history. */

const electionTitle = { tk: elections.titleTk, ru: elections.titleRu, en: elections.titleEn } as const;
const organizationName = { tk: organizations.nameTk, ru: organizations.nameRu, en: organizations.nameEn } as const;

export async function getApplicationForReview(actor: Staff, unverifiedMissionId: string, locale: Locale) {
  assertPermission(actor, "review:applications");
  if (!isUuid(unverifiedMissionId)) return null;
  const [row] = await getDb()
    .select({
      id: missions.id,
      status: missions.status,
      version: missions.version,
      name: missions.name,
      type: missions.type,
      plannedArrivalOn: missions.plannedArrivalOn,
      plannedDepartureOn: missions.plannedDepartureOn,
      regions: missions.regions,
      contactPerson: missions.contactPerson,
      phone: missions.phone,
      email: missions.email,
      workingLanguages: missions.workingLanguages,
      submittedAt: missions.submittedAt,
      decisionDueOn: missions.decisionDueOn,
      rejectionReason: missions.rejectionReason,
      organization: { acronym: organizations.acronym, name: organizationName[locale] },
      letter: { id: fileMetadataColumns.id, name: fileMetadataColumns.originalName },
      election: {
        id: elections.id,
        title: electionTitle[locale],
        electionDay: elections.electionDay,
        observationStartsOn: elections.observationStartsOn,
        observationEndsOn: elections.observationEndsOn,
      },
      counts: {
        observers: sql<number>`(select count(*) from ${observers} where ${observers.missionId} = ${missions.id} and ${observers.status} <> 'withdrawn')`.mapWith(Number),
        pending: sql<number>`(select count(*) from ${observers} where ${observers.missionId} = ${missions.id} and ${observers.status} = 'pending')`.mapWith(Number),
        accredited: sql<number>`(select count(*) from ${observers} where ${observers.missionId} = ${missions.id} and ${observers.status} = 'accredited')`.mapWith(Number),
      },
    })
    .from(missions)
    .innerJoin(organizations, eq(organizations.id, missions.organizationId))
    .innerJoin(elections, eq(elections.id, missions.electionId))
    .leftJoin(files, eq(files.id, missions.letterFileId))
    .where(and(eq(missions.id, unverifiedMissionId), ne(missions.status, "draft")));
  if (!row) return null;
  return { ...row, letter: row.letter?.id ? row.letter : null };
}

export type ApplicationForReview = NonNullable<Awaited<ReturnType<typeof getApplicationForReview>>>;

/** Opening an application shows personal data (passports, dates of birth): that is recorded. */
export function recordApplicationViewed(actor: Staff, missionId: string, ip: string | null) {
  return recordAuditEvent({ actor, action: "application.viewed", entityType: "mission", entityId: missionId, ip });
}

export const reviewObserverFilters = ["all", "pending", "accredited", "refused", "revoked", "withdrawn", "amendments"] as const;
export type ReviewObserverFilter = (typeof reviewObserverFilters)[number];

/**
 * A page of the application's observers with everything a decision needs, and each one's intake
 * findings for staff (warnings included, and which organization already lists a passport).
 */
export async function listObserversForReview(actor: Staff, application: ApplicationForReview, query: ListQuery & { filter: ReviewObserverFilter }) {
  assertPermission(actor, "review:applications");
  const conditions = [eq(observers.missionId, application.id)];
  if (query.filter === "amendments") conditions.push(eq(observers.isAmendment, true));
  else if (query.filter !== "all") conditions.push(eq(observers.status, query.filter));
  const db = getDb();
  const rows = await db
    .select({
      id: observers.id,
      version: observers.version,
      status: observers.status,
      surname: observers.surname,
      givenNames: observers.givenNames,
      cyrillicName: observers.cyrillicName,
      sex: observers.sex,
      dateOfBirth: observers.dateOfBirth,
      nationality: observers.nationality,
      passportNumber: observers.passportNumber,
      passportExpiresOn: observers.passportExpiresOn,
      role: observers.role,
      arrivalOn: observers.arrivalOn,
      departureOn: observers.departureOn,
      email: observers.email,
      hasPhoto: sql<boolean>`${observers.photoFileId} is not null`,
      isAmendment: observers.isAmendment,
      accreditationNumber: observers.accreditationNumber,
      reasonCode: observers.reasonCode,
      statusReason: observers.statusReason,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(observers)
    .where(and(...conditions))
    .orderBy(asc(observers.surname), asc(observers.givenNames), asc(observers.id))
    .limit(query.pageSize)
    .offset(offsetOf(query));

  // Two queries for the whole page, whatever its size: the mission's passports and the same ones elsewhere.
  const passports = rows.map((row) => row.passportNumber);
  const [own, elsewhere] = passports.length
    ? await Promise.all([
        db
          .select({ id: observers.id, passportNumber: observers.passportNumber, nationality: observers.nationality })
          .from(observers)
          .where(and(eq(observers.missionId, application.id), ne(observers.status, "withdrawn"), inArray(observers.passportNumber, passports))),
        db
          .select({ passportNumber: observers.passportNumber, nationality: observers.nationality, organizationAcronym: organizations.acronym })
          .from(observers)
          .innerJoin(missions, eq(missions.id, observers.missionId))
          .innerJoin(organizations, eq(organizations.id, missions.organizationId))
          .where(
            and(
              eq(missions.electionId, application.election.id),
              ne(missions.id, application.id),
              sql`${missions.status} not in ('withdrawn', 'rejected')`,
              sql`${observers.status} not in ('withdrawn', 'refused')`,
              inArray(observers.passportNumber, passports),
            ),
          ),
      ])
    : [[], []];
  const context = {
    election: application.election,
    hostCountry: getEnv().HOST_COUNTRY,
    otherObserversInMission: own,
    passportsInOtherActiveApplications: elsewhere,
  };
  const withFindings = rows.map(({ total: _total, ...row }) => {
    void _total;
    const findings: IntakeIssue[] =
      row.status === "pending" || row.status === "accredited"
        ? checkObserver({ ...row, cyrillicName: row.cyrillicName ?? undefined, email: row.email ?? undefined }, context)
        : [];
    return { ...row, findings };
  });
  return { rows: withFindings, total: rows[0]?.total ?? 0 };
}

export type HistoryEntry =
  | { kind: "submission"; at: Date; number: number; observerCount: number; decisionDueOn: string }
  | { kind: "comment"; at: Date; body: string; author: string | null; observerName: string | null }
  | { kind: "event"; at: Date; action: string; actor: string | null; details: Record<string, unknown> };

/** Submissions, the commission's comments and every decision, newest first. */
export async function listApplicationHistory(actor: Staff, missionId: string): Promise<HistoryEntry[]> {
  assertPermission(actor, "review:applications");
  const db = getDb();
  const [submissions, comments, events] = await Promise.all([
    db
      .select({ at: missionSubmissions.submittedAt, number: missionSubmissions.number, observerCount: missionSubmissions.observerCount, decisionDueOn: missionSubmissions.decisionDueOn })
      .from(missionSubmissions)
      .where(eq(missionSubmissions.missionId, missionId)),
    db
      .select({
        at: reviewComments.createdAt,
        body: reviewComments.body,
        author: users.name,
        observerName: sql<string | null>`${observers.surname} || ', ' || ${observers.givenNames}`,
      })
      .from(reviewComments)
      .leftJoin(users, eq(users.id, reviewComments.authorId))
      .leftJoin(observers, eq(observers.id, reviewComments.observerId))
      .where(eq(reviewComments.missionId, missionId)),
    db
      .select({ at: auditEvents.occurredAt, action: auditEvents.action, actor: users.name, details: auditEvents.details })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(and(eq(auditEvents.entityType, "mission"), eq(auditEvents.entityId, missionId), ne(auditEvents.action, "application.viewed")))
      .orderBy(desc(auditEvents.seq))
      .limit(200),
  ]);
  return [
    ...submissions.map((s) => ({ kind: "submission" as const, ...s })),
    ...comments.map((c) => ({ kind: "comment" as const, ...c })),
    ...events.map((e) => ({ kind: "event" as const, ...e })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
}
