import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/forms/notice";
import { Link } from "@/i18n/navigation";
import { todayInAshgabat } from "@/lib/dates";
import { formatDay } from "@/lib/i18n/format";
import { localeOf } from "@/lib/i18n/locale";
import { pageMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";
import { removeClosedDayAction } from "@/lib/meetings/resource-actions";
import { getWorkingHours, listClosedDays, listOfficials, listRooms } from "@/lib/meetings/resources";
import { weekdayNames } from "@/lib/meetings/time";
import { ClosedDayForm } from "./closed-day-form";
import { WorkingHoursForm } from "./working-hours-form";
import { TableWrap } from "@/components/data/table-wrap";

const path = "/commission/admin/meetings";
type ResourceRow = { id: string; name: string; active: boolean; detail: string | number };
const notices = ["officialSaved", "roomSaved", "closedDayAdded", "closedDayRemoved"] as const;

export const generateMetadata = pageMetadata("meetingResources", "title", path);

/** What meetings need from the commission: officials, rooms, the working week and closed days. */
export default async function MeetingResourcesPage({ params, searchParams }: PageProps<"/[locale]/commission/admin/meetings">) {
  const locale = await localeOf(params);
  await requirePermission("manage:meeting-resources", locale, path);
  const unverified = await searchParams;
  const notice = notices.find((n) => n === unverified.notice);
  const [t, officials, rooms, hours, closed] = await Promise.all([
    getTranslations("meetingResources"),
    listOfficials(locale, { activeOnly: false }),
    listRooms(locale, { activeOnly: false }),
    getWorkingHours(),
    listClosedDays(locale, todayInAshgabat()),
  ]);
  /** The officials' or the rooms' table, with the link to add one and each one's edit link. */
  const resourceSection = (section: "officials" | "rooms", heading: string, add: string, detailHeader: string, empty: string, rows: ResourceRow[]) => (
    <>
      <h2 id={section}>{heading}</h2>
      <p className="page-actions">
        <Link href={`${path}/${section}/new`} className="button">
          {add}
        </Link>
      </p>
      <TableWrap label={heading}>
        <table>
          <caption className="visually-hidden">{heading}</caption>
          <thead>
            <tr>
              <th scope="col">{t("columns.name")}</th>
              <th scope="col">{detailHeader}</th>
              <th scope="col">{t("columns.inUse")}</th>
              <th scope="col">{t("columns.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={4}>{empty}</td>
              </tr>
            )}
            {rows.map((row) => (
              <tr key={row.id}>
                <td>{row.name}</td>
                <td>{row.detail}</td>
                <td>{row.active ? t("yes") : t("no")}</td>
                <td>
                  <Link href={`${path}/${section}/${row.id}`}>
                    {t("edit")}
                    <span className="visually-hidden"> {row.name}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
  const hoursInitial = Object.fromEntries(hours.flatMap((d) => [[`opens${d.weekday}`, d.opensAt ?? ""], [`closes${d.weekday}`, d.closesAt ?? ""]]));

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      {notice && <Notice>{t(`notices.${notice}`)}</Notice>}

      {resourceSection("officials", t("officialsHeading"), t("addOfficial"), t("columns.position"), t("noOfficials"), officials.map((o) => ({ ...o, detail: o.position })))}
      {resourceSection("rooms", t("roomsHeading"), t("addRoom"), t("columns.capacity"), t("noRooms"), rooms.map((r) => ({ ...r, detail: r.capacity })))}

      <h2 id="working-hours">{t("workingHoursHeading")}</h2>
      <WorkingHoursForm initial={hoursInitial} dayNames={weekdayNames(locale)} />

      <h2 id="closed-days">{t("closedDaysHeading")}</h2>
      <p>{t("closedDaysLead")}</p>
      {closed.length === 0 ? (
        <p>{t("noClosedDays")}</p>
      ) : (
        <ul className="closed-days">
          {closed.map((c) => (
            <li key={c.day}>
              <form action={removeClosedDayAction}>
                <input type="hidden" name="locale" value={locale} />
                <input type="hidden" name="day" value={c.day} />
                <span>
                  {formatDay(c.day, locale)}: {c.reason}
                </span>{" "}
                <button type="submit" className="link-button">
                  {t("removeClosedDay")}
                  <span className="visually-hidden"> {formatDay(c.day, locale)}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <h3>{t("addClosedDayHeading")}</h3>
      <ClosedDayForm locale={locale} />
    </>
  );
}
