import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/forms/notice";
import { AskNewTimeForm, CancelMeetingForm } from "@/components/meetings/change-forms";
import { MeetingDetails } from "@/components/meetings/meeting-details";
import { Link } from "@/i18n/navigation";
import { localeOf } from "@/lib/i18n/locale";
import { localizedMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";
import { formatInstant } from "@/lib/i18n/format";
import { getOwnMeeting } from "@/lib/meetings/queries";
import { getWorkingHours } from "@/lib/meetings/resources";
import { workingWeekText } from "@/lib/meetings/time";
import { meetingLifecycle } from "@/lib/meetings/transitions";
import { ProposalAnswer } from "./proposal-answer";

type Props = PageProps<"/[locale]/portal/meetings/[meetingId]">;
const notices = ["requested", "accepted", "declined", "cancelled", "newTimeRequested"] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeOf(params);
  const { meetingId } = await params;
  const t = await getTranslations({ locale, namespace: "meetings" });
  // The title names no meeting: metadata is rendered apart from the page's permission check.
  return localizedMetadata(locale, `/portal/meetings/${encodeURIComponent(meetingId)}`, t("meetingTitle"));
}

/** One of the organization's meetings: where it stands, and what the coordinator may do next. */
export default async function OwnMeetingPage({ params, searchParams }: Props) {
  const locale = await localeOf(params);
  const { meetingId: unverifiedId } = await params;
  const actor = await requirePermission("request:meetings", locale, `/portal/meetings/${encodeURIComponent(unverifiedId)}`);
  const meeting = await getOwnMeeting(actor, unverifiedId, locale);
  if (!meeting) notFound();
  const [t, unverified] = await Promise.all([getTranslations("meetings"), searchParams]);
  const notice = notices.find((n) => n === unverified.notice);
  return (
    <>
      <p>
        <Link href="/portal/meetings">{t("backToMeetings")}</Link>
      </p>
      <h1>{meeting.topic}</h1>
      {notice && <Notice>{t(`notices.${notice}`)}</Notice>}
      <MeetingDetails meeting={meeting} />
      {meeting.status === "proposed" && (
        <ProposalAnswer
          locale={locale}
          meetingId={meeting.id}
          version={meeting.version}
          times={meeting.proposed.map((w) => ({ value: w.id, label: t("ashgabatTime", { time: formatInstant(w.startsAt, locale) }) }))}
        />
      )}
      {meetingLifecycle.canTransition(meeting.status, "ask_new_time", actor.role) && (
        <AskNewTimeForm locale={locale} meetingId={meeting.id} version={meeting.version} workingHours={workingWeekText(await getWorkingHours(), locale)} />
      )}
      {meetingLifecycle.canTransition(meeting.status, "cancel", actor.role) && <CancelMeetingForm locale={locale} meetingId={meeting.id} version={meeting.version} />}
    </>
  );
}
