import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { CoordinatorTable } from "@/components/accounts/coordinator-table";
import { organizationKinds } from "@/db/schema/organizations";
import { Link } from "@/i18n/navigation";
import { accountSorts, listCoordinatorAccounts } from "@/lib/accounts/queries";
import { localeOf } from "@/lib/i18n/locale";
import { localizedMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";
import { parseListQuery } from "@/lib/listing";
import { countryOptions } from "@/lib/organizations/countries";
import { getOrganizationForEdit } from "@/lib/organizations/queries";
import { OrganizationForm } from "../../organization-form";

type Props = PageProps<"/[locale]/commission/admin/organizations/[id]/edit">;

/** The id from the URL, unverified until it parses as a UUID. */
async function idOf(params: Props["params"]) {
  const { id: unverifiedId } = await params;
  return { unverifiedId, id: z.uuid().safeParse(unverifiedId).data ?? null };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeOf(params);
  const { unverifiedId } = await idOf(params);
  const t = await getTranslations({ locale, namespace: "organizations" });
  // The title names no organization: metadata is rendered apart from the page's permission check.
  return localizedMetadata(locale, `/commission/admin/organizations/${encodeURIComponent(unverifiedId)}/edit`, t("editPageTitle"));
}

/** An organization's form, and below it the organization's coordinators (disable, enable, invite). */
export default async function EditOrganizationPage({ params, searchParams }: Props) {
  const locale = await localeOf(params);
  const { unverifiedId, id } = await idOf(params);
  const path = `/commission/admin/organizations/${encodeURIComponent(unverifiedId)}/edit`;
  const actor = await requirePermission("manage:organizations", locale, path);
  if (!id) notFound();
  const organization = await getOrganizationForEdit(actor, id);
  if (!organization) notFound();
  const query = parseListQuery(await searchParams, { sortable: accountSorts, defaultSort: "name", defaultDir: "asc" });
  const [t, ta, coordinators] = await Promise.all([
    getTranslations("organizations"),
    getTranslations("accounts"),
    listCoordinatorAccounts(actor, locale, { q: "", organization: id }, query),
  ]);

  return (
    <>
      <p>
        <Link href="/commission/admin/organizations">{t("backToList")}</Link>
      </p>
      <h1>{t("editTitle", { acronym: organization.acronym })}</h1>
      <OrganizationForm
        locale={locale}
        organizationId={organization.id}
        initial={{ ...organization, cyrillicAcronym: organization.cyrillicAcronym ?? "", website: organization.website ?? "" }}
        kindOptions={organizationKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
        countryOptions={countryOptions(locale)}
      />
      <h2 id="coordinators">{t("coordinatorsHeading")}</h2>
      <p className="page-actions">
        <Link href={{ pathname: "/commission/admin/invitations/new", query: { role: "coordinator", organization: organization.id } }}>
          {ta("inviteCoordinator")}
        </Link>
      </p>
      <CoordinatorTable
        locale={locale}
        caption={t("coordinatorsHeading")}
        rows={coordinators.rows}
        total={coordinators.total}
        query={query}
        pathname={path}
        showOrganization={false}
      />
    </>
  );
}
