import { hasLocale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { routing } from "@/i18n/routing";
import { cachedStatementFeed } from "@/lib/statements/cache";
import { statementsAtom } from "@/lib/statements/feed";
import { feedQueryOf, filtersOf, paramsOf } from "@/lib/statements/filters";

export const dynamic = "force-dynamic";

/**
 * Atom feeds of public statements, with the statements list's filters: all (`/api/feeds/statements`),
 * of one election (`?election=CODE`), of organizations (`?organization=` an acronym or words of a
 * name), of a kind (`?kind=final`), with a text in a language (`?language=ru`), matching search
 * words (`?q=`); in `?locale=` (Turkmen by default). The newest 20. An invalid filter is no filter,
 * as in the list.
 */
export async function GET(request: Request) {
  const search = new URL(request.url).searchParams;
  const unverifiedLocale = search.get("locale");
  const locale = hasLocale(routing.locales, unverifiedLocale) ? unverifiedLocale : routing.defaultLocale;
  const { filters } = filtersOf(paramsOf(search));
  const { election, organization } = filters;
  const [{ rows }, t, words, layout] = await Promise.all([
    cachedStatementFeed(locale, filters),
    getTranslations({ locale, namespace: "publicStatements" }),
    getTranslations({ locale, namespace: "statements" }),
    getTranslations({ locale, namespace: "layout" }),
  ]);
  // Words may name several organizations: the feed is named by one only when it is one.
  const oneOrganization = rows.length > 0 && rows.every((r) => r.acronym === rows[0]!.acronym) ? rows[0]!.organization[locale] : organization;
  const name = election && rows[0] ? rows[0].election.titles[locale] : organization ? oneOrganization : null;
  const xml = statementsAtom(locale, rows, {
    title: name ? t("feedTitleOf", { name }) : t("feedTitle"),
    selfPath: `/api/feeds/statements?${feedQueryOf(locale, filters).toString()}`,
    rights: t("feedRights", { commission: layout("commissionName") }),
    kindLabel: (kind) => words(`kinds.${kind}`),
    now: new Date(),
  });
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=30" } });
}
