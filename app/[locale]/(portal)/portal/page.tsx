import { getTranslations } from "next-intl/server";
import { WorkspaceSummary } from "@/components/layout/workspace-summary";
import { pageMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";
import { localeOf } from "@/lib/i18n/locale";

export const generateMetadata = pageMetadata("workspace", "coordinatorTitle", "/portal");

/** The coordinator's workspace: the mission's applications, observers, meetings and statements. */
export default async function CoordinatorWorkspacePage({ params }: PageProps<"/[locale]/portal">) {
  const locale = await localeOf(params);
  const actor = await requirePermission("enter:coordinator-workspace", locale, "/portal");
  const t = await getTranslations("workspace");
  return (
    <>
      <h1>{t("coordinatorTitle")}</h1>
      <p className="lead">{t("coordinatorLead")}</p>
      <WorkspaceSummary actor={actor} locale={locale} />
    </>
  );
}
