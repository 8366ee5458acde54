import { formatInstant } from "@/lib/i18n/format";
import { renderEmail } from "../render";
import { emailTranslator } from "../translator";

type Locale = "tk" | "ru" | "en";

/** The invitation to a mission coordinator or a staff member, in the language the admin chose. */
export function invitationEmail(
  locale: Locale,
  invitation: { inviterName: string; organizationName: string | null; role: "coordinator" | "reviewer" | "admin"; url: string; expiresAt: Date },
) {
  const t = emailTranslator(locale);
  const body =
    invitation.role === "coordinator"
      ? t("invitation.bodyCoordinator", { inviter: invitation.inviterName, organization: invitation.organizationName ?? "" })
      : t("invitation.bodyStaff", { inviter: invitation.inviterName, role: t(`roles.${invitation.role}`) });
  return renderEmail(
    {
      subject: t("invitation.subject"),
      greeting: t("greeting"),
      paragraphs: [body, t("invitation.expiry", { date: formatInstant(invitation.expiresAt, locale) }), t("invitation.ignore")],
      action: { label: t("invitation.action"), url: invitation.url },
      footer: t("footer"),
    },
    locale,
  );
}
