import "server-only";
import { and, asc, desc, eq, exists, ilike, inArray, lt, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { getDb } from "@/db";
import { elections, missionObserverCount, missions, observers, organizations } from "@/db/schema";
import type { Locale } from "@/i18n/routing";
import { todayInAshgabat } from "@/lib/dates";
import { assertPermission } from "@/lib/identity/authorize";
import { containsPattern, offsetOf, type ListQuery } from "@/lib/listing";
import { foldedColumn, foldForSearch } from "@/lib/search-folding";
import { normalizePassportNumber } from "../schema-fields";
import type { ApplicationStatus } from "../transitions";
import type { Staff } from "./decisions";

/**
 * The reviewers' queue: applications across elections, filtered, searched, sorted and paged in
 * SQL, with the counts per status in one more query. "Waiting" is what needs a reviewer now:
 * submitted applications, and approved ones with observers added since (amendments).
 */

export const queueViews = ["waiting", "submitted", "changes_requested", "approved", "rejected", "withdrawn", "all"] as const;
export type QueueView = (typeof queueViews)[number];
export const queueSorts = ["submittedAt", "decisionDueOn"] as const;
export type QueueSort = (typeof queueSorts)[number];

export type QueueFilters = {
  view: QueueView;
  electionId?: string;
  organizationId?: string;
  overdue: boolean;
  search: string;
};

const hasPendingObservers = sql`exists (select 1 from ${observers} where ${observers.missionId} = ${missions.id} and ${observers.status} = 'pending')`;

const waiting = or(eq(missions.status, "submitted"), and(eq(missions.status, "approved"), hasPendingObservers))!;

function conditionsOf(filters: QueueFilters, options: { withView: boolean }): SQL[] {
  // An application is the coordinator's own business until it is first submitted (a draft withdrawn unsent included).
  const conditions: SQL[] = [sql`${missions.submittedAt} is not null`];
  if (options.withView && filters.view === "waiting") conditions.push(waiting);
  else if (options.withView && filters.view !== "all") conditions.push(eq(missions.status, filters.view as ApplicationStatus));
  if (filters.electionId) conditions.push(eq(missions.electionId, filters.electionId));
  if (filters.organizationId) conditions.push(eq(missions.organizationId, filters.organizationId));
  if (filters.overdue) conditions.push(eq(missions.status, "submitted"), lt(missions.decisionDueOn, todayInAshgabat()));
  if (filters.search) {
    const pattern = containsPattern(foldForSearch(filters.search));
    const matches = (value: SQLWrapper) => ilike(foldedColumn(value), pattern);
    const passport = normalizePassportNumber(filters.search);
    conditions.push(
      or(
        matches(organizations.acronym),
        matches(organizations.cyrillicAcronym),
        matches(organizations.nameEn),
        matches(organizations.nameRu),
        matches(organizations.nameTk),
        matches(missions.name),
        exists(
          getDb()
            .select({ one: sql`1` })
            .from(observers)
            .where(
              and(
                eq(observers.missionId, missions.id),
                or(
                  matches(sql`${observers.surname} || ' ' || ${observers.givenNames}`),
                  matches(sql`${observers.givenNames} || ' ' || ${observers.surname}`),
                  matches(observers.cyrillicName),
                  eq(observers.passportNumber, passport),
                ),
              ),
            ),
        ),
      )!,
    );
  }
  return conditions;
}

const titleColumn = { tk: elections.titleTk, ru: elections.titleRu, en: elections.titleEn } as const;
const nameColumn = { tk: organizations.nameTk, ru: organizations.nameRu, en: organizations.nameEn } as const;

export async function listQueue(actor: Staff, locale: Locale, filters: QueueFilters, query: ListQuery & { sort: QueueSort }) {
  assertPermission(actor, "review:applications");
  const order = query.dir === "asc" ? asc : desc;
  const sortColumn = query.sort === "decisionDueOn" ? missions.decisionDueOn : missions.submittedAt;
  const rows = await getDb()
    .select({
      id: missions.id,
      name: missions.name,
      status: missions.status,
      submittedAt: missions.submittedAt,
      decisionDueOn: missions.decisionDueOn,
      organizationAcronym: organizations.acronym,
      organizationName: nameColumn[locale],
      electionTitle: titleColumn[locale],
      observerCount: missionObserverCount("all"),
      pendingCount: missionObserverCount("pending"),
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(missions)
    .innerJoin(organizations, eq(organizations.id, missions.organizationId))
    .innerJoin(elections, eq(elections.id, missions.electionId))
    .where(and(...conditionsOf(filters, { withView: true })))
    .orderBy(sql`${order(sortColumn)} nulls last`, asc(missions.id))
    .limit(query.pageSize)
    .offset(offsetOf(query));
  return { rows, total: rows[0]?.total ?? 0 };
}

/** How many applications each view holds under the other filters: one grouped query. */
export async function countQueueViews(actor: Staff, filters: QueueFilters): Promise<Record<QueueView, number>> {
  assertPermission(actor, "review:applications");
  const [row] = await getDb()
    .select({
      waiting: sql<number>`count(*) filter (where ${waiting})`.mapWith(Number),
      submitted: sql<number>`count(*) filter (where ${missions.status} = 'submitted')`.mapWith(Number),
      changes_requested: sql<number>`count(*) filter (where ${missions.status} = 'changes_requested')`.mapWith(Number),
      approved: sql<number>`count(*) filter (where ${missions.status} = 'approved')`.mapWith(Number),
      rejected: sql<number>`count(*) filter (where ${missions.status} = 'rejected')`.mapWith(Number),
      withdrawn: sql<number>`count(*) filter (where ${missions.status} = 'withdrawn')`.mapWith(Number),
      all: sql<number>`count(*)`.mapWith(Number),
    })
    .from(missions)
    .innerJoin(organizations, eq(organizations.id, missions.organizationId))
    .where(and(...conditionsOf(filters, { withView: false })));
  return row!;
}

/** The filters' choices: elections that have applications, and organizations. */
export async function queueFilterOptions(actor: Staff, locale: Locale) {
  assertPermission(actor, "review:applications");
  const db = getDb();
  const [electionRows, organizationRows] = await Promise.all([
    db
      .select({ id: elections.id, label: titleColumn[locale] })
      .from(elections)
      .where(inArray(elections.id, db.select({ id: missions.electionId }).from(missions)))
      .orderBy(desc(elections.electionDay)),
    db.select({ id: organizations.id, label: organizations.acronym }).from(organizations).orderBy(asc(organizations.acronym)),
  ]);
  return { elections: electionRows, organizations: organizationRows };
}
