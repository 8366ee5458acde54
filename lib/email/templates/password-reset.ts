import { formatInstant } from "@/lib/i18n/format";
import { renderEmail } from "../render";
import { emailTranslator } from "../translator";

/** The password-reset link, in the account's preferred language. */
export function passwordResetEmail(locale: "tk" | "ru" | "en", reset: { url: string; expiresAt: Date }) {
  const t = emailTranslator(locale);
  return renderEmail(
    {
      subject: t("passwordReset.subject"),
      greeting: t("greeting"),
      paragraphs: [t("passwordReset.body"), t("passwordReset.expiry", { date: formatInstant(reset.expiresAt, locale) }), t("passwordReset.ignore")],
      action: { label: t("passwordReset.action"), url: reset.url },
      footer: t("footer"),
    },
    locale,
  );
}
