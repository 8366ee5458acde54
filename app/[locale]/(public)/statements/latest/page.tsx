import { StatementList } from "@/components/statements/statement-list";
import { localeOf } from "@/lib/i18n/locale";
import { pageMetadata } from "@/lib/i18n/metadata";
import { renderedOnFirstRequest } from "@/lib/public/static-params";

export const generateStaticParams = renderedOnFirstRequest;
// Statements whose embargo passes appear here within seconds, with no publication to refresh the cache.
export const revalidate = 10;

export const generateMetadata = pageMetadata("publicStatements", "listTitle", "/statements");

/**
 * The statements list without filters, alike for every reader and so a cached page: next.config.ts
 * serves /statements from here when it has none of the list's parameters.
 */
export default async function LatestStatementsPage({ params }: PageProps<"/[locale]/statements/latest">) {
  const locale = await localeOf(params);
  return <StatementList locale={locale} filters={{}} page={1} />;
}
