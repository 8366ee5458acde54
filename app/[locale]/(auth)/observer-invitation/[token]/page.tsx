import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { MessagePage } from "@/components/layout/message-page";
import { formatInstant } from "@/lib/i18n/format";
import { localeOf } from "@/lib/i18n/locale";
import { lookUpEmailedLink } from "@/lib/identity/rate-limit";
import { openObserverInvitation } from "@/lib/observers/invitations";
import { clientIp } from "@/lib/request-context";
import { ExistingAccountForm, NewAccountForm } from "./observer-account-forms";

export async function generateMetadata() {
  const t = await getTranslations("observerAccess.invitation");
  // The token stays out of canonical links and alternates.
  return { title: t("title"), robots: { index: false } };
}

/**
 * An observer follows the coordinator's link: a password for a new account, the password of an
 * existing one, or a clear page when the link was used, revoked or has expired.
 */
export default async function ObserverInvitationPage({ params }: PageProps<"/[locale]/observer-invitation/[token]">) {
  const locale = await localeOf(params);
  const { token } = await params;
  const t = await getTranslations("observerAccess.invitation");
  const lookup = await lookUpEmailedLink(await clientIp(), () => openObserverInvitation(token), (found) => found.usable);
  if (lookup.limited) return <MessagePage title={t("title")} body={t("tooManyAttempts")} />;
  const invitation = lookup.found;
  if (!invitation) notFound();
  if (!invitation.usable) return <MessagePage title={t(`${invitation.reason}.title`)} body={t(`${invitation.reason}.body`)} />;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead", { organization: invitation.organization[locale], election: invitation.election[locale] })}</p>
      <dl className="summary-list">
        <dt>{t("email")}</dt>
        <dd>{invitation.email}</dd>
        <dt>{t("validUntil")}</dt>
        <dd>{formatInstant(invitation.expiresAt, locale)}</dd>
      </dl>
      {invitation.account === "other" ? (
        <p className="notice notice--error">{t("otherRole")}</p>
      ) : invitation.account === "observer" ? (
        <>
          <p>{t("existingLead")}</p>
          <ExistingAccountForm token={token} locale={locale} />
        </>
      ) : (
        <>
          <p>{t("newAccountLead")}</p>
          <NewAccountForm token={token} email={invitation.email} locale={locale} />
        </>
      )}
    </>
  );
}
