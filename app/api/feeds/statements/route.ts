import { hasLocale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { routing } from "@/i18n/routing";
import { cachedStatementPage, FEED_SIZE } from "@/lib/statements/cache";
import { statementsAtom } from "@/lib/statements/feed";

export const dynamic = "force-dynamic";

/**
 * Atom feeds of public statements: all (`/api/feeds/statements`), of one election (`?election=CODE`)
 * or of organizations (`?organization=` an acronym or words of a name, as the list's filter), in
 * `?locale=` (Turkmen by default). The newest 20.
 */
export async function GET(request: Request) {
  const search = new URL(request.url).searchParams;
  const unverifiedLocale = search.get("locale");
  const locale = hasLocale(routing.locales, unverifiedLocale) ? unverifiedLocale : routing.defaultLocale;
  const election = search.get("election") ?? "";
  const organization = (search.get("organization") ?? "").trim();
  if (election && !/^[A-Za-z0-9-]{1,16}$/.test(election)) return new Response("Not found", { status: 404 });
  if (organization.length > 100) return new Response("Not found", { status: 404 });
  const filters = { ...(election ? { election: election.toUpperCase() } : {}), ...(organization ? { organization } : {}) };
  const [{ rows }, t, words, layout] = await Promise.all([
    cachedStatementPage(locale, filters, 1, FEED_SIZE),
    getTranslations({ locale, namespace: "publicStatements" }),
    getTranslations({ locale, namespace: "statements" }),
    getTranslations({ locale, namespace: "layout" }),
  ]);
  // Words may name several organizations: the feed is named by one only when it is one.
  const oneOrganization = rows.length > 0 && rows.every((r) => r.acronym === rows[0]!.acronym) ? rows[0]!.organization[locale] : organization;
  const name = election && rows[0] ? rows[0].election.titles[locale] : organization ? oneOrganization : null;
  const query = new URLSearchParams({ locale, ...(election ? { election: election.toUpperCase() } : {}), ...(organization ? { organization } : {}) });
  const xml = statementsAtom(locale, rows, {
    title: name ? t("feedTitleOf", { name }) : t("feedTitle"),
    selfPath: `/api/feeds/statements?${query.toString()}`,
    rights: t("feedRights", { commission: layout("commissionName") }),
    kindLabel: (kind) => words(`kinds.${kind}`),
    now: new Date(),
  });
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=30" } });
}
