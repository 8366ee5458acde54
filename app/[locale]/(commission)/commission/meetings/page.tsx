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
import { listPendingMeetings, listUpcomingMeetings } from "@/lib/meetings/scheduling";
import { TableWrap } from "@/components/data/table-wrap";

const path = "/commission/meetings";

export const generateMetadata = pageMetadata("meetings", "staffListTitle", path);

/** Requests awaiting a decision (the soonest to expire first) and the confirmed meetings ahead. */
export default async function StaffMeetingsPage({ params }: PageProps<"/[locale]/commission/meetings">) {
  const locale = await localeOf(params);
  const actor = await requirePermission("schedule:meetings", locale, path);
  const [t, pending, upcoming, feedSince] = await Promise.all([getTranslations("meetings"), listPendingMeetings(actor, locale), listUpcomingMeetings(actor, new Date()), feedCreatedAt(actor)]);
  return (
    <>
      <h1>{t("staffListTitle")}</h1>
      <p className="lead">{t("staffListLead")}</p>
      <p className="page-actions">
        <Link href={`${path}/calendar`}>{t("calendarTitle")}</Link>
      </p>
      <h2 id="pending">{t("pendingHeading")}</h2>
      {pending.length === 0 ? (
        <p>{t("noPending")}</p>
      ) : (
        <TableWrap label={t("pendingHeading")}>
          <table className="responsive">
            <caption className="visually-hidden">{t("pendingHeading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("fields.topic")}</th>
                <th scope="col">{t("organization")}</th>
                <th scope="col">{t("election")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("expires")}</th>
              </tr>
            </thead>
            <tbody>
              {pending.map((m) => (
                <tr key={m.id}>
                  <td data-label={t("fields.topic")}>
                    <Link href={`${path}/${m.id}`}>{m.topic}</Link>
                  </td>
                  <td data-label={t("organization")}>{m.acronym}</td>
                  <td data-label={t("election")}>{m.electionTitle}</td>
                  <td data-label={t("status")}>
                    <MeetingStatusBadge status={m.status} />
                  </td>
                  <td data-label={t("expires")}>{formatInstant(m.expiresAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h2 id="upcoming">{t("upcomingHeading")}</h2>
      {upcoming.length === 0 ? (
        <p>{t("noUpcoming")}</p>
      ) : (
        <ul>
          {upcoming.map((m) => (
            <li key={m.id}>
              <Link href={`${path}/${m.id}`}>{m.topic}</Link> ({m.acronym}) — <MeetingTime startsAt={m.startsAt} />
            </li>
          ))}
        </ul>
      )}
      <CalendarFeed existsSince={feedSince ? formatInstant(feedSince, locale) : null} />
    </>
  );
}
