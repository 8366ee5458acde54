import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";

export default async function Forbidden() {
  const t = await getTranslations("errors");
  return (
    <>
      <title>{t("forbiddenTitle")}</title>
      <h1>{t("forbiddenTitle")}</h1>
      <p>{t("forbiddenBody")}</p>
      <p>
        <Link href="/">{t("backHome")}</Link>
      </p>
    </>
  );
}
