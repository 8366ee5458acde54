import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { formatInstant } from "@/lib/i18n/format";
import { localeOf } from "@/lib/i18n/locale";
import { pageMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";
import { publishingNow } from "@/lib/statements/clock";
import { listStatementQueue } from "@/lib/statements/publishing";
import { TableWrap } from "@/components/data/table-wrap";

const path = "/commission/statements";

export const generateMetadata = pageMetadata("statements", "queueTitle", path);

type Row = Awaited<ReturnType<typeof listStatementQueue>>["waiting"][number];

/** Statements the missions submitted, waiting for the commission; and those scheduled for their embargo. */
export default async function StatementQueuePage({ params }: PageProps<"/[locale]/commission/statements">) {
  const locale = await localeOf(params);
  const actor = await requirePermission("publish:statement", locale, path);
  const [t, queue] = await Promise.all([getTranslations("statements"), listStatementQueue(actor, locale, publishingNow())]);
  const table = (rows: Row[], caption: string, when: (row: Row) => string) => (
    <TableWrap label={caption}>
      <table className="responsive">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("fields.title")}</th>
            <th scope="col">{t("organization")}</th>
            <th scope="col">{t("fields.kind")}</th>
            <th scope="col">{t("version")}</th>
            <th scope="col">{t("when")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.versionId}>
              <td data-label={t("fields.title")}>
                <Link href={`/commission/statements/${row.versionId}`}>{row.title}</Link>
              </td>
              <td data-label={t("organization")}>
                {row.organization} · {row.electionTitle}
              </td>
              <td data-label={t("fields.kind")}>{t(`kinds.${row.kind}`)}</td>
              <td data-label={t("version")}>{row.number}</td>
              <td data-label={t("when")}>{when(row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
  return (
    <>
      <h1>{t("queueTitle")}</h1>
      <p className="lead">{t("queueLead")}</p>
      {queue.waiting.length === 0 ? (
        <p>{t("queueEmpty")}</p>
      ) : (
        table(queue.waiting, t("waitingCaption"), (row) => t("submittedOn", { time: formatInstant(row.submittedAt!, locale) }) + (row.embargoAt ? ` · ${t("embargoUntil", { time: formatInstant(row.embargoAt, locale) })}` : ""))
      )}
      {queue.scheduled.length > 0 && table(queue.scheduled, t("scheduledCaption"), (row) => t("scheduledFor", { time: formatInstant(row.publishedAt!, locale) }))}
    </>
  );
}
