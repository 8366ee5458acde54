import { hasLocale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { routing } from "@/i18n/routing";
import { isUuid } from "@/lib/accreditation/scope";
import { cachedStatementPage } from "@/lib/statements/cache";
import { statementsAtom } from "@/lib/statements/feed";

export const dynamic = "force-dynamic";

/**
 * Atom feeds of public statements: all (`/api/feeds/statements`), of one election (`?election=CODE`)
 * or of one organization (`?organization=ID`), in `?locale=` (Turkmen by default). The newest 20.
 */
export async function GET(request: Request) {
  const search = new URL(request.url).searchParams;
  const unverifiedLocale = search.get("locale");
  const locale = hasLocale(routing.locales, unverifiedLocale) ? unverifiedLocale : routing.defaultLocale;
  const election = search.get("election") ?? "";
  const organization = search.get("organization") ?? "";
  if (election && !/^[A-Za-z0-9-]{1,16}$/.test(election)) return new Response("Not found", { status: 404 });
  if (organization && !isUuid(organization)) return new Response("Not found", { status: 404 });
  const filters = { ...(election ? { election: election.toUpperCase() } : {}), ...(organization ? { organization } : {}) };
  const [{ rows }, t, words] = await Promise.all([
    cachedStatementPage(locale, filters, 1),
    getTranslations({ locale, namespace: "publicStatements" }),
    getTranslations({ locale, namespace: "statements" }),
  ]);
  const name = election && rows[0] ? rows[0].election.titles[locale] : organization && rows[0] ? rows[0].organization[locale] : null;
  const query = new URLSearchParams({ locale, ...(election ? { election: election.toUpperCase() } : {}), ...(organization ? { organization } : {}) });
  const xml = statementsAtom(locale, rows, {
    title: name ? t("feedTitleOf", { name }) : t("feedTitle"),
    selfPath: `/api/feeds/statements?${query.toString()}`,
    kindLabel: (kind) => words(`kinds.${kind}`),
  });
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=30" } });
}
