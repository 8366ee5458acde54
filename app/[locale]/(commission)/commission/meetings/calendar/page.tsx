import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { addDays, ashgabatInstant, todayInAshgabat } from "@/lib/dates";
import { isCalendarDay } from "@/lib/dates";
import { formatDay } from "@/lib/i18n/format";
import { localeOf } from "@/lib/i18n/locale";
import { pageMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";
import { listOfficials, listRooms } from "@/lib/meetings/resources";
import { listWeekBookings } from "@/lib/meetings/scheduling";
import { ashgabatParts, weekdayNames } from "@/lib/meetings/time";
import { TableWrap } from "@/components/data/table-wrap";

const path = "/commission/meetings/calendar";

export const generateMetadata = pageMetadata("meetings", "calendarTitle", path);

/** The Monday of the week holding `day` (yyyy-mm-dd). */
function mondayOf(day: string) {
  return addDays(day, 1 - ashgabatParts(ashgabatInstant(day, "12:00")).weekday);
}

/** A week of bookings as a table per resource kind: one row per room or official, one column per day. */
export default async function MeetingCalendarPage({ params, searchParams }: PageProps<"/[locale]/commission/meetings/calendar">) {
  const locale = await localeOf(params);
  const actor = await requirePermission("schedule:meetings", locale, path);
  const { week: unverifiedWeek } = await searchParams;
  const monday = mondayOf(typeof unverifiedWeek === "string" && isCalendarDay(unverifiedWeek) ? unverifiedWeek : todayInAshgabat());
  const days = [0, 1, 2, 3, 4, 5, 6].map((i) => addDays(monday, i));
  const [t, bookings, rooms, officials] = await Promise.all([
    getTranslations("meetings"),
    listWeekBookings(actor, monday),
    listRooms(locale, { activeOnly: false }),
    listOfficials(locale, { activeOnly: false }),
  ]);
  const names = weekdayNames(locale);
  const clock = new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone: "Asia/Ashgabat" });
  const table = (caption: string, rows: { id: string; name: string }[], key: "roomId" | "officialId") => (
    <TableWrap label={caption}>
      <table className="calendar">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <td />
            {days.map((d, i) => (
              <th scope="col" key={d}>
                {names[i]}, {formatDay(d, locale)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.name}</th>
              {days.map((d) => (
                <td key={d}>
                  <ul>
                    {bookings
                      .filter((b) => b[key] === row.id && ashgabatParts(b.startsAt).day === d)
                      .map((b) => (
                        <li key={`${b.meetingId}-${b.startsAt.toISOString()}`}>
                          <Link href={`/commission/meetings/${b.meetingId}`}>
                            {clock.format(b.startsAt)}–{clock.format(b.endsAt)} {b.acronym}: {b.topic}
                          </Link>{" "}
                          {b.status === "proposed" && <em>{t("held")}</em>}
                        </li>
                      ))}
                  </ul>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
  return (
    <>
      <p>
        <Link href="/commission/meetings">{t("backToMeetings")}</Link>
      </p>
      <h1>{t("calendarTitle")}</h1>
      <p className="lead">{t("calendarLead")}</p>
      <nav aria-label={t("weeks")} className="page-actions">
        <Link href={{ pathname: path, query: { week: addDays(monday, -7) } }}>{t("previousWeek")}</Link>{" "}
        <Link href={{ pathname: path, query: { week: addDays(monday, 7) } }}>{t("nextWeek")}</Link>
      </nav>
      {table(t("byRoom"), rooms, "roomId")}
      {table(t("byOfficial"), officials, "officialId")}
    </>
  );
}
