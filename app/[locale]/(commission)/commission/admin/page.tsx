import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { localeOf } from "@/lib/i18n/locale";
import { pageMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";

export const generateMetadata = pageMetadata("admin", "title", "/commission/admin");

const sections = ["organizations", "elections", "meetings", "staff", "coordinators", "invitations", "outbox", "audit"] as const;

/** The administrator's index: one entry per thing the commission administers. */
export default async function AdministrationPage({ params }: PageProps<"/[locale]/commission/admin">) {
  const locale = await localeOf(params);
  await requirePermission("manage:organizations", locale, "/commission/admin");
  const t = await getTranslations("admin");
  return (
    <>
      <h1>{t("title")}</h1>
      <ul className="section-list">
        {sections.map((section) => (
          <li key={section}>
            <Link href={`/commission/admin/${section}`}>{t(`sections.${section}.title`)}</Link>
            <p>{t(`sections.${section}.description`)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
