import "server-only";
import { unstable_cache } from "next/cache";
import type { Locale } from "@/i18n/routing";
import { PUBLIC_REVALIDATE_SECONDS, PUBLIC_TAG } from "@/lib/public/cache";
import { publishingNow } from "./clock";
import {
  getPublicStatement,
  listElectionStatements,
  listPublicStatements,
  listRecentEmbargoes,
  listStatementElections,
  listStatementsForSitemap,
  type StatementFilters,
} from "./public";

/**
 * Public statements read through Next's data cache under the public pages' tag (a publication
 * expires it at once). An embargo passing changes what is public without any action, so every
 * cached result is keyed by the latest embargo that has passed ("epoch"): the first reader after
 * the embargo moment misses the cache and gets the statement. Nothing can show early, since each
 * result was computed by SQL that compared `published_at` with the clock at that time.
 */
const options = { tags: [PUBLIC_TAG], revalidate: PUBLIC_REVALIDATE_SECONDS };
/** A page of the public list: light enough for a phone on a poor network (about 30 kB). */
export const PUBLIC_PAGE_SIZE = 10;
/** A feed's entries: more than a page, so a reader polling hourly misses none on election day. */
const FEED_SIZE = 20;

const cachedRecentEmbargoes = unstable_cache(async () => listRecentEmbargoes(publishingNow()), ["statements", "embargoes"], options);

/** The latest embargo that has passed, or "base"; part of every cached result's key. */
async function epoch() {
  const now = publishingNow().toISOString();
  const passed = (await cachedRecentEmbargoes()).filter((instant) => instant <= now);
  return passed.at(-1) ?? "base";
}

const statementPage = unstable_cache(
  async (_epoch: string, locale: Locale, filters: StatementFilters, page: number) => listPublicStatements(locale, filters, { page, pageSize: PUBLIC_PAGE_SIZE }, publishingNow()),
  ["statements", "list"],
  options,
);
const feedEntries = unstable_cache(
  async (_epoch: string, locale: Locale, filters: StatementFilters) => listPublicStatements(locale, filters, { page: 1, pageSize: FEED_SIZE, rowsOnly: true }, publishingNow()),
  ["statements", "feed"],
  options,
);
const electionStatements = unstable_cache(async (_epoch: string, locale: Locale, code: string) => listElectionStatements(locale, code, publishingNow()), ["statements", "election"], options);
// The epoch is only part of the key (see above); the query reads the clock itself.
const statementElections = unstable_cache(async (epochKey: string) => (void epochKey, listStatementElections(publishingNow())), ["statements", "elections"], options);
const statementById = unstable_cache(async (_epoch: string, id: string, version: number | null) => getPublicStatement(id, version, publishingNow()), ["statements", "one"], options);
const sitemapEntries = unstable_cache(async (epochKey: string) => (void epochKey, listStatementsForSitemap(publishingNow())), ["statements", "sitemap"], options);

/** Pages of the list beyond this, every search and every organization typed in are read from the database each time. */
const CACHED_PAGES = 10;

/**
 * A search, a typed organization or a far page is rarely asked twice, and anyone can ask for any number of them: kept,
 * they would push what everyone reads out of the bounded cache (next.config.ts).
 */
const readEachTime = (filters: StatementFilters, page: number) => Boolean(filters.q || filters.organization) || page > CACHED_PAGES;

export const cachedStatementPage = async (locale: Locale, filters: StatementFilters, page: number) =>
  readEachTime(filters, page)
    ? listPublicStatements(locale, filters, { page, pageSize: PUBLIC_PAGE_SIZE }, publishingNow())
    : statementPage(await epoch(), locale, filters, page);
/** A feed's newest entries, without the count and the passages the list shows. */
export const cachedStatementFeed = async (locale: Locale, filters: StatementFilters) =>
  readEachTime(filters, 1)
    ? listPublicStatements(locale, filters, { page: 1, pageSize: FEED_SIZE, rowsOnly: true }, publishingNow())
    : feedEntries(await epoch(), locale, filters);
export const cachedElectionStatements = async (locale: Locale, code: string) => electionStatements(await epoch(), locale, code);
export const cachedStatementElections = async () => statementElections(await epoch());
export const cachedPublicStatement = async (id: string, version: number | null) => statementById(await epoch(), id, version);
export const cachedStatementSitemap = async () => sitemapEntries(await epoch());
