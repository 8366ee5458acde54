import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { localeOf } from "@/lib/i18n/locale";
import { localizedMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";
import { ElectionForm } from "../election-form";
import { electionOptions } from "../election-options";

const path = "/commission/admin/elections/new";

export async function generateMetadata({ params }: PageProps<"/[locale]/commission/admin/elections/new">): Promise<Metadata> {
  const locale = await localeOf(params);
  const t = await getTranslations({ locale, namespace: "elections" });
  return localizedMetadata(locale, path, t("newTitle"));
}

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
          status: "draft",
        }}
        {...options}
      />
    </>
  );
}
