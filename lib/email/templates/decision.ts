import { getEnv } from "@/lib/env";
import type { DecisionReason } from "@/lib/accreditation/vocabulary";
import { renderEmail } from "../render";
import { emailTranslator } from "../translator";

type Locale = "tk" | "ru" | "en";

/** What the commission decided, as the coordinators are told. */
export type DecisionNews =
  | { kind: "changesRequested"; comment: string }
  | { kind: "approved"; accredited: number }
  | { kind: "rejected"; reason: string }
  | { kind: "accredited"; count: number }
  | { kind: "refused" | "revoked"; count: number; reasonCode: DecisionReason; reason: string }
  /** A corrected name or photo: the badge was signed anew and the printed one no longer verifies. */
  | { kind: "badgeReissued"; observer: string; accreditationNumber: string }
  /** The coordinator withdrew an accredited observer: the badge stopped verifying. */
  | { kind: "badgeWithdrawn"; observer: string; accreditationNumber: string };

type Context = { missionId: string; missionName: string; electionTitle: string };

/** One email for every decision (and every change to a badge), in the coordinator's language, with a link to the application. */
export function decisionEmail(locale: Locale, news: DecisionNews & Context) {
  const t = emailTranslator(locale);
  const facts = { mission: news.missionName, election: news.electionTitle };
  const paragraphs = (() => {
    switch (news.kind) {
      case "changesRequested":
        return [t("decision.changesRequested", facts), t("decision.comment", { comment: news.comment })];
      case "approved":
        return [t("decision.approved", { ...facts, count: news.accredited })];
      case "rejected":
        return [t("decision.rejected", facts), t("decision.reason", { reason: news.reason })];
      case "accredited":
        return [t("decision.accredited", { ...facts, count: news.count })];
      case "badgeReissued":
      case "badgeWithdrawn":
        return [t(`decision.${news.kind}`, { ...facts, observer: news.observer, number: news.accreditationNumber })];
      case "refused":
      case "revoked":
        return [
          t(news.kind === "refused" ? "decision.refused" : "decision.revoked", { ...facts, count: news.count }),
          t("decision.reason", { reason: `${t(`decision.reasons.${news.reasonCode}`)}. ${news.reason}` }),
        ];
    }
  })();
  return renderEmail(
    {
      subject: t(`decision.subjects.${news.kind}`, facts),
      greeting: t("greeting"),
      paragraphs: [...paragraphs, t("decision.details")],
      action: { label: t("decision.action"), url: new URL(`/${locale}/portal/applications/${news.missionId}`, getEnv().SITE_URL).toString() },
      footer: t("footer"),
    },
    locale,
  );
}
