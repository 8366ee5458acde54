import "server-only";
import { and, asc, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { elections } from "@/db/schema";
import type { Locale } from "@/i18n/routing";
import { ashgabatDateTime } from "@/lib/dates";
import { assertPermission } from "@/lib/identity/authorize";
import type { Role } from "@/lib/identity/permissions";
import { containsPattern, offsetOf, type ListQuery } from "@/lib/listing";

type Admin = { role: Role };

export const adminElectionSorts = ["electionDay", "code", "title"] as const;
export type AdminElectionSort = (typeof adminElectionSorts)[number];

const titleColumn = { tk: elections.titleTk, ru: elections.titleRu, en: elections.titleEn } as const;

type AdminElectionFilters = { status?: "draft" | "published"; search?: string };

/** Every election, drafts included, one page at a time, optionally only drafts or published ones, or those whose code or title matches. */
export async function listElectionsForAdmin(actor: Admin, locale: Locale, filters: AdminElectionFilters, query: ListQuery & { sort: AdminElectionSort }) {
  assertPermission(actor, "manage:elections");
  const title = titleColumn[locale];
  const order = query.dir === "asc" ? asc : desc;
  const sortColumn = { electionDay: elections.electionDay, code: elections.code, title }[query.sort];
  const where = and(
    filters.status ? eq(elections.status, filters.status) : undefined,
    filters.search ? searchCondition(filters.search) : undefined,
  );
  const rows = await getDb()
    .select({
      id: elections.id,
      code: elections.code,
      type: elections.type,
      title,
      electionDay: elections.electionDay,
      status: elections.status,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(elections)
    .where(where)
    .orderBy(order(sortColumn), asc(elections.code))
    .limit(query.pageSize)
    .offset(offsetOf(query));
  return { rows, total: rows[0]?.total ?? (query.page > 1 ? await countElections(where) : 0) };
}

/** The code or a title in any language: admins look an election up by what they remember of it. */
function searchCondition(search: string) {
  const pattern = containsPattern(search);
  return or(ilike(elections.code, pattern), ilike(elections.titleTk, pattern), ilike(elections.titleRu, pattern), ilike(elections.titleEn, pattern));
}

/** Past the last page the window count is missing: the count alone, so the pagination can lead back. */
async function countElections(where: SQL | undefined) {
  const [row] = await getDb().select({ n: sql<number>`count(*)`.mapWith(Number) }).from(elections).where(where);
  return row?.n ?? 0;
}

/** Every field of the edit form, accreditation times as Ashgabat wall-clock values; or null. */
export async function getElectionForEdit(actor: Admin, electionId: string) {
  assertPermission(actor, "manage:elections");
  const [row] = await getDb()
    .select({
      id: elections.id,
      code: elections.code,
      type: elections.type,
      titleTk: elections.titleTk,
      titleRu: elections.titleRu,
      titleEn: elections.titleEn,
      electionDay: elections.electionDay,
      accreditationOpensAt: elections.accreditationOpensAt,
      accreditationClosesAt: elections.accreditationClosesAt,
      observationStartsOn: elections.observationStartsOn,
      observationEndsOn: elections.observationEndsOn,
      decisionWorkingDays: elections.decisionWorkingDays,
      publishObserverNames: elections.publishObserverNames,
      status: elections.status,
      publishedAt: elections.publishedAt,
    })
    .from(elections)
    .where(eq(elections.id, electionId))
    .limit(1);
  if (!row) return null;
  return {
    ...row,
    accreditationOpensAt: ashgabatDateTime(row.accreditationOpensAt),
    accreditationClosesAt: ashgabatDateTime(row.accreditationClosesAt),
    decisionWorkingDays: String(row.decisionWorkingDays),
    publishObserverNames: row.publishObserverNames ? "yes" : "",
  };
}
