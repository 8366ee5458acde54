import { getLocale, getTranslations } from "next-intl/server";
import { formatInstant } from "@/lib/i18n/format";
import type { OwnMeeting } from "@/lib/meetings/queries";
import { MeetingStatusBadge } from "./meeting-status";
import { MeetingTime } from "./meeting-time";

/** What a meeting is about and where it stands, as both sides see it. */
export async function MeetingDetails({ meeting }: { meeting: OwnMeeting }) {
  const [t, locale] = await Promise.all([getTranslations("meetings"), getLocale()]);
  const undecided = meeting.status === "requested" || meeting.status === "proposed";
  return (
    <>
      <dl className="summary-list">
        <div>
          <dt>{t("status")}</dt>
          <dd>
            <MeetingStatusBadge status={meeting.status} />
            {undecided && <p>{t("expiresAt", { time: formatInstant(meeting.expiresAt, locale) })}</p>}
            {meeting.cancellationReason && <p>{t("cancellationReason", { reason: meeting.cancellationReason })}</p>}
          </dd>
        </div>
        {meeting.startsAt && (
          <div>
            <dt>{t("slot")}</dt>
            <dd>
              <MeetingTime startsAt={meeting.startsAt} endsAt={meeting.endsAt} />
              {meeting.room && <p>{t("roomIs", { room: meeting.room })}</p>}
            </dd>
          </div>
        )}
        <div>
          <dt>{t("mission")}</dt>
          <dd>
            {meeting.organization} ({meeting.acronym}) — {meeting.electionTitle}
          </dd>
        </div>
        <div>
          <dt>{t("fields.topic")}</dt>
          <dd>{meeting.topic}</dd>
        </div>
        <div>
          <dt>{t("fields.agenda")}</dt>
          <dd className="preserve-lines">{meeting.agenda}</dd>
        </div>
        <div>
          <dt>{t("fields.delegationSize")}</dt>
          <dd>{meeting.delegationSize}</dd>
        </div>
        <div>
          <dt>{t("fields.interpreterLanguage")}</dt>
          <dd>{t(`interpreter.${meeting.interpreterLanguage}`)}</dd>
        </div>
        <div>
          <dt>{t("fields.durationMinutes")}</dt>
          <dd>{t("minutes", { count: meeting.durationMinutes })}</dd>
        </div>
        <div>
          <dt>{t("fields.officialIds")}</dt>
          <dd>{meeting.requestedOfficials.length ? meeting.requestedOfficials.map((o) => `${o.name}, ${o.position}`).join("; ") : t("noOfficialsAsked")}</dd>
        </div>
        {meeting.assignedOfficials.length > 0 && (
          <div>
            <dt>{t("assignedOfficials")}</dt>
            <dd>{meeting.assignedOfficials.map((o) => `${o.name}, ${o.position}`).join("; ")}</dd>
          </div>
        )}
      </dl>
      <h2>{t("preferredHeading")}</h2>
      <ol>
        {meeting.preferred.map((w) => (
          <li key={w.id}>
            <MeetingTime startsAt={w.startsAt} endsAt={w.endsAt} />
          </li>
        ))}
      </ol>
    </>
  );
}
