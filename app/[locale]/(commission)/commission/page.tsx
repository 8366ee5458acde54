import { getTranslations } from "next-intl/server";
import { WorkspaceSummary } from "@/components/layout/workspace-summary";
import { pageMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";
import { localeOf } from "@/lib/i18n/locale";

export const generateMetadata = pageMetadata("workspace", "commissionTitle", "/commission");

/** The commission staff's workspace: the review queue, scheduling, publishing and administration. */
export default async function CommissionWorkspacePage({ params }: PageProps<"/[locale]/commission">) {
  const locale = await localeOf(params);
  const actor = await requirePermission("enter:commission-workspace", locale, "/commission");
  const t = await getTranslations("workspace");
  return (
    <>
      <h1>{t("commissionTitle")}</h1>
      <p className="lead">{t("commissionLead")}</p>
      <WorkspaceSummary actor={actor} locale={locale} />
    </>
  );
}
