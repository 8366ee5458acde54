import "server-only";
import { asc, desc, eq, ilike, isNotNull, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { getDb } from "@/db";
import { organizations, users } from "@/db/schema";
import type { Locale } from "@/i18n/routing";
import { assertPermission } from "@/lib/identity/authorize";
import type { Role } from "@/lib/identity/permissions";
import { containsPattern, offsetOf, type ListQuery } from "@/lib/listing";
import { foldedColumn, foldForSearch } from "@/lib/search-folding";

type Admin = { role: Role };

export const organizationSorts = ["name", "acronym"] as const;
export type OrganizationSort = (typeof organizationSorts)[number];

const nameColumn = { tk: organizations.nameTk, ru: organizations.nameRu, en: organizations.nameEn } as const;

/** Folded as the review queue's search is, so "снг" finds "ИК СНГ" on the embedded database too. */
function searchCondition(search: string): SQL | undefined {
  if (!search) return undefined;
  const pattern = containsPattern(foldForSearch(search));
  const matches = (value: SQLWrapper) => ilike(foldedColumn(value), pattern);
  return or(
    matches(organizations.acronym),
    matches(organizations.cyrillicAcronym),
    matches(organizations.nameTk),
    matches(organizations.nameRu),
    matches(organizations.nameEn),
  );
}

/** One page of organizations for administrators, with each one's number of coordinators. */
export async function listOrganizations(actor: Admin, locale: Locale, search: string, query: ListQuery & { sort: OrganizationSort }) {
  assertPermission(actor, "manage:organizations");
  const name = nameColumn[locale];
  const order = query.dir === "asc" ? asc : desc;
  const orderBy = query.sort === "acronym" ? [order(organizations.acronym), asc(name)] : [order(name), asc(organizations.acronym)];
  const where = searchCondition(search);
  const coordinatorCounts = getDb()
    .select({ organizationId: users.organizationId, count: sql<number>`count(*)`.as("count") })
    .from(users)
    .where(isNotNull(users.organizationId))
    .groupBy(users.organizationId)
    .as("coordinator_counts");
  const rows = await getDb()
    .select({
      id: organizations.id,
      acronym: organizations.acronym,
      name,
      kind: organizations.kind,
      seatCountry: organizations.seatCountry,
      coordinators: sql<number>`coalesce(${coordinatorCounts.count}, 0)`.mapWith(Number),
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(organizations)
    .leftJoin(coordinatorCounts, eq(coordinatorCounts.organizationId, organizations.id))
    .where(where)
    .orderBy(...orderBy, asc(organizations.id))
    .limit(query.pageSize)
    .offset(offsetOf(query));
  return { rows, total: rows[0]?.total ?? (query.page > 1 ? await countOrganizations(where) : 0) };
}

/** Past the last page the window count is missing: the count alone, so the pagination can lead back. */
async function countOrganizations(where: SQL | undefined) {
  const [row] = await getDb().select({ n: sql<number>`count(*)`.mapWith(Number) }).from(organizations).where(where);
  return row?.n ?? 0;
}

/** Every field the edit form shows, or null. */
export async function getOrganizationForEdit(actor: Admin, organizationId: string) {
  assertPermission(actor, "manage:organizations");
  const [row] = await getDb()
    .select({
      id: organizations.id,
      nameTk: organizations.nameTk,
      nameRu: organizations.nameRu,
      nameEn: organizations.nameEn,
      acronym: organizations.acronym,
      cyrillicAcronym: organizations.cyrillicAcronym,
      kind: organizations.kind,
      seatCountry: organizations.seatCountry,
      website: organizations.website,
    })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .limit(1);
  return row ?? null;
}

/** Acronym and name of every organization, for a filter (there are dozens, not thousands). */
export async function listOrganizationChoices(actor: Admin, locale: Locale) {
  assertPermission(actor, "manage:coordinators");
  const name = nameColumn[locale];
  return getDb().select({ id: organizations.id, acronym: organizations.acronym, name }).from(organizations).orderBy(asc(organizations.acronym), asc(name));
}
