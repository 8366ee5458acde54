import { getEnv } from "@/lib/env";
import { formatInstant } from "@/lib/i18n/format";
import { renderEmail } from "../render";
import { emailTranslator } from "../translator";

type Locale = "tk" | "ru" | "en";

/** The mission's coordinators hear that the commission published (or scheduled) their statement. */
export function statementPublishedEmail(locale: Locale, news: { statementId: string; title: string; version: number; publishedAt: Date; scheduled: boolean; sha256: string }) {
  const t = emailTranslator(locale);
  const facts = { title: news.title, version: news.version, time: formatInstant(news.publishedAt, locale) };
  return renderEmail(
    {
      subject: t(news.scheduled ? "statement.subjectScheduled" : "statement.subjectPublished", facts),
      greeting: t("greeting"),
      paragraphs: [t(news.scheduled ? "statement.scheduled" : "statement.published", facts), t("statement.hash", { sha256: news.sha256 })],
      action: { label: t("statement.action"), url: new URL(`/${locale}/statements/${news.statementId}`, getEnv().SITE_URL).toString() },
      footer: t("footer"),
    },
    locale,
  );
}
