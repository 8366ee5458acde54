import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { localeOf } from "@/lib/i18n/locale";
import { pageMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";
import { listMissionsForStatements } from "@/lib/statements/drafting";
import { StatementForm } from "../statement-form";

const path = "/portal/statements/new";

export const generateMetadata = pageMetadata("statements", "newTitle", path);

const emptyDraft = {
  missionId: "",
  kind: "",
  originalLanguage: "",
  otherLanguageName: "",
  title: "",
  body: "",
  embargoAt: "",
  tkTitle: "",
  tkBody: "",
  ruTitle: "",
  ruBody: "",
  enTitle: "",
  enBody: "",
};

/** A new statement of one of the organization's approved missions, saved as a draft. */
export default async function NewStatementPage({ params }: PageProps<"/[locale]/portal/statements/new">) {
  const locale = await localeOf(params);
  const actor = await requirePermission("draft:statements", locale, path);
  const [t, missions] = await Promise.all([getTranslations("statements"), listMissionsForStatements(actor, locale)]);
  return (
    <>
      <p>
        <Link href="/portal/statements">{t("backToList")}</Link>
      </p>
      <h1>{t("newTitle")}</h1>
      <p className="lead">{t("newLead")}</p>
      {missions.length === 0 ? (
        <p className="notice">{t("noApprovedMission")}</p>
      ) : (
        <StatementForm
          locale={locale}
          versionId=""
          missionOptions={missions.map((m) => ({ value: m.id, label: `${m.name ?? ""} · ${m.electionTitle}` }))}
          initial={{ ...emptyDraft, missionId: missions.length === 1 ? missions[0]!.id : "" } as never}
          attachments={[]}
        />
      )}
    </>
  );
}
