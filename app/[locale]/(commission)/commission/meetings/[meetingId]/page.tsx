import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/forms/notice";
import { CancelMeetingForm } from "@/components/meetings/change-forms";
import { MeetingDetails } from "@/components/meetings/meeting-details";
import { MeetingTime } from "@/components/meetings/meeting-time";
import { Link } from "@/i18n/navigation";
import { formatInstant } from "@/lib/i18n/format";
import { localeOf } from "@/lib/i18n/locale";
import { localizedMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";
import { getMeetingForStaff } from "@/lib/meetings/queries";
import { listOfficials, listRooms } from "@/lib/meetings/resources";
import { meetingLifecycle } from "@/lib/meetings/transitions";
import { MeetingRecordForm, MeetingSummaryForm } from "./after-forms";
import { ConfirmForm, ProposeForm } from "./scheduling-forms";

type Props = PageProps<"/[locale]/commission/meetings/[meetingId]">;
const notices = ["confirmed", "proposed", "cancelled", "recorded", "summaryPublished", "summaryWithdrawn"] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeOf(params);
  const { meetingId } = await params;
  const t = await getTranslations({ locale, namespace: "meetings" });
  return localizedMetadata(locale, `/commission/meetings/${encodeURIComponent(meetingId)}`, t("meetingTitle"));
}

/** A meeting for staff: the request, and the forms to confirm it or propose other times. */
export default async function StaffMeetingPage({ params, searchParams }: Props) {
  const locale = await localeOf(params);
  const { meetingId: unverifiedId } = await params;
  const actor = await requirePermission("schedule:meetings", locale, `/commission/meetings/${encodeURIComponent(unverifiedId)}`);
  const meeting = await getMeetingForStaff(actor, unverifiedId, locale);
  if (!meeting) notFound();
  const [t, x, rooms, officials, unverified] = await Promise.all([
    getTranslations("meetings"),
    getTranslations("meetingExport"),
    listRooms(locale, { activeOnly: true }),
    listOfficials(locale, { activeOnly: true }),
    searchParams,
  ]);
  const notice = notices.find((n) => n === unverified.notice);
  const onTable = meeting.status === "proposed" ? meeting.proposed : meeting.preferred;
  const formProps = {
    locale,
    meetingId: meeting.id,
    version: meeting.version,
    windows: onTable.map((w) => ({ value: w.id, label: t("ashgabatTime", { time: formatInstant(w.startsAt, locale) }) })),
    rooms: rooms.map((r) => ({ value: r.id, label: t("roomOption", { room: r.name, capacity: r.capacity }) })),
    officials: officials.map((o) => ({ value: o.id, label: `${o.name}, ${o.position}` })),
    assigned: (meeting.assignedOfficials.length ? meeting.assignedOfficials : meeting.requestedOfficials).map((o) => o.id),
  };
  return (
    <>
      <p>
        <Link href="/commission/meetings">{t("backToMeetings")}</Link>
      </p>
      <h1>{meeting.topic}</h1>
      {notice && <Notice>{t(`notices.${notice}`)}</Notice>}
      <MeetingDetails meeting={meeting} />
      <p>
        <a href={`/api/meetings/export/${meeting.missionId}?locale=${locale}`} download>
          {x("downloadForMission")}
        </a>
      </p>
      {meeting.proposed.length > 0 && (
        <>
          <h2>{t("proposedHeading")}</h2>
          <ol>
            {meeting.proposed.map((w) => (
              <li key={w.id}>
                <MeetingTime startsAt={w.startsAt} endsAt={w.endsAt} />
              </li>
            ))}
          </ol>
        </>
      )}
      {meetingLifecycle.canTransition(meeting.status, "confirm", actor.role) && <ConfirmForm {...formProps} />}
      {meetingLifecycle.canTransition(meeting.status, "propose", actor.role) && <ProposeForm {...formProps} rescheduling={meeting.status === "confirmed"} />}
      {meetingLifecycle.canTransition(meeting.status, "cancel", actor.role) && <CancelMeetingForm locale={locale} meetingId={meeting.id} version={meeting.version} />}
      {(meeting.status === "confirmed" || meeting.status === "held" || meeting.status === "not_held") && (
        <MeetingRecordForm
          locale={locale}
          meetingId={meeting.id}
          version={meeting.version}
          outcome={meeting.status === "confirmed" ? null : meeting.status}
          participants={meeting.participants ?? ""}
          minutes={meeting.minutes ?? ""}
        />
      )}
      {meeting.status === "held" && (
        <MeetingSummaryForm
          locale={locale}
          meetingId={meeting.id}
          version={meeting.version}
          summary={{ summaryTk: meeting.summaryTk ?? "", summaryRu: meeting.summaryRu ?? "", summaryEn: meeting.summaryEn ?? "" }}
          publishedOn={meeting.summaryPublishedAt ? formatInstant(meeting.summaryPublishedAt, locale) : null}
        />
      )}
    </>
  );
}
