import "server-only";
import { and, desc, eq, isNotNull, ne, or, sql } from "drizzle-orm";
import { alias, unionAll } from "drizzle-orm/pg-core";
import { getDb } from "@/db";
import { auditEvents, badges, elections, fileMetadataColumns, files, missionObserverCount, missions, missionSubmissions, observerRecordColumns, observers, organizations, reviewComments, users } from "@/db/schema";
import type { Locale } from "@/i18n/routing";
import { recordAuditEvent } from "@/lib/audit/record";
import { getEnv } from "@/lib/env";
import { assertPermission } from "@/lib/identity/authorize";
import { offsetOf, type ListQuery } from "@/lib/listing";
import { checkObserver, type IntakeIssue } from "../intake";
import { byObserverName } from "../observer-name";
import { groupComments } from "../review-comments";
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
        observers: missionObserverCount("all"),
        pending: missionObserverCount("pending"),
        accredited: missionObserverCount("accredited"),
      },
    })
    .from(missions)
    .innerJoin(organizations, eq(organizations.id, missions.organizationId))
    .innerJoin(elections, eq(elections.id, missions.electionId))
    .leftJoin(files, eq(files.id, missions.letterFileId))
    // Never submitted (a draft, or one withdrawn before submission): still the coordinator's alone.
    .where(and(eq(missions.id, unverifiedMissionId), isNotNull(missions.submittedAt)));
  if (!row) return null;
  return { ...row, letter: row.letter?.id ? row.letter : null };
}

export type ApplicationForReview = NonNullable<Awaited<ReturnType<typeof getApplicationForReview>>>;

/** Opening an application shows personal data (passports, dates of birth): that is recorded. */
export function recordApplicationViewed(actor: Staff, missionId: string, ip: string | null) {
  assertPermission(actor, "review:applications");
  return recordAuditEvent({ actor, action: "application.viewed", entityType: "mission", entityId: missionId, ip });
}

