import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { WorkspaceSummary } from "@/components/layout/workspace-summary";
import { localizedMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";
import { localeOf } from "@/lib/i18n/locale";

export async function generateMetadata({ params }: PageProps<"/[locale]/commission">): Promise<Metadata> {
  const locale = await localeOf(params);
  const t = await getTranslations({ locale, namespace: "workspace" });
  return localizedMetadata(locale, "/commission", t("commissionTitle"));
}

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
