import { getTranslations } from "next-intl/server";
import { AccountActions } from "@/components/accounts/account-actions";
import { AccountFiltersForm } from "@/components/accounts/account-filters";
import { DataTable, type Column } from "@/components/data/data-table";
import { StatusBadge } from "@/components/data/status-badge";
import { Link } from "@/i18n/navigation";
import { accountSorts, listStaffAccounts } from "@/lib/accounts/queries";
import { accountFilterParams, accountFiltersSchema } from "@/lib/accounts/schemas";
import { formatInstant } from "@/lib/i18n/format";
import { localeOf } from "@/lib/i18n/locale";
import { pageMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";
import { parseListQuery } from "@/lib/listing";

const path = "/commission/admin/staff";

export const generateMetadata = pageMetadata("accounts", "staffTitle", path);

type StaffRow = Awaited<ReturnType<typeof listStaffAccounts>>["rows"][number];

/** Reviewers and administrators: second factor, status, last sign-in; disable, enable, reset. */
export default async function StaffAccountsPage({ params, searchParams }: PageProps<"/[locale]/commission/admin/staff">) {
  const locale = await localeOf(params);
  const actor = await requirePermission("manage:staff", locale, path);
  const unverified = await searchParams;
  const filters = accountFiltersSchema.parse({ q: unverified.q, status: unverified.status });
  const query = parseListQuery(unverified, { sortable: accountSorts, defaultSort: "name", defaultDir: "asc" });
  const [t, roles, { rows, total }] = await Promise.all([
    getTranslations("accounts"),
    getTranslations("workspace.roles"),
    listStaffAccounts(actor, filters, query),
  ]);

  const columns: Column<StaffRow>[] = [
    { key: "name", header: t("name"), sortable: true, cell: (u) => u.name },
    { key: "email", header: t("email"), sortable: true, cell: (u) => u.email },
    { key: "role", header: t("role"), cell: (u) => roles(u.role) },
    { key: "secondFactor", header: t("secondFactor"), cell: (u) => (u.secondFactor ? t("enrolled") : t("notEnrolled")) },
    {
      key: "status",
      header: t("status"),
      cell: (u) => (u.disabledAt ? <StatusBadge tone="red">{t("disabled")}</StatusBadge> : <StatusBadge tone="green">{t("active")}</StatusBadge>),
    },
    { key: "lastSignIn", header: t("lastSignIn"), sortable: true, cell: (u) => (u.lastSignInAt ? formatInstant(u.lastSignInAt, locale) : t("never")) },
    {
      key: "actions",
      header: t("actions"),
      cell: (u) =>
        u.id === actor.id ? (
          <p className="row-note">{t("yourAccount")}</p>
        ) : (
          <AccountActions
            key={u.id}
            scope="staff"
            userId={u.id}
            name={u.name}
            disabled={u.disabledAt !== null}
            secondFactor={u.secondFactor}
            role={u.role === "admin" ? "admin" : "reviewer"}
          />
        ),
    },
  ];

  return (
    <>
      <h1>{t("staffTitle")}</h1>
      <p className="lead">{t("staffLead")}</p>
      <p className="page-actions">
        <Link href={{ pathname: "/commission/admin/invitations/new", query: { role: "reviewer" } }}>{t("inviteReviewer")}</Link>
        <Link href={{ pathname: "/commission/admin/invitations/new", query: { role: "admin" } }}>{t("inviteAdmin")}</Link>
      </p>
      <AccountFiltersForm filters={filters} />
      <DataTable
        caption={t("staffCaption")}
        columns={columns}
        rows={rows}
        rowKey={(u) => u.id}
        total={total}
        query={query}
        pathname={path}
        searchParams={accountFilterParams(filters)}
        empty={t("empty")}
      />
    </>
  );
}
