import { getTranslations } from "next-intl/server";
import { localeOf } from "@/lib/i18n/locale";
import { pageMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";
import { ElectionForm } from "../election-form";
import { electionOptions } from "../election-options";

const path = "/commission/admin/elections/new";

export const generateMetadata = pageMetadata("elections", "newTitle", path);

export default async function NewElectionPage({ params }: PageProps<"/[locale]/commission/admin/elections/new">) {
  const locale = await localeOf(params);
  await requirePermission("manage:elections", locale, path);
  const [t, options] = await Promise.all([getTranslations("elections"), electionOptions()]);
  return (
    <>
      <h1>{t("newTitle")}</h1>
      <ElectionForm
        locale={locale}
        initial={{
          code: "",
          type: "",
          titleTk: "",
          titleRu: "",
          titleEn: "",
          electionDay: "",
          accreditationOpensAt: "",
          accreditationClosesAt: "",
          observationStartsOn: "",
          observationEndsOn: "",
          decisionWorkingDays: "5",
          status: "draft",
          publishObserverNames: "",
        }}
        {...options}
      />
    </>
  );
}
