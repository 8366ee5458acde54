import { getTranslations } from "next-intl/server";
import { DataTable, type Column } from "@/components/data/data-table";
import { ElectionPhaseBadge } from "@/components/public/election-phase";
import { Link } from "@/i18n/navigation";
import { publicElectionSorts } from "@/lib/elections/queries";
import { formatDay, formatInstant } from "@/lib/i18n/format";
import { localeOf } from "@/lib/i18n/locale";
import { pageMetadata } from "@/lib/i18n/metadata";
import { parseListQuery } from "@/lib/listing";
import { cachedElectionPage } from "@/lib/public/cache";

export const generateMetadata = pageMetadata("publicElections", "listTitle", "/elections");

type ElectionRow = Awaited<ReturnType<typeof cachedElectionPage>>["rows"][number];

/** Every published election, sortable and paged by links. */
export default async function ElectionsPage({ params, searchParams }: PageProps<"/[locale]/elections">) {
  const locale = await localeOf(params);
  const t = await getTranslations("home");
  const query = parseListQuery(await searchParams, { sortable: publicElectionSorts, defaultSort: "electionDay", defaultDir: "desc", pageSize: 10 });
  const [heading, { rows, total }] = await Promise.all([getTranslations("publicElections"), cachedElectionPage(locale, query)]);

  const columns: Column<ElectionRow>[] = [
    { key: "title", header: t("election"), sortable: true, cell: (e) => <Link href={`/elections/${e.code}`}>{e.title}</Link> },
    { key: "type", header: t("type"), cell: (e) => t(`electionType.${e.type}`) },
    { key: "electionDay", header: t("electionDay"), sortable: true, cell: (e) => formatDay(e.electionDay, locale) },
    {
      key: "accreditation",
      header: t("accreditationWindow"),
      cell: (e) => t("fromUntil", { from: formatInstant(new Date(e.accreditationOpensAt), locale), until: formatInstant(new Date(e.accreditationClosesAt), locale) }),
    },
    { key: "phase", header: t("status"), cell: (e) => <ElectionPhaseBadge election={e} /> },
  ];

  return (
    <>
      <h1>{heading("listTitle")}</h1>
      <DataTable
        caption={t("electionsCaption")}
        columns={columns}
        rows={rows}
        rowKey={(e) => e.id}
        total={total}
        query={query}
        pathname="/elections"
        empty={t("noElections")}
      />
    </>
  );
}
