import "server-only";
import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { organizations, users } from "@/db/schema";
import type { Locale } from "@/i18n/routing";
import { assertPermission } from "@/lib/identity/authorize";
import type { Role } from "@/lib/identity/permissions";
import { containsPattern, offsetOf, type ListQuery } from "@/lib/listing";
import type { AccountFilters } from "./schemas";

type Admin = { role: Role };

export const accountSorts = ["name", "email", "lastSignIn"] as const;
export type AccountSort = (typeof accountSorts)[number];

function filterConditions(filters: AccountFilters): (SQL | undefined)[] {
  const pattern = filters.q ? containsPattern(filters.q) : null;
  return [
    pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
    filters.status === "active" ? isNull(users.disabledAt) : filters.status === "disabled" ? isNotNull(users.disabledAt) : undefined,
  ];
}

function orderOf(query: ListQuery & { sort: AccountSort }) {
  const order = query.dir === "asc" ? asc : desc;
  if (query.sort === "lastSignIn") {
    // Never signed in sorts as the oldest. `dir` is "asc" or "desc" (parseListQuery), so raw SQL is safe.
    return [sql`${users.lastSignInAt} ${sql.raw(query.dir)} nulls ${sql.raw(query.dir === "asc" ? "first" : "last")}`, asc(users.name)];
  }
  return [order(query.sort === "email" ? users.email : users.name), asc(users.email)];
}

const accountColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  secondFactor: sql<boolean>`${users.totpEnabledAt} is not null`,
  disabledAt: users.disabledAt,
  lastSignInAt: users.lastSignInAt,
  total: sql<number>`count(*) over ()`.mapWith(Number),
};

/** Reviewers and administrators, one page at a time. */
export async function listStaffAccounts(actor: Admin, filters: AccountFilters, query: ListQuery & { sort: AccountSort }) {
  assertPermission(actor, "manage:staff");
  const where = and(inArray(users.role, ["reviewer", "admin"]), ...filterConditions(filters));
  const rows = await getDb()
    .select(accountColumns)
    .from(users)
    .where(where)
    .orderBy(...orderOf(query))
    .limit(query.pageSize)
    .offset(offsetOf(query));
  return { rows, total: rows[0]?.total ?? (query.page > 1 ? await countUsers(where) : 0) };
}

/** Mission coordinators with their organization, one page at a time, optionally of one organization. */
export async function listCoordinatorAccounts(actor: Admin, locale: Locale, filters: AccountFilters, query: ListQuery & { sort: AccountSort }) {
  assertPermission(actor, "manage:coordinators");
  const organizationName = { tk: organizations.nameTk, ru: organizations.nameRu, en: organizations.nameEn }[locale];
  const where = and(
    eq(users.role, "coordinator"),
    filters.organization ? eq(users.organizationId, filters.organization) : undefined,
    ...filterConditions(filters),
  );
  const rows = await getDb()
    .select({ ...accountColumns, organizationAcronym: organizations.acronym, organizationName })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(where)
    .orderBy(...orderOf(query))
    .limit(query.pageSize)
    .offset(offsetOf(query));
  return { rows, total: rows[0]?.total ?? (query.page > 1 ? await countUsers(where) : 0) };
}

async function countUsers(where: SQL | undefined) {
  const [row] = await getDb().select({ n: sql<number>`count(*)`.mapWith(Number) }).from(users).where(where);
  return row?.n ?? 0;
}
