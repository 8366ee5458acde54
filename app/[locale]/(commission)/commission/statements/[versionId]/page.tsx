import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/forms/notice";
import { StatementAttachments } from "@/components/statements/statement-attachments";
import { VersionWords } from "@/components/statements/statement-texts";
import { Link } from "@/i18n/navigation";
import { formatInstant } from "@/lib/i18n/format";
import { localeOf } from "@/lib/i18n/locale";
import { localizedMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";
import { publishingNow } from "@/lib/statements/clock";
import { getVersionForReview } from "@/lib/statements/publishing";
import { shownStatusAt } from "@/lib/statements/vocabulary";
import { DecisionForm } from "./decision-form";

type Props = PageProps<"/[locale]/commission/statements/[versionId]">;
const notices = ["published", "scheduled", "returned"] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeOf(params);
  const { versionId } = await params;
  const t = await getTranslations({ locale, namespace: "statements" });
  return localizedMetadata(locale, `/commission/statements/${encodeURIComponent(versionId)}`, t("reviewTitle"));
}

/**
 * A submitted version as the mission wrote it (staff read, never edit), and the commission's decision.
 * A returned one shows only that it was returned and why: its words are the mission's to change again.
 */
export default async function StatementReviewPage({ params, searchParams }: Props) {
  const locale = await localeOf(params);
  const { versionId: unverifiedId } = await params;
  const actor = await requirePermission("publish:statement", locale, `/commission/statements/${encodeURIComponent(unverifiedId)}`);
  const version = await getVersionForReview(actor, unverifiedId, locale);
  if (!version) notFound();
  const [t, unverified] = await Promise.all([getTranslations("statements"), searchParams]);
  const notice = notices.find((n) => n === unverified.notice);
  const now = publishingNow();
  const status = shownStatusAt(version, now);
  const returned = version.status === "returned";
  return (
    <>
      <p>
        <Link href="/commission/statements">{t("backToQueue")}</Link>
      </p>
      {notice && <Notice>{t(`notices.${notice}`)}</Notice>}
      <h1>{t("reviewTitle")}</h1>
      <dl className="summary-list">
        <div>
          <dt>{t("organization")}</dt>
          <dd>
            {version.organization} · {version.missionName}
          </dd>
        </div>
        <div>
          <dt>{t("election")}</dt>
          <dd>{version.electionTitle}</dd>
        </div>
        <div>
          <dt>{t("fields.kind")}</dt>
          <dd>{t(`kinds.${version.kind}`)}</dd>
        </div>
        <div>
          <dt>{t("version")}</dt>
          <dd>{version.number}</dd>
        </div>
        <div>
          <dt>{t("status")}</dt>
          <dd>{t(`statuses.${status}`)}</dd>
        </div>
        {!returned && (
          <div>
            <dt>{t("fields.embargoAt")}</dt>
            <dd>{version.embargoAt ? formatInstant(version.embargoAt, locale) : t("noEmbargo")}</dd>
          </div>
        )}
        {version.publishedAt && (
          <div>
            <dt>{t("publishedAt")}</dt>
            <dd>{formatInstant(version.publishedAt, locale)}</dd>
          </div>
        )}
        {version.sha256 && (
          <div>
            <dt>SHA-256</dt>
            <dd>
              <code className="hash">{version.sha256}</code>
            </dd>
          </div>
        )}
      </dl>
      {returned && version.returnReason && (
        <p className="notice notice--warning">
          <strong>{t("returnedBecause")}</strong> {version.returnReason}
        </p>
      )}
      {version.status === "submitted" && (
        <DecisionForm locale={locale} versionId={version.id} revision={version.revision} embargoAhead={version.embargoAt !== null && version.embargoAt > now} />
      )}
      {returned ? (
        <p>{t("returnedWordsWithheld")}</p>
      ) : (
        <>
          <VersionWords version={version.number} texts={version.texts} otherLanguageName={version.otherLanguageName} />
          <StatementAttachments attachments={version.attachments} />
        </>
      )}
    </>
  );
}
