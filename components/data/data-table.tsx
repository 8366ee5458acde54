import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { pageCount, pageWindow, type ListQuery } from "@/lib/listing";
import { TableWrap } from "@/components/data/table-wrap";

export type Column<Row> = {
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
  sortable?: boolean;
};

type Props<Row> = {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  total: number;
  query: ListQuery;
  /** The page's path without locale; sorting and paging links keep its other parameters. */
  pathname: string;
  searchParams?: Record<string, string>;
  empty: string;
};

/**
 * A table whose sorting and paging are links: the server sorts and pages in SQL, the browser
 * needs no JavaScript, and every state has a shareable URL.
 */
export async function DataTable<Row>({ caption, columns, rows, rowKey, total, query, pathname, searchParams = {}, empty }: Props<Row>) {
  const t = await getTranslations("table");
  const href = (changes: Partial<ListQuery>) => ({
    pathname,
    query: { ...searchParams, ...stringify({ ...query, ...changes }) },
  });
  const pages = pageCount(total, query.pageSize);

  return (
    <>
      <TableWrap label={caption}>
        <table className="responsive">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => {
                const sorted = query.sort === c.key;
                return (
                  <th key={c.key} scope="col" aria-sort={sorted ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
                    {c.sortable ? (
                      <Link href={href({ sort: c.key, dir: sorted && query.dir === "asc" ? "desc" : "asc", page: 1 })}>
                        {c.header}
                        <span className="visually-hidden">
                          {" "}
                          ({sorted && query.dir === "asc" ? t("sortDescending") : t("sortAscending")})
                        </span>
                      </Link>
                    ) : (
                      c.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length}>{empty}</td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={rowKey(row)}>
                  {columns.map((c) => (
                    <td key={c.key} data-label={c.header}>
                      {c.cell(row)}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </TableWrap>
      {pages > 1 && (
        <nav className="pagination" aria-label={t("pagination")}>
          <p>{t("pageOf", { page: query.page, pages, total })}</p>
          <ul>
            {query.page > 1 && (
              <li>
                <Link href={href({ page: query.page - 1 })} rel="prev">
                  {t("previous")}
                </Link>
              </li>
            )}
            {pageWindow(query.page, pages).map((n, i) =>
              n === "gap" ? (
                <li key={`gap-${i}`} aria-hidden="true">
                  …
                </li>
              ) : (
                <li key={n}>
                  {n === query.page ? (
                    <span aria-current="page">{n}</span>
                  ) : (
                    <Link href={href({ page: n })} aria-label={t("goToPage", { page: n })}>
                      {n}
                    </Link>
                  )}
                </li>
              ),
            )}
            {query.page < pages && (
              <li>
                <Link href={href({ page: query.page + 1 })} rel="next">
                  {t("next")}
                </Link>
              </li>
            )}
          </ul>
        </nav>
      )}
    </>
  );
}

function stringify(q: ListQuery): Record<string, string> {
  return { page: String(q.page), sort: q.sort, dir: q.dir };
}
