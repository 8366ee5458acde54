import { getTranslations } from "next-intl/server";
import { Link, redirect } from "@/i18n/navigation";
import { pageMetadata } from "@/lib/i18n/metadata";
import { workspaceOf } from "@/lib/identity/permissions";
import { getActor } from "@/lib/identity/session";
import { SignInForm } from "./sign-in-form";
import { localeOf } from "@/lib/i18n/locale";

export const generateMetadata = pageMetadata("signIn", "title", "/sign-in");

export default async function SignInPage({ params, searchParams }: PageProps<"/[locale]/sign-in">) {
  const locale = await localeOf(params);
  const actor = await getActor();
  if (actor) redirect({ href: workspaceOf(actor.role), locale });
  const { next, expired, signedOutEverywhere, passwordReset } = await searchParams;
  const t = await getTranslations("signIn");
  return (
    <>
      <h1>{t("title")}</h1>
      {expired === "1" && <p className="notice" role="status">{t("challengeExpired")}</p>}
      {signedOutEverywhere === "1" && <p className="notice" role="status">{t("signedOutEverywhere")}</p>}
      {passwordReset === "1" && <p className="notice" role="status">{t("passwordReset")}</p>}
      <p className="lead">{t("lead")}</p>
      <SignInForm locale={locale} next={typeof next === "string" ? next : undefined} />
      <p>
        <Link href="/forgot-password">{t("forgotPassword")}</Link>
      </p>
    </>
  );
}
