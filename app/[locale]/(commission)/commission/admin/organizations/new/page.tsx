import { getTranslations } from "next-intl/server";
import { organizationKinds } from "@/db/schema/organizations";
import { localeOf } from "@/lib/i18n/locale";
import { pageMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";
import { countryOptions } from "@/lib/organizations/countries";
import { OrganizationForm } from "../organization-form";

const path = "/commission/admin/organizations/new";

export const generateMetadata = pageMetadata("organizations", "newTitle", path);

export default async function NewOrganizationPage({ params }: PageProps<"/[locale]/commission/admin/organizations/new">) {
  const locale = await localeOf(params);
  await requirePermission("manage:organizations", locale, path);
  const t = await getTranslations("organizations");
  return (
    <>
      <h1>{t("newTitle")}</h1>
      <OrganizationForm
        locale={locale}
        initial={{ nameTk: "", nameRu: "", nameEn: "", acronym: "", cyrillicAcronym: "", kind: "", seatCountry: "", website: "" }}
        kindOptions={organizationKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
        countryOptions={countryOptions(locale)}
      />
    </>
  );
}
