import { getTranslations } from "next-intl/server";
import { DataTable, type Column } from "@/components/data/data-table";
import { StatusBadge } from "@/components/data/status-badge";
import { Notice } from "@/components/forms/notice";
import { Link } from "@/i18n/navigation";
import { adminElectionSorts, listElectionsForAdmin } from "@/lib/elections/admin-queries";
import { electionSearchSchema, electionStatusFilterSchema } from "@/lib/elections/schemas";
import { formatDay } from "@/lib/i18n/format";
import { localeOf } from "@/lib/i18n/locale";
import { pageMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";
import { parseListQuery } from "@/lib/listing";
import { noticeOf } from "../notice";

const path = "/commission/admin/elections";

export const generateMetadata = pageMetadata("elections", "listTitle", path);

type ElectionRow = Awaited<ReturnType<typeof listElectionsForAdmin>>["rows"][number];

/** Every election, drafts and published, for administrators. */
export default async function ElectionsAdminPage({ params, searchParams }: PageProps<"/[locale]/commission/admin/elections">) {
  const locale = await localeOf(params);
  const actor = await requirePermission("manage:elections", locale, path);
  const unverified = await searchParams;
  const status = electionStatusFilterSchema.parse(unverified.status);
  const search = electionSearchSchema.parse(unverified.q);
  const query = parseListQuery(unverified, { sortable: adminElectionSorts, defaultSort: "electionDay", defaultDir: "desc" });
  const [t, home, { rows, total }] = await Promise.all([
    getTranslations("elections"),
    getTranslations("home"),
    listElectionsForAdmin(actor, locale, { status, search }, query),
  ]);
  const notice = noticeOf(unverified);

  const columns: Column<ElectionRow>[] = [
    { key: "code", header: t("code"), sortable: true, cell: (e) => e.code },
    { key: "title", header: t("title"), sortable: true, cell: (e) => e.title },
    { key: "type", header: t("type"), cell: (e) => home(`electionType.${e.type}`) },
    { key: "electionDay", header: t("electionDay"), sortable: true, cell: (e) => formatDay(e.electionDay, locale) },
    {
      key: "status",
      header: t("status"),
      cell: (e) => <StatusBadge tone={e.status === "published" ? "green" : "grey"}>{t(`statuses.${e.status}`)}</StatusBadge>,
    },
    {
      key: "actions",
      header: t("actions"),
      cell: (e) => (
        <Link href={`${path}/${e.id}/edit`}>
          {t("edit")}
          <span className="visually-hidden"> {e.code}</span>
        </Link>
      ),
    },
  ];

  return (
    <>
      <h1>{t("listTitle")}</h1>
      <p className="lead">{t("listLead")}</p>
      {notice && <Notice>{t(notice === "created" ? "noticeCreated" : "noticeUpdated")}</Notice>}
      <p className="page-actions">
        <Link href={`${path}/new`} className="button">
          {t("add")}
        </Link>
      </p>
      <form method="get" className="filters">
        <div className="field">
          <label htmlFor="q">{t("searchLabel")}</label>
          <input id="q" name="q" type="search" defaultValue={search ?? ""} maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="status">{t("statusFilter")}</label>
          <select id="status" name="status" defaultValue={status ?? ""}>
            <option value="">{t("allStatuses")}</option>
            <option value="draft">{t("onlyDrafts")}</option>
            <option value="published">{t("onlyPublished")}</option>
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t("filter")}
        </button>
      </form>
      <DataTable
        caption={t("caption")}
        columns={columns}
        rows={rows}
        rowKey={(e) => e.id}
        total={total}
        query={query}
        pathname={path}
        searchParams={{ ...(status && { status }), ...(search && { q: search }) }}
        empty={t("empty")}
      />
    </>
  );
}
