import { StatementList } from "@/components/statements/statement-list";
import { localeOf } from "@/lib/i18n/locale";
import { pageMetadata } from "@/lib/i18n/metadata";
import { filtersOf } from "@/lib/statements/filters";

export const generateMetadata = pageMetadata("publicStatements", "listTitle", "/statements");

/** The statements list with filters, a search or a later page: per request (the plain list is ./latest, cached). */
export default async function StatementsPage({ params, searchParams }: PageProps<"/[locale]/statements">) {
  const locale = await localeOf(params);
  const { filters, page } = filtersOf(await searchParams);
  return <StatementList locale={locale} filters={filters} page={page} />;
}
