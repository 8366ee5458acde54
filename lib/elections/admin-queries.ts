import "server-only";
import { asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { elections } from "@/db/schema";
import type { Locale } from "@/i18n/routing";
import { ashgabatDateTime } from "@/lib/dates";
import { assertPermission } from "@/lib/identity/authorize";
import type { Role } from "@/lib/identity/permissions";
import { offsetOf, type ListQuery } from "@/lib/listing";

type Admin = { role: Role };

export const adminElectionSorts = ["electionDay", "code", "title"] as const;
export type AdminElectionSort = (typeof adminElectionSorts)[number];

const titleColumn = { tk: elections.titleTk, ru: elections.titleRu, en: elections.titleEn } as const;

/** Every election, drafts included, one page at a time, optionally only drafts or only published ones. */
export async function listElectionsForAdmin(
  actor: Admin,
  locale: Locale,
  status: "draft" | "published" | undefined,
  query: ListQuery & { sort: AdminElectionSort },
) {
  assertPermission(actor, "manage:elections");
  const title = titleColumn[locale];
  const order = query.dir === "asc" ? asc : desc;
  const sortColumn = { electionDay: elections.electionDay, code: elections.code, title }[query.sort];
  const where = status ? eq(elections.status, status) : undefined;
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
  };
}
