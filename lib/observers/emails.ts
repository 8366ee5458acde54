import { createTranslator } from "next-intl";
import type { DecisionReason } from "@/lib/accreditation/vocabulary";
import { renderEmail } from "@/lib/email/render";
import { emailTranslator } from "@/lib/email/translator";
import { getEnv } from "@/lib/env";
import { formatInstant } from "@/lib/i18n/format";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import tk from "@/messages/tk.json";

type Locale = "tk" | "ru" | "en";
const messages = { tk, ru, en } as const;
const observerTranslator = (locale: Locale) => createTranslator({ locale, messages: messages[locale], namespace: "observerAccess.email" });

/** The coordinator's invitation to an observer to complete their own record, in the language the coordinator chose. */
export function observerInvitationEmail(
  locale: Locale,
  invitation: { observerName: string; organizationName: string; electionTitle: string; url: string; expiresAt: Date },
) {
  const t = observerTranslator(locale);
  const common = emailTranslator(locale);
  return renderEmail(
    {
      subject: t("invitationSubject", { election: invitation.electionTitle }),
      greeting: common("greeting"),
      paragraphs: [
        t("invitationBody", { name: invitation.observerName, organization: invitation.organizationName, election: invitation.electionTitle }),
        t("invitationExpiry", { date: formatInstant(invitation.expiresAt, locale) }),
        t("invitationIgnore"),
      ],
      action: { label: t("invitationAction"), url: invitation.url },
      footer: common("footer"),
    },
    locale,
  );
}

/** What the commission decided about the observer, as the observer is told. */
export type ObserverDecisionNews = { kind: "accredited"; accreditationNumber: string } | { kind: "refused" | "revoked"; reasonCode: DecisionReason; reason: string };

export function observerDecisionEmail(locale: Locale, news: ObserverDecisionNews & { electionTitle: string }) {
  const t = observerTranslator(locale);
  const common = emailTranslator(locale);
  const paragraphs =
    news.kind === "accredited"
      ? [t("accreditedBody", { election: news.electionTitle, number: news.accreditationNumber })]
      : [
          t(news.kind === "refused" ? "refusedBody" : "revokedBody", { election: news.electionTitle }),
          t("reason", { reason: `${common(`decision.reasons.${news.reasonCode}`)}. ${news.reason}` }),
        ];
  return renderEmail(
    {
      subject: t(`subjects.${news.kind}`, { election: news.electionTitle }),
      greeting: common("greeting"),
      paragraphs,
      action: { label: t("decisionAction"), url: new URL(`/${locale}/me`, getEnv().SITE_URL).toString() },
      footer: common("footer"),
    },
    locale,
  );
}
