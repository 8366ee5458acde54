import { getEnv } from "@/lib/env";
import { formatDay } from "@/lib/i18n/format";
import { renderEmail } from "../render";
import { emailTranslator } from "../translator";

type Locale = "tk" | "ru" | "en";

export type SubmissionSummary = {
  missionName: string;
  electionTitle: string;
  /** 1 for the first submission; a resubmission has a higher number. */
  number: number;
  observers: number;
  decisionDueOn: string;
  missionId: string;
};

const applicationUrl = (locale: Locale, path: string) => new URL(`/${locale}${path}`, getEnv().SITE_URL).toString();

/** The coordinator's receipt: what the commission received and by when it decides. */
export function applicationReceiptEmail(locale: Locale, submission: SubmissionSummary) {
  const t = emailTranslator(locale);
  const facts = { mission: submission.missionName, election: submission.electionTitle, count: submission.observers, number: submission.number };
  return renderEmail(
    {
      subject: t("applicationReceipt.subject", { election: submission.electionTitle }),
      greeting: t("greeting"),
      paragraphs: [t("applicationReceipt.body", facts), t("applicationReceipt.due", { date: formatDay(submission.decisionDueOn, locale) })],
      action: { label: t("applicationReceipt.action"), url: applicationUrl(locale, `/portal/applications/${submission.missionId}`) },
      footer: t("footer"),
    },
    locale,
  );
}

/** The commission's notice of a new submission, for the reviewers' queue. */
export function applicationNoticeEmail(locale: Locale, submission: SubmissionSummary) {
  const t = emailTranslator(locale);
  const facts = { mission: submission.missionName, election: submission.electionTitle, count: submission.observers, number: submission.number };
  return renderEmail(
    {
      subject: t("applicationNotice.subject", { mission: submission.missionName }),
      greeting: t("greeting"),
      paragraphs: [t("applicationNotice.body", facts), t("applicationNotice.due", { date: formatDay(submission.decisionDueOn, locale) })],
      footer: t("footer"),
    },
    locale,
  );
}
