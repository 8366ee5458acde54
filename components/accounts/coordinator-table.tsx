import { getTranslations } from "next-intl/server";
import { DataTable, type Column } from "@/components/data/data-table";
import { StatusBadge } from "@/components/data/status-badge";
import type { Locale } from "@/i18n/routing";
import type { listCoordinatorAccounts } from "@/lib/accounts/queries";
import { formatInstant } from "@/lib/i18n/format";
import type { ListQuery } from "@/lib/listing";
import { AccountActions } from "./account-actions";

type CoordinatorRow = Awaited<ReturnType<typeof listCoordinatorAccounts>>["rows"][number];

type Props = {
  locale: Locale;
  caption: string;
  rows: CoordinatorRow[];
  total: number;
  query: ListQuery;
  pathname: string;
  searchParams?: Record<string, string>;
  /** On an organization's page its name is in the heading already. */
  showOrganization: boolean;
};

/** Mission coordinators with their status and the actions to disable or enable them. */
export async function CoordinatorTable({ locale, caption, rows, total, query, pathname, searchParams, showOrganization }: Props) {
  const t = await getTranslations("accounts");
  const columns: Column<CoordinatorRow>[] = [
    { key: "name", header: t("name"), sortable: true, cell: (u) => u.name },
    { key: "email", header: t("email"), sortable: true, cell: (u) => u.email },
    ...(showOrganization
      ? [{ key: "organization", header: t("organization"), cell: (u: CoordinatorRow) => <abbr title={u.organizationName}>{u.organizationAcronym}</abbr> }]
      : []),
    {
      key: "status",
      header: t("status"),
      cell: (u) => (u.disabledAt ? <StatusBadge tone="red">{t("disabled")}</StatusBadge> : <StatusBadge tone="green">{t("active")}</StatusBadge>),
    },
    { key: "lastSignIn", header: t("lastSignIn"), sortable: true, cell: (u) => (u.lastSignInAt ? formatInstant(u.lastSignInAt, locale) : t("never")) },
    {
      key: "actions",
      header: t("actions"),
      cell: (u) => <AccountActions key={u.id} scope="coordinators" userId={u.id} name={u.name} disabled={u.disabledAt !== null} />,
    },
  ];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(u) => u.id}
      total={total}
      query={query}
      pathname={pathname}
      searchParams={searchParams}
      empty={t("empty")}
    />
  );
}
