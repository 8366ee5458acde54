import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { localeOf } from "@/lib/i18n/locale";
import { pageMetadata } from "@/lib/i18n/metadata";
import { SecondFactorForm } from "./second-factor-form";

export const generateMetadata = pageMetadata("twoFactor", "title", "/sign-in/two-factor");

/** The second step of a staff sign-in: a code from the authenticator app or a recovery code. */
export default async function SecondFactorPage({ params, searchParams }: PageProps<"/[locale]/sign-in/two-factor">) {
  const locale = await localeOf(params);
  const { next } = await searchParams;
  const t = await getTranslations("twoFactor");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <SecondFactorForm locale={locale} next={typeof next === "string" ? next : undefined} />
      <p>
        <Link href="/sign-in">{t("startAgain")}</Link>
      </p>
    </>
  );
}
