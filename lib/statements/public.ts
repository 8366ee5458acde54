import "server-only";
import { and, asc, desc, eq, exists, gt, ilike, inArray, lte, notExists, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { alias, type AnyPgColumn, type PgSelect } from "drizzle-orm/pg-core";
import { getDb } from "@/db";
import { elections, files, missions, organizations, statementAttachments, statements, statementTexts, statementVersions } from "@/db/schema";
import type { Locale } from "@/i18n/routing";
import { containsPattern } from "@/lib/listing";
import { foldedColumn, foldForSearch } from "@/lib/search-folding";
import { groupByMission } from "./by-mission";
import { snippetText } from "./snippet-text";
import type { OriginalLanguage, StatementKind } from "./vocabulary";

/**
 * What the public may read of statements: versions published at or before `now`, of published
 * elections. The condition is in every query's SQL, so a statement under embargo is in no page,
 * feed, search result or sitemap before its time, whatever else goes wrong. Instants are ISO
 * strings: results are kept in Next's data cache, which stores JSON.
 */

type Titles = { tk: string; ru: string; en: string };

export type PublicStatementSummary = {
  id: string;
  kind: StatementKind;
  version: number;
  publishedAt: string;
  firstPublishedAt: string;
  originalLanguage: OriginalLanguage;
  /** The title in the reader's language when the statement has it, otherwise the original's. */
  title: string;
  titleLanguage: OriginalLanguage;
  languages: OriginalLanguage[];
  missionId: string;
  missionName: string;
  organization: Titles;
  acronym: string;
  election: { code: string; titles: Titles };
  /** With a search: the best-matching passage, matches between \u0002 and \u0003. */
  snippet: string | null;
};

/** `organization`: an acronym or words of a name, as a reader types them (see organizationMatches). */
export type StatementFilters = { election?: string; organization?: string; kind?: StatementKind; language?: OriginalLanguage; q?: string };

/**
 * Organizations as a reader names them: an acronym given whole ("CIS", "СНГ") names those with that
 * acronym alone, Latin or Cyrillic, else any acronym or name, in any of the three languages,
 * containing the words ("OSCE" finds OSCE/ODIHR and OSCE PA; "Kazakhstan" its commission). Case
 * never matters: the Cyrillic acronym is folded (lib/search-folding.ts), as ILIKE folds only ASCII
 * on the embedded database.
 */
function organizationMatches(named: string) {
  const exactly = alias(organizations, "exactly");
  const folded = foldForSearch(named);
  const isNamed = (o: { acronym: SQLWrapper; cyrillicAcronym: SQLWrapper }) =>
    or(sql`lower(${o.acronym}) = lower(${named})`, sql`lower(${foldedColumn(o.cyrillicAcronym)}) = lower(${folded})`);
  const pattern = containsPattern(named);
  return or(
    isNamed(organizations),
    and(
      notExists(getDb().select({ one: sql`1` }).from(exactly).where(isNamed(exactly))),
      or(
        ilike(organizations.acronym, pattern),
        ilike(foldedColumn(organizations.cyrillicAcronym), containsPattern(folded)),
        ilike(organizations.nameEn, pattern),
        ilike(organizations.nameRu, pattern),
        ilike(organizations.nameTk, pattern),
      ),
    ),
  )!;
}

/** The latest version of each statement the public may read at `now`. */
function visibleVersions(now: Date) {
  return getDb()
    .selectDistinctOn([statementVersions.statementId], {
      statementId: statementVersions.statementId,
      versionId: statementVersions.id,
      number: statementVersions.number,
      publishedAt: statementVersions.publishedAt,
      originalLanguage: statementVersions.originalLanguage,
    })
    .from(statementVersions)
    .where(and(eq(statementVersions.status, "published"), lte(statementVersions.publishedAt, now)))
    .orderBy(statementVersions.statementId, desc(statementVersions.number))
    .as("visible");
}

/** Search configurations by language: Russian and English stem, Turkmen and the rest match words as written. */
const configOf = (language: SQL) => sql`(case ${language} when 'ru' then 'russian'::regconfig when 'en' then 'english'::regconfig else 'simple'::regconfig end)`;

/** A text matches the query in its own language's configuration; spelled out per language so the GIN index serves it. */
function textMatches(text: { language: AnyPgColumn | SQL; search: AnyPgColumn | SQL }, q: string) {
  return sql`((${text.language} = 'ru' and ${text.search} @@ websearch_to_tsquery('russian', ${q}))
    or (${text.language} = 'en' and ${text.search} @@ websearch_to_tsquery('english', ${q}))
    or (${text.language} not in ('ru', 'en') and ${text.search} @@ websearch_to_tsquery('simple', ${q})))`;
}

/**
 * The latest version of the outer query's statement that the public may read at `now`, looked up
 * per statement (lateral): a page in newest-first order then reads only the statements it shows,
 * where taking every statement's latest version first would read all of them for every page.
 */
function latestVisibleVersion(now: Date) {
  return getDb()
    .select({
      versionId: statementVersions.id,
      number: statementVersions.number,
      publishedAt: statementVersions.publishedAt,
      originalLanguage: statementVersions.originalLanguage,
    })
    .from(statementVersions)
    .where(and(eq(statementVersions.statementId, statements.id), eq(statementVersions.status, "published"), lte(statementVersions.publishedAt, now)))
    .orderBy(desc(statementVersions.number))
    .limit(1)
    .as("visible");
}

function listQuery(locale: Locale, filters: StatementFilters, now: Date) {
  const visible = latestVisibleVersion(now);
  const original = alias(statementTexts, "original");
  const localized = alias(statementTexts, "localized");
  const q = filters.q?.trim() || null;
  const conditions = [eq(elections.status, "published")];
  if (filters.election) conditions.push(eq(elections.code, filters.election.toUpperCase()));
  if (filters.organization) conditions.push(organizationMatches(filters.organization));
  if (filters.kind) conditions.push(eq(statements.kind, filters.kind));
  if (filters.language) {
    const inLanguage = alias(statementTexts, "in_language");
    conditions.push(exists(getDb().select({ one: sql`1` }).from(inLanguage).where(and(eq(inLanguage.versionId, visible.versionId), eq(inLanguage.language, filters.language)))));
  }
  if (q) {
    const matching = alias(statementTexts, "matching");
    conditions.push(exists(getDb().select({ one: sql`1` }).from(matching).where(and(eq(matching.versionId, visible.versionId), textMatches(matching, q)))));
  }
  // The statement, its visible version, mission, organization and election: what every list query joins.
  const joined = <T extends PgSelect>(query: T) =>
    query
      .innerJoinLateral(visible, sql`true`)
      .innerJoin(missions, eq(missions.id, statements.missionId))
      .innerJoin(organizations, eq(organizations.id, missions.organizationId))
      .innerJoin(elections, eq(elections.id, missions.electionId));
  const base = joined(
    getDb()
      .select({
        id: statements.id,
        kind: statements.kind,
        version: visible.number,
        publishedAt: visible.publishedAt,
        firstPublishedAt: statements.firstPublishedAt,
        originalLanguage: visible.originalLanguage,
        originalTitle: original.title,
        localizedTitle: localized.title,
        languages: sql<OriginalLanguage[]>`(select array_agg(l.language::text order by l.language) from ${statementTexts} l where l.version_id = ${visible.versionId})`,
        missionId: missions.id,
        missionName: missions.name,
        organization: { tk: organizations.nameTk, ru: organizations.nameRu, en: organizations.nameEn },
        acronym: organizations.acronym,
        electionCode: elections.code,
        electionTitles: { tk: elections.titleTk, ru: elections.titleRu, en: elections.titleEn },
        versionId: visible.versionId,
      })
      .from(statements)
      .$dynamic(),
  )
    .innerJoin(original, and(eq(original.versionId, visible.versionId), eq(original.isOriginal, true)))
    .leftJoin(localized, and(eq(localized.versionId, visible.versionId), eq(localized.language, locale)))
    .where(and(...conditions));
  const matches = joined(getDb().select({ one: sql`1` }).from(statements).$dynamic()).where(and(...conditions));
  return { base, matches, q, visible };
}

/**
 * The best-matching passage of each listed version, matches between \u0002 and \u0003: made for
 * the page's rows only (ts_headline is the costly part of a search).
 */
async function snippetsOf(versionIds: string[], q: string) {
  if (versionIds.length === 0) return new Map<string, string>();
  const b = { language: sql.raw(`b.language`), search: sql.raw(`b.search`) };
  const result: unknown = await getDb().execute(sql`
    select distinct on (b.version_id) b.version_id,
      ts_headline(${configOf(b.language)}, b.title || '. ' || b.body, websearch_to_tsquery(${configOf(b.language)}, ${q}),
        'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "') as snippet
    from ${statementTexts} b
    where b.version_id in (${sql.join(versionIds.map((id) => sql`${id}::uuid`), sql`, `)}) and ${textMatches(b, q)}
    order by b.version_id, ts_rank(b.search, websearch_to_tsquery(${configOf(b.language)}, ${q})) desc`);
  // node-postgres and PGlite both answer { rows }.
  const list = (result as { rows: { version_id: string; snippet: string }[] }).rows;
  return new Map(list.map((r) => [r.version_id, snippetText(r.snippet)]));
}

type Row = Awaited<ReturnType<typeof listQuery>["base"]>[number];

function summaryOf(row: Row, locale: Locale, snippet: string | null = null): PublicStatementSummary {
  const iso = (v: Date | string | null) => (v === null ? "" : new Date(v).toISOString());
  const languages = (typeof row.languages === "string" ? (row.languages as string).replace(/[{}]/g, "").split(",") : row.languages) as OriginalLanguage[];
  return {
    id: row.id,
    kind: row.kind,
    version: row.version,
    publishedAt: iso(row.publishedAt),
    firstPublishedAt: iso(row.firstPublishedAt),
    originalLanguage: row.originalLanguage,
    title: row.localizedTitle ?? row.originalTitle,
    titleLanguage: row.localizedTitle ? locale : row.originalLanguage,
    languages,
    missionId: row.missionId,
    missionName: row.missionName ?? row.acronym,
    organization: row.organization,
    acronym: row.acronym,
    election: { code: row.electionCode, titles: row.electionTitles },
    snippet,
  };
}

/** A search counts its matches up to this many: common words match nearly everything, and counting it all would cost more than the page. */
export const SEARCH_COUNT_CAP = 500;

type ListPage = { page: number; pageSize: number; countCap?: number };
type CountedPage = { rows: PublicStatementSummary[]; total: number; totalCapped: boolean };

/**
 * A page of the public list, newest first, searched or not. Search results are not ranked: ranking
 * would score every match (thousands for common words) before the page could be cut, while the
 * newest-first order reads statements only until the page is full and lets the passages be made
 * for that page's rows only. `total` is exact without a search; with one it stops at the cap
 * (SEARCH_COUNT_CAP unless `countCap` is given), and `totalCapped` says there are more.
 * `rowsOnly`: the rows alone, without the count and the passages (a feed shows neither), so a
 * feed's search costs the rows' query only.
 */
export async function listPublicStatements(locale: Locale, filters: StatementFilters, page: ListPage & { rowsOnly: true }, now: Date): Promise<Pick<CountedPage, "rows">>;
export async function listPublicStatements(locale: Locale, filters: StatementFilters, page: ListPage, now: Date): Promise<CountedPage>;
export async function listPublicStatements(locale: Locale, filters: StatementFilters, page: ListPage & { rowsOnly?: true }, now: Date): Promise<CountedPage | Pick<CountedPage, "rows">> {
  const cap = page.countCap ?? SEARCH_COUNT_CAP;
  const { base, matches, q, visible } = listQuery(locale, filters, now);
  const rows = await base
    .orderBy(desc(statements.firstPublishedAt), desc(visible.publishedAt), asc(statements.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  if (page.rowsOnly) return { rows: rows.map((row) => summaryOf(row, locale)) };
  const counted = (q ? matches.limit(cap + 1) : matches).as("counted");
  const [count] = await getDb().select({ total: sql<number>`count(*)`.mapWith(Number) }).from(counted);
  const total = count?.total ?? 0;
  const totalCapped = q !== null && total > cap;
  const snippets = q ? await snippetsOf(rows.map((row) => row.versionId), q) : new Map<string, string>();
  return { rows: rows.map((row) => summaryOf(row, locale, snippets.get(row.versionId) ?? null)), total: totalCapped ? cap : total, totalCapped };
}

/** An election's statements, by mission (organization's acronym), each mission's in their natural order. */
export async function listElectionStatements(locale: Locale, electionCode: string, now: Date) {
  const { base, visible } = listQuery(locale, { election: electionCode }, now);
  const rows = await base.orderBy(asc(organizations.acronym), asc(missions.id), asc(statements.kind), asc(statements.firstPublishedAt), asc(visible.publishedAt));
  return groupByMission(rows.map((row) => summaryOf(row, locale)));
}

/** Elections that have public statements: the choices of the list's election filter, the latest first. */
export async function listStatementElections(now: Date) {
  const visible = visibleVersions(now);
  const rows = await getDb()
    .selectDistinct({ code: elections.code, titles: { tk: elections.titleTk, ru: elections.titleRu, en: elections.titleEn }, electionDay: elections.electionDay })
    .from(visible)
    .innerJoin(statements, eq(statements.id, visible.statementId))
    .innerJoin(missions, eq(missions.id, statements.missionId))
    .innerJoin(elections, eq(elections.id, missions.electionId))
    .where(eq(elections.status, "published"));
  return rows.sort((a, b) => b.electionDay.localeCompare(a.electionDay));
}

export type PublicStatementPage = {
  id: string;
  kind: StatementKind;
  mission: { id: string; name: string };
  organization: Titles & { acronym: string };
  election: { code: string; titles: Titles };
  versions: { number: number; publishedAt: string; sha256: string }[];
  shown: {
    number: number;
    publishedAt: string;
    sha256: string;
    originalLanguage: OriginalLanguage;
    otherLanguageName: string | null;
    texts: { language: OriginalLanguage; isOriginal: boolean; title: string; body: string }[];
    attachments: { fileId: string; name: string; byteSize: number; sha256: string }[];
  };
};

/** A public statement with its public versions, showing `versionNumber` (default the latest); null when none is public. */
export async function getPublicStatement(statementId: string, versionNumber: number | null, now: Date): Promise<PublicStatementPage | null> {
  const [statement] = await getDb()
    .select({
      id: statements.id,
      kind: statements.kind,
      missionId: missions.id,
      missionName: missions.name,
      organization: { tk: organizations.nameTk, ru: organizations.nameRu, en: organizations.nameEn, acronym: organizations.acronym },
      election: { code: elections.code, tk: elections.titleTk, ru: elections.titleRu, en: elections.titleEn },
    })
    .from(statements)
    .innerJoin(missions, eq(missions.id, statements.missionId))
    .innerJoin(organizations, eq(organizations.id, missions.organizationId))
    .innerJoin(elections, eq(elections.id, missions.electionId))
    .where(and(eq(statements.id, statementId), eq(elections.status, "published")));
  if (!statement) return null;
  const versions = await getDb()
    .select({
      id: statementVersions.id,
      number: statementVersions.number,
      publishedAt: statementVersions.publishedAt,
      sha256: statementVersions.sha256,
      originalLanguage: statementVersions.originalLanguage,
      otherLanguageName: statementVersions.otherLanguageName,
    })
    .from(statementVersions)
    .where(and(eq(statementVersions.statementId, statement.id), eq(statementVersions.status, "published"), lte(statementVersions.publishedAt, now)))
    .orderBy(desc(statementVersions.number));
  if (versions.length === 0) return null;
  const shown = (versionNumber !== null && versions.find((v) => v.number === versionNumber)) || versions[0]!;
  const [texts, attachments] = await Promise.all([
    getDb()
      .select({ language: statementTexts.language, isOriginal: statementTexts.isOriginal, title: statementTexts.title, body: statementTexts.body })
      .from(statementTexts)
      .where(eq(statementTexts.versionId, shown.id))
      .orderBy(desc(statementTexts.isOriginal), asc(statementTexts.language)),
    getDb()
      .select({ fileId: files.id, name: files.originalName, byteSize: files.byteSize, sha256: files.sha256 })
      .from(statementAttachments)
      .innerJoin(files, eq(files.id, statementAttachments.fileId))
      .where(eq(statementAttachments.versionId, shown.id))
      .orderBy(asc(statementAttachments.position)),
  ]);
  const { tk, ru, en, code } = statement.election;
  return {
    id: statement.id,
    kind: statement.kind,
    mission: { id: statement.missionId, name: statement.missionName ?? statement.organization.acronym },
    organization: statement.organization,
    election: { code, titles: { tk, ru, en } },
    versions: versions.map((v) => ({ number: v.number, publishedAt: v.publishedAt!.toISOString(), sha256: v.sha256! })),
    shown: {
      number: shown.number,
      publishedAt: shown.publishedAt!.toISOString(),
      sha256: shown.sha256!,
      originalLanguage: shown.originalLanguage,
      otherLanguageName: shown.otherLanguageName,
      texts,
      attachments,
    },
  };
}

/** Every public statement with its latest publication: the sitemap. */
export async function listStatementsForSitemap(now: Date) {
  const visible = visibleVersions(now);
  const rows = await getDb()
    .select({ id: statements.id, publishedAt: visible.publishedAt })
    .from(visible)
    .innerJoin(statements, eq(statements.id, visible.statementId))
    .innerJoin(missions, eq(missions.id, statements.missionId))
    .innerJoin(elections, eq(elections.id, missions.electionId))
    .where(eq(elections.status, "published"))
    .orderBy(desc(visible.publishedAt));
  return rows.map((r) => ({ id: r.id, publishedAt: r.publishedAt!.toISOString() }));
}

/**
 * The newest moment a version became public, or null: it moves when a statement is published,
 * here or by another server, and when an embargo passes (lib/statements/publication-watch.ts).
 */
export async function newestPublicationInstant(now: Date) {
  const [row] = await getDb()
    .select({ newest: sql<Date | string | null>`max(${statementVersions.publishedAt})` })
    .from(statementVersions)
    .where(and(eq(statementVersions.status, "published"), lte(statementVersions.publishedAt, now)));
  return row?.newest ? new Date(row.newest).toISOString() : null;
}

/**
 * Embargo times from a week ago on: the cache keys its public results by the latest that has
 * passed (lib/statements/cache.ts), so the first reader after an embargo gets fresh results.
 */
export async function listRecentEmbargoes(now: Date) {
  const rows = await getDb()
    .select({ publishedAt: statementVersions.publishedAt })
    .from(statementVersions)
    .where(and(eq(statementVersions.status, "published"), gt(statementVersions.publishedAt, new Date(now.getTime() - 7 * 24 * 3600_000)), sql`${statementVersions.publishedAt} = ${statementVersions.embargoAt}`))
    .orderBy(asc(statementVersions.publishedAt));
  return rows.map((r) => r.publishedAt!.toISOString());
}

/** Whether a file is an attachment of a version the public may read now. */
export async function isPublicAttachment(fileId: string, now: Date) {
  const [row] = await getDb()
    .select({ one: sql`1` })
    .from(statementAttachments)
    .innerJoin(statementVersions, eq(statementVersions.id, statementAttachments.versionId))
    .innerJoin(statements, eq(statements.id, statementVersions.statementId))
    .innerJoin(missions, eq(missions.id, statements.missionId))
    .innerJoin(elections, eq(elections.id, missions.electionId))
    .where(and(eq(statementAttachments.fileId, fileId), eq(statementVersions.status, "published"), lte(statementVersions.publishedAt, now), eq(elections.status, "published")))
    .limit(1);
  return row !== undefined;
}

/**
 * Whether a file is an attachment of one of the organization's statements (any version), or, for
 * staff, of a version submitted to them or published: not of one returned to the mission, whose
 * attachments are the mission's to change until they resubmit it.
 */
export async function mayDownloadAttachment(actor: { role: string; organizationId: string | null }, fileId: string) {
  const conditions = [eq(statementAttachments.fileId, fileId)];
  if (actor.role === "coordinator" && actor.organizationId) conditions.push(eq(missions.organizationId, actor.organizationId));
  else if (actor.role === "reviewer" || actor.role === "admin") conditions.push(inArray(statementVersions.status, ["submitted", "published"]));
  else return false;
  const [row] = await getDb()
    .select({ one: sql`1` })
    .from(statementAttachments)
    .innerJoin(statementVersions, eq(statementVersions.id, statementAttachments.versionId))
    .innerJoin(statements, eq(statements.id, statementVersions.statementId))
    .innerJoin(missions, eq(missions.id, statements.missionId))
    .where(and(...conditions))
    .limit(1);
  return row !== undefined;
}
