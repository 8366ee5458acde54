import { getTranslations } from "next-intl/server";
import { renderStatementMarkdown } from "@/lib/statements/markdown";
import type { OriginalLanguage } from "@/lib/statements/vocabulary";

type Text = { language: OriginalLanguage; isOriginal: boolean; title: string; body: string };

/**
 * A statement's words rendered from Markdown without raw HTML (lib/statements/markdown.ts), each
 * marked as the official original or a translation. `headingLevel` fits the page around it (null: the page's own h1 says the title).
 */
export async function StatementText({ text, otherLanguageName, headingLevel = 2 }: { text: Text; otherLanguageName: string | null; headingLevel?: 2 | 3 | null }) {
  const t = await getTranslations("statements");
  const Heading = `h${headingLevel ?? 2}` as "h2" | "h3";
  const lang = text.language === "other" ? undefined : text.language;
  const languageName = text.language === "other" ? (otherLanguageName ?? t("languages.other")) : t(`languages.${text.language}`);
  const html = renderStatementMarkdown(text.body, (n) => t("paragraphLink", { n }));
  return (
    <article className="statement-text">
      {headingLevel !== null && <Heading lang={lang}>{text.title}</Heading>}
      <p className="statement-text__marker">
        {text.isOriginal ? t("officialOriginal", { language: languageName }) : t("translationMarker", { language: languageName })}
      </p>
      {/* The HTML comes from markdown-it with raw HTML off and unsafe links dropped: nothing of the author's markup survives. */}
      <div className="statement-body" lang={lang} dangerouslySetInnerHTML={{ __html: html }} />
    </article>
  );
}

/** A version's words for the mission's and the commission's pages: every language, under one heading that names the version. */
export async function VersionWords({ version, texts, otherLanguageName }: { version: number; texts: Text[]; otherLanguageName: string | null }) {
  const t = await getTranslations("statements");
  return (
    <section aria-labelledby="words">
      <h2 id="words">{t("wordsHeading", { version })}</h2>
      {texts.map((text) => (
        <StatementText key={text.language} text={text} otherLanguageName={otherLanguageName} headingLevel={3} />
      ))}
    </section>
  );
}
