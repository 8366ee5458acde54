import { z } from "zod";
import type { Locale } from "@/i18n/routing";
import { searchWords } from "@/lib/listing";
import { originalLanguages, statementKinds } from "./vocabulary";
import { statementListParams } from "./list-params";
import type { StatementFilters } from "./public";

type UnverifiedParams = Record<string, string | string[] | undefined>;

const schema = z.object({
  q: searchWords(200).catch(""),
  election: z.string().regex(/^[A-Za-z0-9-]{1,16}$/).catch(""),
  organization: searchWords(100).catch(""),
  kind: z.enum(statementKinds).or(z.literal("")).catch(""),
  language: z.enum(originalLanguages).or(z.literal("")).catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/**
 * The statements list's and feed's filters from untrusted search parameters: anything invalid is
 * simply no filter, in the list and in its feed alike.
 */
export function filtersOf(unverified: UnverifiedParams): { filters: StatementFilters; page: number } {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  const parsed = schema.parse(Object.fromEntries(statementListParams.map((k) => [k, first(unverified[k])])));
  const filters: StatementFilters = {};
  if (parsed.q) filters.q = parsed.q;
  if (parsed.election) filters.election = parsed.election.toUpperCase();
  if (parsed.organization) filters.organization = parsed.organization;
  if (parsed.kind) filters.kind = parsed.kind;
  if (parsed.language) filters.language = parsed.language;
  return { filters, page: parsed.page };
}

/** A request's search parameters as `filtersOf` reads them (the first of a repeated one counts). */
export function paramsOf(search: URLSearchParams): UnverifiedParams {
  return Object.fromEntries([...new Set(search.keys())].map((key) => [key, search.getAll(key)]));
}

/**
 * The Atom feed's query for a list's filters: the feed honours every filter of the list (the search
 * words too, with the list's own search), so a subscriber gets what the list shows, newest first.
 */
export function feedQueryOf(locale: Locale, filters: StatementFilters) {
  const { q, election, organization, kind, language } = filters;
  const present = Object.entries({ election, organization, kind, language, q }).filter((entry): entry is [string, string] => Boolean(entry[1]));
  return new URLSearchParams([["locale", locale], ...present]);
}
