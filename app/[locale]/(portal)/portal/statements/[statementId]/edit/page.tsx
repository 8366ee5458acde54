import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { ashgabatDateTime } from "@/lib/dates";
import { localeOf } from "@/lib/i18n/locale";
import { localizedMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";
import { getOwnStatement } from "@/lib/statements/drafting";
import { translationFields } from "@/lib/statements/schemas";
import { statementLanguages } from "@/lib/statements/vocabulary";
import { StatementForm } from "../../statement-form";

type Props = PageProps<"/[locale]/portal/statements/[statementId]/edit">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeOf(params);
  const { statementId } = await params;
  const t = await getTranslations({ locale, namespace: "statements" });
  return localizedMetadata(locale, `/portal/statements/${encodeURIComponent(statementId)}/edit`, t("editTitle"));
}

/** Changes to the statement's latest version while it is a draft or was returned. */
export default async function EditStatementPage({ params }: Props) {
  const locale = await localeOf(params);
  const { statementId: unverifiedId } = await params;
  const actor = await requirePermission("draft:statements", locale, `/portal/statements/${encodeURIComponent(unverifiedId)}/edit`);
  const statement = await getOwnStatement(actor, unverifiedId, locale);
  if (!statement) notFound();
  const t = await getTranslations("statements");
  const { latest, texts } = statement;
  const original = texts.find((x) => x.isOriginal)!;
  const initial: Record<string, string> = {
    missionId: statement.missionId,
    kind: statement.kind,
    originalLanguage: latest.originalLanguage,
    otherLanguageName: latest.otherLanguageName ?? "",
    title: original.title,
    body: original.body,
    embargoAt: latest.embargoAt ? ashgabatDateTime(latest.embargoAt) : "",
  };
  for (const language of statementLanguages) {
    const translation = texts.find((x) => !x.isOriginal && x.language === language);
    initial[translationFields(language).title] = translation?.title ?? "";
    initial[translationFields(language).body] = translation?.body ?? "";
  }
  const editable = latest.status === "draft" || latest.status === "returned";
  return (
    <>
      <p>
        <Link href={`/portal/statements/${statement.id}`}>{t("backToStatement")}</Link>
      </p>
      <h1>{t("editTitle")}</h1>
      <p className="lead">{t("editLead", { version: latest.number })}</p>
      {editable ? (
        <StatementForm locale={locale} versionId={latest.id} missionOptions={[]} initial={initial as never} attachments={statement.attachments} />
      ) : (
        <p className="notice">{t("refusals.notEditable")}</p>
      )}
    </>
  );
}