type PassportHolder = { id: string; passportNumber: string; nationality: string; organizationAcronym: string; inThisMission: boolean };

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
  // Who holds each observer's passport: this mission's other observers, and those of other active
  // applications of the election. Read with the page, in the same statement (a page has a budget
  // of statements), for the page's rows only.
  const holder = alias(observers, "holder");
  const holderMission = alias(missions, "holder_mission");
  const holderOrganization = alias(organizations, "holder_organization");
  const inThisMission = eq(holder.missionId, application.id);
  const passportHolders = db
    .select({
      holders: sql`coalesce(json_agg(json_build_object('id', ${holder.id}, 'passportNumber', ${holder.passportNumber}, 'nationality', ${holder.nationality}, 'organizationAcronym', ${holderOrganization.acronym}, 'inThisMission', ${inThisMission})), '[]'::json)`,
    })
    .from(holder)
    .innerJoin(holderMission, eq(holderMission.id, holder.missionId))
    .innerJoin(holderOrganization, eq(holderOrganization.id, holderMission.organizationId))
    .where(
      and(
        eq(holder.passportNumber, observers.passportNumber),
        or(
          and(inThisMission, ne(holder.status, "withdrawn")),
          and(
            eq(holderMission.electionId, application.election.id),
            ne(holderMission.id, application.id),
            sql`${holderMission.status} not in ('withdrawn', 'rejected')`,
            sql`${holder.status} not in ('withdrawn', 'refused')`,
          ),
        ),
      ),
    );
  const rows = await db
    .select({
      id: observers.id,
      version: observers.version,
      status: observers.status,
      ...observerRecordColumns,
      hasPhoto: sql<boolean>`${observers.photoFileId} is not null`,
      isAmendment: observers.isAmendment,
      accreditationNumber: observers.accreditationNumber,
      reasonCode: observers.reasonCode,
      statusReason: observers.statusReason,
      /** The current badge's token (accredited observers), for the link to its verification page. */
      // Spelled out: in a one-table select Drizzle leaves column names unqualified, and badges has an id too.
      badgeToken: sql<string | null>`(select current_badge.token from ${badges} as current_badge where current_badge.observer_id = "observers"."id" and current_badge.revoked_at is null limit 1)`,
      total: sql<number>`count(*) over ()`.mapWith(Number),
      passportHolders: sql<PassportHolder[]>`(${passportHolders})`,
    })
    .from(observers)
    .where(and(...conditions))
    .orderBy(...byObserverName)
    .limit(query.pageSize)
    .offset(offsetOf(query));

  // A holder of two of the page's passports is listed once, as a query by the page's passports would.
  const holders = [...new Map(rows.flatMap((row) => row.passportHolders).map((h) => [h.id, h])).values()];
  const own = holders.filter((h) => h.inThisMission).map(({ id, passportNumber, nationality }) => ({ id, passportNumber, nationality }));
  const elsewhere = holders
    .filter((h) => !h.inThisMission)
    .map(({ passportNumber, nationality, organizationAcronym }) => ({ passportNumber, nationality, organizationAcronym }));
  const context = {
    election: application.election,
    hostCountry: getEnv().HOST_COUNTRY,
    otherObserversInMission: own,
    passportsInOtherActiveApplications: elsewhere,
  };
  const withFindings = rows.map(({ total: _total, passportHolders: _holders, ...row }) => {
    void _total;
    void _holders;
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
  | { kind: "comment"; at: Date; body: string; author: string | null; observers: string[] }
  | { kind: "event"; at: Date; action: string; actor: string | null; details: Record<string, unknown> };

// A union's values are read with its first branch's decoders: the jsonb column's, null aside.
const detailsOf = (value: unknown) => (value === null ? null : (auditEvents.details.mapFromDriverValue(value as string) as Record<string, unknown>));

const byName = new Intl.Collator("en");

/** Submissions, the commission's comments and every decision, newest first. */
export async function listApplicationHistory(actor: Staff, missionId: string): Promise<HistoryEntry[]> {
  assertPermission(actor, "review:applications");
  if (!isUuid(missionId)) return [];
  const db = getDb();
  // One query (a union of the three kinds, each with the others' columns empty): the page has a
  // budget of statements. Every branch lists the same columns in the same order.
  const empty = {
    number: sql<number | null>`null::integer`,
    observerCount: sql<number | null>`null::integer`,
    decisionDueOn: sql<string | null>`null::date`,
    body: sql<string | null>`null::text`,
    person: sql<string | null>`null::text`,
    observerName: sql<string | null>`null::text`,
    action: sql<string | null>`null::text`,
    details: sql<Record<string, unknown> | null>`null::jsonb`.mapWith(detailsOf),
  };
  const rows = await unionAll(
    db
      .select({
        kind: sql<HistoryEntry["kind"]>`'submission'`,
        at: missionSubmissions.submittedAt,
        ...empty,
        number: sql<number | null>`${missionSubmissions.number}`,
        observerCount: sql<number | null>`${missionSubmissions.observerCount}`,
        decisionDueOn: sql<string | null>`${missionSubmissions.decisionDueOn}`,
      })
      .from(missionSubmissions)
      .where(eq(missionSubmissions.missionId, missionId)),
    db
      .select({
        kind: sql<HistoryEntry["kind"]>`'comment'`,
        at: reviewComments.createdAt,
        ...empty,
        body: sql<string | null>`${reviewComments.body}`,
        person: sql<string | null>`${users.name}`,
        observerName: sql<string | null>`${observers.surname} || ', ' || ${observers.givenNames}`,
      })
      .from(reviewComments)
      .leftJoin(users, eq(users.id, reviewComments.authorId))
      .leftJoin(observers, eq(observers.id, reviewComments.observerId))
      .where(eq(reviewComments.missionId, missionId)),
    db
      .select({
        kind: sql<HistoryEntry["kind"]>`'event'`,
        at: auditEvents.occurredAt,
        ...empty,
        person: sql<string | null>`${users.name}`,
        action: sql<string | null>`${auditEvents.action}`,
        details: sql<Record<string, unknown> | null>`${auditEvents.details}`,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(and(eq(auditEvents.entityType, "mission"), eq(auditEvents.entityId, missionId), ne(auditEvents.action, "application.viewed")))
      .orderBy(desc(auditEvents.seq))
      .limit(200),
  );
  // Submissions, then comments, then events before the stable sort, as three queries gave them.
  const of = (kind: HistoryEntry["kind"]) => rows.filter((row) => row.kind === kind);
  return [
    ...of("submission").map((s) => ({ kind: "submission" as const, at: s.at, number: s.number!, observerCount: s.observerCount!, decisionDueOn: s.decisionDueOn! })),
    ...groupComments(
      of("comment").map((c) => ({ at: c.at, body: c.body!, author: c.person, observerName: c.observerName })),
      (c) => c.observerName,
    ).map(({ at, body, author, observers }) => ({ kind: "comment" as const, at, body, author, observers: observers.sort(byName.compare) })),
    ...of("event").map((e) => ({ kind: "event" as const, at: e.at, action: e.action!, actor: e.person, details: e.details! })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
}
