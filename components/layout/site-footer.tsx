import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("layout");
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t("footerCommission")}</p>
        <p>{t("footerTimeZone")}</p>
      </div>
    </footer>
  );
}
