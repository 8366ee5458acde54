import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/forms/notice";
import { StatementActionForm } from "@/components/statements/action-form";
import { StatementAttachments } from "@/components/statements/statement-attachments";
import { VersionWords } from "@/components/statements/statement-texts";
import { VersionHistory } from "@/components/statements/version-history";
import { Link } from "@/i18n/navigation";
import { formatInstant } from "@/lib/i18n/format";
import { localeOf } from "@/lib/i18n/locale";
import { localizedMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";
import { startCorrectionAction, submitStatementAction } from "@/lib/statements/actions";
import { publishingNow } from "@/lib/statements/clock";
import { getOwnStatement } from "@/lib/statements/drafting";
import { shownStatusAt } from "@/lib/statements/vocabulary";

type Props = PageProps<"/[locale]/portal/statements/[statementId]">;
const notices = ["saved", "submitted"] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeOf(params);
  const { statementId } = await params;
  const t = await getTranslations({ locale, namespace: "statements" });
  // The title names no statement: metadata is rendered apart from the page's permission check.
  return localizedMetadata(locale, `/portal/statements/${encodeURIComponent(statementId)}`, t("statementTitle"));
}

/** One of the organization's statements: its latest version as it will read, and the next step. */
export default async function OwnStatementPage({ params, searchParams }: Props) {
  const locale = await localeOf(params);
  const { statementId: unverifiedId } = await params;
  const actor = await requirePermission("draft:statements", locale, `/portal/statements/${encodeURIComponent(unverifiedId)}`);
  const statement = await getOwnStatement(actor, unverifiedId, locale);
  if (!statement) notFound();
  const [t, unverified] = await Promise.all([getTranslations("statements"), searchParams]);
  const notice = notices.find((n) => n === unverified.notice);
  const { latest } = statement;
  const editable = latest.status === "draft" || latest.status === "returned";
  const published = statement.versions.filter((v) => v.status === "published");
  const now = publishingNow();
  return (
    <>
      <p>
        <Link href="/portal/statements">{t("backToList")}</Link>
      </p>
      {notice && <Notice>{t(`notices.${notice}`)}</Notice>}
      <h1>{statement.texts.find((x) => x.isOriginal)!.title}</h1>
      <dl className="summary-list">
        <div>
          <dt>{t("fields.kind")}</dt>
          <dd>{t(`kinds.${statement.kind}`)}</dd>
        </div>
        <div>
          <dt>{t("mission")}</dt>
          <dd>
            {statement.missionName} · {statement.electionTitle}
          </dd>
        </div>
        <div>
          <dt>{t("version")}</dt>
          <dd>{latest.number}</dd>
        </div>
        <div>
          <dt>{t("status")}</dt>
          <dd>{t(`statuses.${shownStatusAt(latest, now)}`)}</dd>
        </div>
        <div>
          <dt>{t("fields.embargoAt")}</dt>
          <dd>{latest.embargoAt ? formatInstant(latest.embargoAt, locale) : t("noEmbargo")}</dd>
        </div>
      </dl>
      {latest.status === "returned" && latest.returnReason && (
        <div className="notice notice--warning">
          <p>
            <strong>{t("returnedBecause")}</strong> {latest.returnReason}
          </p>
        </div>
      )}
      <div className="page-actions">
        {editable && (
          <>
            <Link href={`/portal/statements/${statement.id}/edit`} className="button button--secondary">
              {t("edit")}
            </Link>
            <StatementActionForm action={submitStatementAction} fields={{ locale, versionId: latest.id }} label={t("submit")} pendingLabel={t("submitting")} />
          </>
        )}
        {latest.status === "published" && (
          <StatementActionForm action={startCorrectionAction} fields={{ locale, statementId: statement.id }} label={t("startCorrection")} pendingLabel={t("saving")} secondary />
        )}
        {published.some((v) => v.publishedAt! <= now) && <Link href={`/statements/${statement.id}`}>{t("publicPage")}</Link>}
      </div>
      <VersionWords version={latest.number} texts={statement.texts} otherLanguageName={latest.otherLanguageName} />
      <StatementAttachments attachments={statement.attachments} />
      <VersionHistory versions={published.map((v) => ({ number: v.number, publishedAt: v.publishedAt!.toISOString(), sha256: v.sha256! }))} />
    </>
  );
}
