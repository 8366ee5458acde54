import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { organizationKinds } from "@/db/schema/organizations";
import { localeOf } from "@/lib/i18n/locale";
import { localizedMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";
import { countryOptions } from "@/lib/organizations/countries";
import { OrganizationForm } from "../organization-form";

const path = "/commission/admin/organizations/new";

export async function generateMetadata({ params }: PageProps<"/[locale]/commission/admin/organizations/new">): Promise<Metadata> {
  const locale = await localeOf(params);
  const t = await getTranslations({ locale, namespace: "organizations" });
  return localizedMetadata(locale, path, t("newTitle"));
}

export default async function NewOrganizationPage({ params }: PageProps<"/[locale]/commission/admin/organizations/new">) {
  const locale = await localeOf(params);
  await requirePermission("manage:organizations", locale, path);
  const t = await getTranslations("organizations");
  return (
    <>
      <h1>{t("newTitle")}</h1>
      <OrganizationForm
        locale={locale}
        initial={{ nameTk: "", nameRu: "", nameEn: "", acronym: "", kind: "", seatCountry: "", website: "" }}
        kindOptions={organizationKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
        countryOptions={countryOptions(locale)}
      />
    </>
  );
}
