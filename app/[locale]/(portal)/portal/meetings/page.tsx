import { getTranslations } from "next-intl/server";
import { MeetingStatusBadge } from "@/components/meetings/meeting-status";
import { MeetingTime } from "@/components/meetings/meeting-time";
import { CalendarFeed } from "@/components/meetings/calendar-feed";
import { Link } from "@/i18n/navigation";
import { formatInstant } from "@/lib/i18n/format";
import { localeOf } from "@/lib/i18n/locale";
import { pageMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";
import { feedCreatedAt } from "@/lib/meetings/feed";
import { listMissionsForMeetings, listOwnMeetings } from "@/lib/meetings/requests";
import { TableWrap } from "@/components/data/table-wrap";

const path = "/portal/meetings";

export const generateMetadata = pageMetadata("meetings", "coordinatorListTitle", path);

/** The organization's meetings with the commission, and the way to ask for one. */
export default async function OwnMeetingsPage({ params }: PageProps<"/[locale]/portal/meetings">) {
  const locale = await localeOf(params);
  const actor = await requirePermission("request:meetings", locale, path);
  const [t, x, meetings, feedSince, missions] = await Promise.all([
    getTranslations("meetings"),
    getTranslations("meetingExport"),
    listOwnMeetings(actor, locale),
    feedCreatedAt(actor),
    listMissionsForMeetings(actor, locale),
  ]);
  return (
    <>
      <h1>{t("coordinatorListTitle")}</h1>
      <p className="lead">{t("coordinatorListLead")}</p>
      <p className="page-actions">
        <Link href="/portal/meetings/new" className="button">
          {t("requestTitle")}
        </Link>
      </p>
      {meetings.length === 0 ? (
        <p>{t("noMeetings")}</p>
      ) : (
        <TableWrap label={t("coordinatorListTitle")}>
          <table className="responsive">
            <caption className="visually-hidden">{t("coordinatorListTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("fields.topic")}</th>
                <th scope="col">{t("election")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("when")}</th>
              </tr>
            </thead>
            <tbody>
              {meetings.map((m) => (
                <tr key={m.id}>
                  <td data-label={t("fields.topic")}>
                    <Link href={`/portal/meetings/${m.id}`}>{m.topic}</Link>
                  </td>
                  <td data-label={t("election")}>{m.electionTitle}</td>
                  <td data-label={t("status")}>
                    <MeetingStatusBadge status={m.status} />
                  </td>
                  <td data-label={t("when")}>
                    {m.startsAt ? (
                      <MeetingTime startsAt={m.startsAt} />
                    ) : (
                      <>
                        {t("firstWindow")} <MeetingTime startsAt={m.firstWindow} />
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {missions.length > 0 && (
        <section aria-labelledby="held-heading">
          <h2 id="held-heading">{x("heading")}</h2>
          <p>{x("lead")}</p>
          <ul>
            {missions.map((m) => (
              <li key={m.id}>
                <a href={`/api/meetings/export/${m.id}?locale=${locale}`} download>
                  {x("download", { mission: m.name ?? "", election: m.electionTitle })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <CalendarFeed existsSince={feedSince ? formatInstant(feedSince, locale) : null} />
    </>
  );
}
