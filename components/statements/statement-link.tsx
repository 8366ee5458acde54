import type { Locale } from "@/i18n/routing";
import type { PublicStatementSummary } from "@/lib/statements/public";

/**
 * A statement's title in a list, as a plain link: the statement's page is cached whole, so moving
 * to it in the browser's router gains nothing, while a router link would repeat its props in the
 * page's payload once for every statement listed.
 */
export function StatementLink({ statement, locale }: { statement: Pick<PublicStatementSummary, "id" | "title" | "titleLanguage">; locale: Locale }) {
  return (
    <a href={`/${locale}/statements/${statement.id}`} lang={statement.titleLanguage === "other" ? undefined : statement.titleLanguage}>
      {statement.title}
    </a>
  );
}
