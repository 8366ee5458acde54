import { z } from "zod";
import { originalLanguages, statementKinds } from "@/lib/statements/vocabulary";
import { statementListParams } from "@/lib/statements/list-params";
import type { StatementFilters } from "@/lib/statements/public";

/** The list's filters from untrusted search parameters: anything invalid is simply no filter. */
export function filtersOf(unverified: Record<string, string | string[] | undefined>): { filters: StatementFilters; page: number } {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  const schema = z.object({
    q: z.string().trim().max(200).catch(""),
    election: z.string().regex(/^[A-Za-z0-9-]{1,16}$/).catch(""),
    organization: z.string().trim().max(100).catch(""),
    kind: z.enum(statementKinds).or(z.literal("")).catch(""),
    language: z.enum(originalLanguages).or(z.literal("")).catch(""),
    page: z.coerce.number().int().min(1).max(10_000).catch(1),
  });
  const parsed = schema.parse(Object.fromEntries(statementListParams.map((k) => [k, first(unverified[k])])));
  const filters: StatementFilters = {};
  if (parsed.q) filters.q = parsed.q;
  if (parsed.election) filters.election = parsed.election.toUpperCase();
  if (parsed.organization) filters.organization = parsed.organization;
  if (parsed.kind) filters.kind = parsed.kind;
  if (parsed.language) filters.language = parsed.language;
  return { filters, page: parsed.page };
}
