import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { elections } from "@/db/schema";
import { offsetOf, type ListQuery } from "@/lib/listing";
import type { Locale } from "@/i18n/routing";

export const publicElectionSorts = ["electionDay", "title"] as const;
export type PublicElectionSort = (typeof publicElectionSorts)[number];

const titleColumn = { tk: elections.titleTk, ru: elections.titleRu, en: elections.titleEn } as const;

/** Published elections for the public, one page at a time, with the total in the same query. */
export async function listPublishedElections(locale: Locale, query: ListQuery & { sort: PublicElectionSort }) {
  const title = titleColumn[locale];
  const order = query.dir === "asc" ? asc : desc;
  const orderBy = query.sort === "title" ? [order(title), desc(elections.electionDay)] : [order(elections.electionDay), asc(title)];
  const rows = await getDb()
    .select({
      id: elections.id,
      code: elections.code,
      type: elections.type,
      title,
      electionDay: elections.electionDay,
      accreditationOpensAt: elections.accreditationOpensAt,
      accreditationClosesAt: elections.accreditationClosesAt,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(elections)
    .where(eq(elections.status, "published"))
    .orderBy(...orderBy)
    .limit(query.pageSize)
    .offset(offsetOf(query));
  return { rows, total: rows[0]?.total ?? (query.page > 1 ? await countPublishedElections() : 0) };
}

async function countPublishedElections() {
  const [row] = await getDb()
    .select({ count: sql<number>`count(*)`.mapWith(Number) })
    .from(elections)
    .where(eq(elections.status, "published"));
  return row?.count ?? 0;
}
