import { z } from "zod";

/** Page, sort and direction of a server-side list, read from untrusted search parameters. */
export type ListQuery = { page: number; pageSize: number; sort: string; dir: "asc" | "desc" };

export function parseListQuery<S extends string>(
  unverified: Record<string, string | string[] | undefined>,
  options: { sortable: readonly [S, ...S[]]; defaultSort: S; defaultDir: "asc" | "desc"; pageSize?: number },
): ListQuery & { sort: S } {
  const schema = z.object({
    page: z.coerce.number().int().min(1).max(100_000).catch(1),
    sort: z.enum(options.sortable).catch(options.defaultSort),
    dir: z.enum(["asc", "desc"]).catch(options.defaultDir),
  });
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const parsed = schema.parse({ page: first(unverified.page), sort: first(unverified.sort), dir: first(unverified.dir) });
  return { ...parsed, pageSize: options.pageSize ?? 20 };
}

export function pageCount(total: number, pageSize: number) {
  return Math.max(1, Math.ceil(total / pageSize));
}

export function offsetOf(query: ListQuery) {
  return (query.page - 1) * query.pageSize;
}

/** A LIKE pattern matching `text` anywhere, with the user's % and _ taken literally. */
export function containsPattern(text: string) {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
