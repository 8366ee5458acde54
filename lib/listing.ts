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

/**
 * The page links to show: the first, the last and two either side of the current one, with a
 * gap where pages are left out. A long list (the audit log) then gets a handful of links, not
 * thousands for a keyboard user to tab through.
 */
export function pageWindow(page: number, pages: number): (number | "gap")[] {
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])]
    .filter((n) => n >= 1 && n <= pages)
    .sort((a, b) => a - b);
  return shown.flatMap((n, i) => {
    const previous = shown[i - 1];
    if (previous === undefined || n === previous + 1) return [n];
    // A gap of a single page is shown as that page: a link is as short as the gap mark.
    return n === previous + 2 ? [previous + 1, n] : ["gap" as const, n];
  });
}

// PostgreSQL text cannot hold NUL (a query with one fails), and no stored value has one to match.
const withoutNul = (text: string) => text.replaceAll("\u0000", "");

/** Words typed into a list's search, for a schema of untrusted search parameters. */
export const searchWords = (maxLength: number) => z.string().transform(withoutNul).pipe(z.string().trim().max(maxLength));

/** A LIKE pattern matching `text` anywhere, with the user's % and _ taken literally. */
export function containsPattern(text: string) {
  return `%${withoutNul(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
