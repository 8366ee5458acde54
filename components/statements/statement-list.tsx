import { getTranslations } from "next-intl/server";
import { StatementLink } from "@/components/statements/statement-link";
import { StatementSnippet } from "@/components/statements/snippet";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { formatInstant } from "@/lib/i18n/format";
import { pageCount, pageWindow } from "@/lib/listing";
import { cachedStatementElections, cachedStatementPage, PUBLIC_PAGE_SIZE } from "@/lib/statements/cache";
import { feedQueryOf } from "@/lib/statements/filters";
import type { StatementFilters } from "@/lib/statements/public";
import { originalLanguages, statementKinds } from "@/lib/statements/vocabulary";

/** Published statements: filters, full-text search with highlighted passages, pages by links. */
export async function StatementList({ locale, filters, page }: { locale: Locale; filters: StatementFilters; page: number }) {
  const [t, words, table, elections, { rows, total, totalCapped }] = await Promise.all([
    getTranslations("publicStatements"),
    getTranslations("statements"),
    getTranslations("table"),
    cachedStatementElections(),
    cachedStatementPage(locale, filters, page),
  ]);
  const pages = pageCount(total, PUBLIC_PAGE_SIZE);
  const href = (n: number) => ({ pathname: "/statements", query: { ...filters, page: n } });
  return (
    <>
      <h1>{t("listTitle")}</h1>
      <p className="lead">{t("listLead")}</p>
      <form method="get" className="form filters" role="search" aria-label={t("searchLabel")}>
        <div className="field">
          <label htmlFor="q">{t("search")}</label>
          <input id="q" name="q" type="search" defaultValue={filters.q ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="election">{t("election")}</label>
          <select id="election" name="election" defaultValue={filters.election ?? ""}>
            <option value="">{t("any")}</option>
            {elections.map((e) => (
              <option key={e.code} value={e.code}>
                {e.titles[locale]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          {/* Typed, not chosen from a list: with hundreds of missions a list would be most of the page. */}
          <label htmlFor="organization">{t("organization")}</label>
          <p className="field__hint" id="organization-hint">
            {t("organizationHint")}
          </p>
          <input id="organization" name="organization" type="text" maxLength={100} defaultValue={filters.organization ?? ""} aria-describedby="organization-hint" />
        </div>
        <div className="field">
          <label htmlFor="kind">{t("kind")}</label>
          <select id="kind" name="kind" defaultValue={filters.kind ?? ""}>
            <option value="">{t("any")}</option>
            {statementKinds.map((k) => (
              <option key={k} value={k}>
                {words(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="language">{t("language")}</label>
          <select id="language" name="language" defaultValue={filters.language ?? ""}>
            <option value="">{t("any")}</option>
            {originalLanguages.map((l) => (
              <option key={l} value={l}>
                {words(`languages.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form__actions">
          <button type="submit" className="button">
            {t("apply")}
          </button>
        </div>
      </form>
      <p role="status">{totalCapped ? t("resultCountCapped", { count: total }) : t("resultCount", { count: total })}</p>
      {page > pages ? (
        // An old link or a typed address past the end: say so and offer the last page, not an empty list.
        <p className="notice">
          {table("pageOutOfRange", { page, pages })} <Link href={href(pages)}>{table("toLastPage", { pages })}</Link>
        </p>
      ) : (
        <>
          <ol className="statement-list">
            {rows.map((s) => (
              <li key={s.id}>
                <h2>
                  <StatementLink statement={s} locale={locale} />
                </h2>
                <p className="statement-list__meta">
                  {`${words(`kinds.${s.kind}`)} · ${s.organization[locale]} · ${s.election.titles[locale]} · `}
                  <time dateTime={s.publishedAt}>{formatInstant(new Date(s.publishedAt), locale)}</time>
                  {s.version > 1 && ` · ${words("versionLabel", { number: s.version })}`}
                </p>
                {s.snippet && <StatementSnippet snippet={s.snippet} />}
              </li>
            ))}
          </ol>
          {pages > 1 && (
            <nav className="pagination" aria-label={table("pagination")}>
              <p>{totalCapped ? table("pageOfMany", { page, pages }) : table("pageOf", { page, pages, total })}</p>
              <ul>
                {page > 1 && (
                  <li>
                    <Link href={href(page - 1)} rel="prev">
                      {table("previous")}
                    </Link>
                  </li>
                )}
                {pageWindow(page, pages).map((n, i) =>
                  n === "gap" ? (
                    <li key={`gap-${i}`} aria-hidden="true">
                      …
                    </li>
                  ) : (
                    <li key={n}>
                      {n === page ? (
                        <span aria-current="page">{n}</span>
                      ) : (
                        <Link href={href(n)} aria-label={table("goToPage", { page: n })}>
                          {n}
                        </Link>
                      )}
                    </li>
                  ),
                )}
                {page < pages && (
                  <li>
                    <Link href={href(page + 1)} rel="next">
                      {table("next")}
                    </Link>
                  </li>
                )}
              </ul>
            </nav>
          )}
        </>
      )}
      <p>
        <a href={`/api/feeds/statements?${feedQueryOf(locale, filters).toString()}`} type="application/atom+xml">
          {t("subscribe")}
        </a>
      </p>
    </>
  );
}
