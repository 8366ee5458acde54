import { getTranslations } from "next-intl/server";
import { localeOf } from "@/lib/i18n/locale";
import { pageMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";
import { listOrganizationChoices } from "@/lib/organizations/choices";
import { InviteForm } from "./invite-form";

export const generateMetadata = pageMetadata("invitations", "newTitle", "/commission/admin/invitations/new");

export default async function NewInvitationPage({ params, searchParams }: PageProps<"/[locale]/commission/admin/invitations/new">) {
  const locale = await localeOf(params);
  await requirePermission("invite:users", locale, "/commission/admin/invitations/new");
  const t = await getTranslations("invitations");
  const { role, organization } = await searchParams;
  const choices = await listOrganizationChoices(locale);
  return (
    <>
      <h1>{t("newTitle")}</h1>
      <p className="lead">{t("newLead")}</p>
      <InviteForm
        locale={locale}
        organizations={choices}
        initial={{ role: typeof role === "string" ? role : undefined, organizationId: typeof organization === "string" ? organization : undefined }}
      />
    </>
  );
}
