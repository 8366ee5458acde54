import { getTranslations } from "next-intl/server";
import { DataTable, type Column } from "@/components/data/data-table";
import { Notice } from "@/components/forms/notice";
import { Link } from "@/i18n/navigation";
import { localeOf } from "@/lib/i18n/locale";
import { pageMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";
import { parseListQuery } from "@/lib/listing";
import { countryNamer } from "@/lib/organizations/countries";
import { listOrganizations, organizationSorts } from "@/lib/organizations/queries";
import { organizationSearchSchema } from "@/lib/organizations/schemas";
import { noticeOf } from "../notice";

const path = "/commission/admin/organizations";

export const generateMetadata = pageMetadata("organizations", "listTitle", path);

type OrganizationRow = Awaited<ReturnType<typeof listOrganizations>>["rows"][number];

/** Organizations for administrators: search by name or acronym, sorted and paged in SQL. */
export default async function OrganizationsPage({ params, searchParams }: PageProps<"/[locale]/commission/admin/organizations">) {
  const locale = await localeOf(params);
  const actor = await requirePermission("manage:organizations", locale, path);
  const unverified = await searchParams;
  const search = organizationSearchSchema.parse(typeof unverified.q === "string" ? unverified.q : "");
  const query = parseListQuery(unverified, { sortable: organizationSorts, defaultSort: "name", defaultDir: "asc" });
  const [t, { rows, total }] = await Promise.all([getTranslations("organizations"), listOrganizations(actor, locale, search, query)]);
  const nameOf = countryNamer(locale);
  const notice = noticeOf(unverified);

  const columns: Column<OrganizationRow>[] = [
    { key: "acronym", header: t("acronym"), sortable: true, cell: (o) => o.acronym },
    { key: "name", header: t("name"), sortable: true, cell: (o) => o.name },
    { key: "kind", header: t("kind"), cell: (o) => t(`kinds.${o.kind}`) },
    { key: "seatCountry", header: t("seatCountry"), cell: (o) => nameOf(o.seatCountry) },
    { key: "coordinators", header: t("coordinators"), cell: (o) => o.coordinators },
    {
      key: "actions",
      header: t("actions"),
      cell: (o) => (
        <Link href={`${path}/${o.id}/edit`}>
          {t("edit")}
          <span className="visually-hidden"> {o.acronym}</span>
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
      <form method="get" role="search" className="filters">
        <div className="field">
          <label htmlFor="q">{t("searchLabel")}</label>
          <input id="q" name="q" type="search" defaultValue={search} maxLength={100} />
        </div>
        <button type="submit" className="button button--secondary">
          {t("search")}
        </button>
        {search && (
          <p>
            <Link href={path}>{t("clearSearch")}</Link>
          </p>
        )}
      </form>
      <DataTable
        caption={search ? t("captionSearch", { search }) : t("caption")}
        columns={columns}
        rows={rows}
        rowKey={(o) => o.id}
        total={total}
        query={query}
        pathname={path}
        searchParams={search ? { q: search } : {}}
        empty={t("empty")}
      />
    </>
  );
}
