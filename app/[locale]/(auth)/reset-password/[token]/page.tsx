import { getTranslations } from "next-intl/server";
import { MessagePage } from "@/components/layout/message-page";
import { localeOf } from "@/lib/i18n/locale";
import { findPasswordReset } from "@/lib/identity/password-reset";
import { ResetPasswordForm } from "./reset-password-form";

export async function generateMetadata() {
  const t = await getTranslations("passwords");
  return { title: t("resetTitle"), robots: { index: false } };
}

export default async function ResetPasswordPage({ params }: PageProps<"/[locale]/reset-password/[token]">) {
  const locale = await localeOf(params);
  const { token } = await params;
  const t = await getTranslations("passwords");
  const link = await findPasswordReset(token);
  if (link.status !== "valid") return <MessagePage title={t(`link.${link.status}.title`)} body={t(`link.${link.status}.body`)} />;
  return (
    <>
      <h1>{t("resetTitle")}</h1>
      <p className="lead">{t("resetLead", { email: link.email! })}</p>
      <ResetPasswordForm token={token} email={link.email!} locale={locale} />
    </>
  );
}
