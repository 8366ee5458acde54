import { getTranslations } from "next-intl/server";
import { DataTable, type Column } from "@/components/data/data-table";
import { StatusBadge, type StatusTone } from "@/components/data/status-badge";
import { electionPhase, type ElectionPhase } from "@/lib/elections/phase";
import { listPublishedElections, publicElectionSorts } from "@/lib/elections/queries";
import { formatDay, formatInstant } from "@/lib/i18n/format";
import { pageMetadata } from "@/lib/i18n/metadata";
import { parseListQuery } from "@/lib/listing";
import { localeOf } from "@/lib/i18n/locale";

export const generateMetadata = pageMetadata("home", "title", "/");

const phaseTone: Record<ElectionPhase, StatusTone> = {
  accreditationNotOpen: "blue",
  accreditationOpen: "green",
  accreditationClosed: "amber",
  held: "grey",
};

type ElectionRow = Awaited<ReturnType<typeof listPublishedElections>>["rows"][number];

export default async function HomePage({ params, searchParams }: PageProps<"/[locale]">) {
  const locale = await localeOf(params);
  const t = await getTranslations("home");
  const query = parseListQuery(await searchParams, { sortable: publicElectionSorts, defaultSort: "electionDay", defaultDir: "desc", pageSize: 10 });
  const { rows, total } = await listPublishedElections(locale, query);

  const columns: Column<ElectionRow>[] = [
    { key: "title", header: t("election"), sortable: true, cell: (e) => e.title },
    { key: "type", header: t("type"), cell: (e) => t(`electionType.${e.type}`) },
    { key: "electionDay", header: t("electionDay"), sortable: true, cell: (e) => formatDay(e.electionDay, locale) },
    {
      key: "accreditation",
      header: t("accreditationWindow"),
      cell: (e) => t("fromUntil", { from: formatInstant(e.accreditationOpensAt, locale), until: formatInstant(e.accreditationClosesAt, locale) }),
    },
    {
      key: "phase",
      header: t("status"),
      cell: (e) => {
        const phase = electionPhase(e);
        return <StatusBadge tone={phaseTone[phase]}>{t(`phase.${phase}`)}</StatusBadge>;
      },
    },
  ];

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <h2 id="elections">{t("electionsHeading")}</h2>
      <DataTable
        caption={t("electionsCaption")}
        columns={columns}
        rows={rows}
        rowKey={(e) => e.id}
        total={total}
        query={query}
        pathname="/"
        empty={t("noElections")}
      />
    </>
  );
}
