import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { StatementAttachments } from "@/components/statements/statement-attachments";
import { StatementText } from "@/components/statements/statement-texts";
import { VersionHistory } from "@/components/statements/version-history";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { isUuid } from "@/lib/accreditation/scope";
import { getEnv } from "@/lib/env";
import { formatInstant } from "@/lib/i18n/format";
import { localeOf } from "@/lib/i18n/locale";
import { localizedMetadata } from "@/lib/i18n/metadata";
import { cachedPublicStatement } from "@/lib/statements/cache";
import { statementSummaryText } from "@/lib/statements/markdown";
import type { PublicStatementPage } from "@/lib/statements/public";
import { renderedOnFirstRequest } from "@/lib/public/static-params";
import { statementViewOf, statementViewPath } from "@/lib/statements/view";
import type { OriginalLanguage } from "@/lib/statements/vocabulary";

type Props = PageProps<"/[locale]/statements/[id]/[[...view]]">;

export const generateStaticParams = renderedOnFirstRequest;
// Cached: a publication or a passing embargo refreshes it within seconds (the Server Action, or
// lib/statements/publication-watch.ts); the five minutes only bound a change another server process
// made. Shorter, every page read in the meantime would be rendered again each time, surge or not.
export const revalidate = 300;

async function statementOf(params: Props["params"]) {
  const { id, view: segments } = await params;
  const view = statementViewOf(segments);
  const statement = view && isUuid(id) ? await cachedPublicStatement(id.toLowerCase(), view.version) : null;
  if (!view || !statement) notFound();
  return { statement, view };
}

/** The text to show: the one asked for, else the reader's language, else the original; and whether a translation was missing. */
function chooseText(statement: PublicStatementPage, locale: Locale, asked: OriginalLanguage | null) {
  const texts = statement.shown.texts;
  const original = texts.find((t) => t.isOriginal)!;
  const wanted = asked ?? locale;
  const text = texts.find((t) => t.language === wanted) ?? original;
  return { text, original, missing: text.language !== wanted ? wanted : null };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeOf(params);
  const { statement, view } = await statementOf(params);
  const { text } = chooseText(statement, locale, view.language);
  const path = `/statements/${statement.id}`;
  const description = statementSummaryText(text.body, 200);
  return {
    ...localizedMetadata(locale, path, text.title),
    description,
    openGraph: {
      type: "article",
      title: text.title,
      description,
      url: new URL(`/${locale}${path}`, getEnv().SITE_URL).toString(),
      locale,
      publishedTime: statement.versions.at(-1)!.publishedAt,
      modifiedTime: statement.versions[0]!.publishedAt,
      authors: [statement.organization[locale]],
    },
  };
}

/** A published statement: metadata, the words in the chosen language, attachments, every version with its hash. */
export default async function StatementPage({ params }: Props) {
  const locale = await localeOf(params);
  const { statement, view } = await statementOf(params);
  const [t, words] = await Promise.all([getTranslations("publicStatements"), getTranslations("statements")]);
  const { text, original, missing } = chooseText(statement, locale, view.language);
  const { shown } = statement;
  const languageName = (l: OriginalLanguage) => (l === "other" ? (shown.otherLanguageName ?? words("languages.other")) : words(`languages.${l}`));
  const latest = statement.versions[0]!.number;
  const inLanguage = (language: OriginalLanguage) => statementViewPath(statement.id, latest, { version: shown.number, language });
  return (
    <>
      <p className="statement-actions">
        <Link href="/statements">{t("backToList")}</Link>
      </p>
      <p className="statement-kind">{words(`kinds.${statement.kind}`)}</p>
      <h1 lang={text.language === "other" ? undefined : text.language}>{text.title}</h1>
      <dl className="summary-list statement-meta">
        <div>
          <dt>{t("organization")}</dt>
          <dd>
            {statement.organization[locale]} ({statement.organization.acronym}) · {statement.mission.name}
          </dd>
        </div>
        <div>
          <dt>{t("election")}</dt>
          <dd>
            <Link href={`/elections/${statement.election.code}`}>{statement.election.titles[locale]}</Link>
          </dd>
        </div>
        <div>
          <dt>{t("published")}</dt>
          <dd>
            <time dateTime={shown.publishedAt}>{formatInstant(new Date(shown.publishedAt), locale)}</time> · {words("versionLabel", { number: shown.number })}
          </dd>
        </div>
        <div>
          <dt>{t("originalLanguage")}</dt>
          <dd>{languageName(shown.originalLanguage)}</dd>
        </div>
      </dl>
      {shown.number !== statement.versions[0]!.number && (
        <p className="notice notice--warning">
          {t("olderVersion", { number: shown.number })} <Link href={`/statements/${statement.id}`}>{t("latestVersion")}</Link>
        </p>
      )}
      <nav aria-label={t("languagesLabel")} className="statement-actions statement-languages">
        <ul>
          {shown.texts.map((x) => (
            <li key={x.language}>
              {x.language === text.language ? (
                <span aria-current="true">{languageName(x.language)}</span>
              ) : (
                <Link href={inLanguage(x.language)} hrefLang={x.language === "other" ? undefined : x.language}>
                  {languageName(x.language)}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {missing && (
        <p className="notice">
          {t("translationMissing", { language: languageName(missing), original: languageName(original.language) })}
        </p>
      )}
      {!text.isOriginal && (
        <p className="notice">
          {t("translationNotice")}{" "}
          <Link href={inLanguage(original.language)}>{t("readOriginal", { language: languageName(original.language) })}</Link>
        </p>
      )}
      <StatementText text={text} otherLanguageName={shown.otherLanguageName} headingLevel={null} />
      <StatementAttachments attachments={shown.attachments} />
      <VersionHistory versions={statement.versions} link={(n) => `/${locale}${statementViewPath(statement.id, latest, { version: n, language: null })}`} />
    </>
  );
}
