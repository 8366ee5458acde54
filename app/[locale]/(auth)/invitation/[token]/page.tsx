import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { MessagePage } from "@/components/layout/message-page";
import { localeOf } from "@/lib/i18n/locale";
import { formatInstant } from "@/lib/i18n/format";
import { findInvitation } from "@/lib/identity/invitations";
import { lookUpEmailedLink } from "@/lib/identity/rate-limit";
import { clientIp } from "@/lib/request-context";
import { AcceptForm } from "./accept-form";

export async function generateMetadata() {
  const t = await getTranslations("invitation");
  // The token stays out of canonical links and alternates.
  return { title: t("title"), robots: { index: false } };
}

/** An invitee follows the emailed link: a form while the invitation is pending, an explanation otherwise. */
export default async function InvitationPage({ params }: PageProps<"/[locale]/invitation/[token]">) {
  const locale = await localeOf(params);
  const { token } = await params;
  const t = await getTranslations("invitation");
  const lookup = await lookUpEmailedLink(await clientIp(), () => findInvitation(token), (found) => found.status === "pending");
  if (lookup.limited) return <MessagePage title={t("title")} body={t("tooManyAttempts")} />;
  const invitation = lookup.found;
  if (!invitation) notFound();
  if (invitation.status !== "pending") {
    return <MessagePage title={t(`${invitation.status}.title`)} body={t(`${invitation.status}.body`)} />;
  }
  const what =
    invitation.role === "coordinator"
      ? t("forOrganization", { organization: invitation.organization?.[locale] ?? "" })
      : t("forStaff", { role: t(`roles.${invitation.role as "reviewer" | "admin"}`) });
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{what}</p>
      <dl className="summary-list">
        <dt>{t("email")}</dt>
        <dd>{invitation.email}</dd>
        <dt>{t("validUntil")}</dt>
        <dd>{formatInstant(invitation.expiresAt, locale)}</dd>
      </dl>
      <AcceptForm token={token} email={invitation.email} locale={locale} />
    </>
  );
}
