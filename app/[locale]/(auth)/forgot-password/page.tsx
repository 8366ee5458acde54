import { getTranslations } from "next-intl/server";
import { pageMetadata } from "@/lib/i18n/metadata";
import { ForgotPasswordForm } from "./forgot-password-form";

export const generateMetadata = pageMetadata("passwords", "forgotTitle", "/forgot-password");

export default async function ForgotPasswordPage() {
  const t = await getTranslations("passwords");
  return (
    <>
      <h1>{t("forgotTitle")}</h1>
      <p className="lead">{t("forgotLead")}</p>
      <ForgotPasswordForm />
    </>
  );
}
