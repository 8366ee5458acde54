import { getTranslations } from "next-intl/server";
import { interpreterLanguages, meetingDurations } from "@/db/schema/meetings";
import { Link } from "@/i18n/navigation";
import { localeOf } from "@/lib/i18n/locale";
import { pageMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";
import { listMissionsForMeetings } from "@/lib/meetings/requests";
import { getWorkingHours, listOfficials } from "@/lib/meetings/resources";
import { workingWeekText } from "@/lib/meetings/time";
import { RequestForm } from "./request-form";

const path = "/portal/meetings/new";

export const generateMetadata = pageMetadata("meetings", "requestTitle", path);

/** A coordinator asks for a meeting for one of the organization's missions (submitted or approved). */
export default async function RequestMeetingPage({ params, searchParams }: PageProps<"/[locale]/portal/meetings/new">) {
  const locale = await localeOf(params);
  const actor = await requirePermission("request:meetings", locale, path);
  const [t, missions, officials, week] = await Promise.all([
    getTranslations("meetings"),
    listMissionsForMeetings(actor, locale),
    listOfficials(locale, { activeOnly: true }),
    getWorkingHours(),
  ]);
  const { mission: unverifiedMission } = await searchParams;
  const initialMissionId = missions.find((m) => m.id === unverifiedMission)?.id ?? (missions.length === 1 ? missions[0]!.id : "");
  return (
    <>
      <p>
        <Link href="/portal/meetings">{t("backToMeetings")}</Link>
      </p>
      <h1>{t("requestTitle")}</h1>
      <p className="lead">{t("requestLead")}</p>
      {missions.length === 0 ? (
        <p>{t("noMissionCanMeet")}</p>
      ) : (
        <RequestForm
          locale={locale}
          initialMissionId={initialMissionId}
          missionOptions={missions.map((m) => ({ value: m.id, label: m.name ? `${m.name} — ${m.electionTitle}` : m.electionTitle }))}
          officialOptions={officials.map((o) => ({ value: o.id, label: `${o.name}, ${o.position}` }))}
          languageOptions={interpreterLanguages.map((l) => ({ value: l, label: t(`interpreter.${l}`) }))}
          durationOptions={meetingDurations.map((d) => ({ value: String(d), label: t("minutes", { count: d }) }))}
          workingHours={workingWeekText(week, locale)}
        />
      )}
    </>
  );
}
