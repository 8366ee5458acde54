import { getLocale, getTranslations } from "next-intl/server";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Link } from "@/i18n/navigation";
import { localeOf } from "@/lib/i18n/locale";
import { pageMetadata } from "@/lib/i18n/metadata";
import { signOutEverywhereAction } from "@/lib/identity/actions";
import { getEmailLanguage } from "@/lib/identity/email-language";
import { requireSignedIn } from "@/lib/identity/session";
import { ChangePasswordForm } from "./change-password-form";
import { EmailLanguageForm } from "./email-language-form";

export const generateMetadata = pageMetadata("account", "title", "/account");

/** The signed-in user's own account: the language of their emails, second factor, password, sessions on every device. */
export default async function AccountPage({ params }: PageProps<"/[locale]/account">) {
  const locale = await localeOf(params);
  const actor = await requireSignedIn(locale, "/account");
  const [t, currentLocale, emailLanguage] = await Promise.all([getTranslations("account"), getLocale(), getEmailLanguage(actor)]);
  return (
    <>
      <h1>{t("title")}</h1>
      <dl className="summary-list">
        <dt>{t("name")}</dt>
        <dd>{actor.name}</dd>
        <dt>{t("email")}</dt>
        <dd>{actor.email}</dd>
        <dt>{t("secondFactor")}</dt>
        <dd>
          {actor.totpEnabled ? (
            t("secondFactorOn")
          ) : (
            <>
              {t("secondFactorOff")} <Link href="/two-factor/setup">{t("enableSecondFactor")}</Link>
            </>
          )}
        </dd>
      </dl>
      <h2>{t("emailLanguageTitle")}</h2>
      <EmailLanguageForm current={emailLanguage} />
      <h2>{t("passwordTitle")}</h2>
      <ChangePasswordForm email={actor.email} />
      <h2>{t("sessionsTitle")}</h2>
      <p>{t("sessionsLead")}</p>
      <form action={signOutEverywhereAction}>
        <input type="hidden" name="locale" value={currentLocale} />
        <ConfirmDialog
          trigger={t("signOutEverywhere")}
          triggerClassName="button button--secondary"
          title={t("signOutEverywhereConfirmTitle")}
          body={t("signOutEverywhereConfirmBody")}
          confirmLabel={t("signOutEverywhere")}
          cancelLabel={t("cancel")}
        />
      </form>
    </>
  );
}
