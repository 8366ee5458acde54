import { getTranslations } from "next-intl/server";
import { AccountFiltersForm } from "@/components/accounts/account-filters";
import { CoordinatorTable } from "@/components/accounts/coordinator-table";
import { Link } from "@/i18n/navigation";
import { accountSorts, listCoordinatorAccounts } from "@/lib/accounts/queries";
import { accountFilterParams, accountFiltersSchema } from "@/lib/accounts/schemas";
import { localeOf } from "@/lib/i18n/locale";
import { pageMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";
import { parseListQuery } from "@/lib/listing";
import { listOrganizationChoices } from "@/lib/organizations/queries";

const path = "/commission/admin/coordinators";

export const generateMetadata = pageMetadata("accounts", "coordinatorsTitle", path);

/** Mission coordinators of every organization, or of one: disable, enable, invite. */
export default async function CoordinatorAccountsPage({ params, searchParams }: PageProps<"/[locale]/commission/admin/coordinators">) {
  const locale = await localeOf(params);
  const actor = await requirePermission("manage:coordinators", locale, path);
  const unverified = await searchParams;
  const filters = accountFiltersSchema.parse({ q: unverified.q, status: unverified.status, organization: unverified.organization });
  const query = parseListQuery(unverified, { sortable: accountSorts, defaultSort: "name", defaultDir: "asc" });
  const [t, organizations, { rows, total }] = await Promise.all([
    getTranslations("accounts"),
    listOrganizationChoices(actor, locale),
    listCoordinatorAccounts(actor, locale, filters, query),
  ]);

  return (
    <>
      <h1>{t("coordinatorsTitle")}</h1>
      <p className="lead">{t("coordinatorsLead")}</p>
      <p className="page-actions">
        <Link
          href={{
            pathname: "/commission/admin/invitations/new",
            query: filters.organization ? { role: "coordinator", organization: filters.organization } : { role: "coordinator" },
          }}
        >
          {t("inviteCoordinator")}
        </Link>
      </p>
      <AccountFiltersForm filters={filters} organizations={organizations} />
      <CoordinatorTable
        locale={locale}
        caption={t("coordinatorsCaption")}
        rows={rows}
        total={total}
        query={query}
        pathname={path}
        searchParams={accountFilterParams(filters)}
        showOrganization
      />
    </>
  );
}
