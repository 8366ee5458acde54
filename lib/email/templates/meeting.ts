import { getEnv } from "@/lib/env";
import { formatInstant } from "@/lib/i18n/format";
import { renderEmail } from "../render";
import { emailTranslator } from "../translator";

type Locale = "tk" | "ru" | "en";

/** What happened to a meeting, as both sides are told. */
export const meetingChanges = ["confirmed", "proposed", "accepted", "declined", "cancelled", "newTimeRequested", "expired"] as const;
export type MeetingChange = (typeof meetingChanges)[number];

export type MeetingNotice = {
  change: MeetingChange;
  meetingId: string;
  topic: string;
  acronym: string;
  /** The slot the notice is about (the new one, or the one given up), if there is one. */
  slot: { startsAt: Date; endsAt: Date; room: string | null } | null;
  reason: string | null;
  /** Which workspace the link opens. */
  side: "mission" | "commission";
};

/** A notice of a change to a meeting, in the recipient's language, with a link to the meeting. */
export function meetingChangeEmail(locale: Locale, notice: MeetingNotice) {
  const t = emailTranslator(locale);
  const facts = { topic: notice.topic, organization: notice.acronym };
  const paragraphs = [t(`meeting.${notice.change}`, facts)];
  if (notice.slot) {
    const until = new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone: "Asia/Ashgabat" }).format(notice.slot.endsAt);
    paragraphs.push(t("meeting.slot", { time: formatInstant(notice.slot.startsAt, locale), until }));
    if (notice.slot.room) paragraphs.push(t("meeting.room", { room: notice.slot.room }));
  }
  if (notice.reason) paragraphs.push(t("meeting.reason", { reason: notice.reason }));
  if (notice.slot && notice.change !== "expired") paragraphs.push(t("meeting.calendarFile"));
  const workspace = notice.side === "mission" ? "portal" : "commission";
  return renderEmail(
    {
      subject: t(`meeting.subjects.${notice.change}`, facts),
      greeting: t("greeting"),
      paragraphs,
      action: { label: t("meeting.action"), url: new URL(`/${locale}/${workspace}/meetings/${notice.meetingId}`, getEnv().SITE_URL).toString() },
      footer: t("footer"),
    },
    locale,
  );
}
