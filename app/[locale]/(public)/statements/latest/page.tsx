import { StatementList } from "@/components/statements/statement-list";
import { localeOf } from "@/lib/i18n/locale";
import { pageMetadata } from "@/lib/i18n/metadata";
import { renderedOnFirstRequest } from "@/lib/public/static-params";

export const generateStaticParams = renderedOnFirstRequest;
// Cached: a publication or a passing embargo refreshes it within seconds (the Server Action, or
// lib/statements/publication-watch.ts); the five minutes only bound a change another server process
// made. Shorter, every page read in the meantime would be rendered again each time, surge or not.
export const revalidate = 300;

export const generateMetadata = pageMetadata("publicStatements", "listTitle", "/statements");

/**
 * The statements list without filters, alike for every reader and so a cached page: next.config.ts
 * serves /statements from here when it has none of the list's parameters.
 */
export default async function LatestStatementsPage({ params }: PageProps<"/[locale]/statements/latest">) {
  const locale = await localeOf(params);
  return <StatementList locale={locale} filters={{}} page={1} />;
}
