import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { MAX_DELIVERY_ATTEMPTS } from "@/lib/email/delivery";
import { getOutboxEmail } from "@/lib/email/queries";
import { outboxEmailIdSchema } from "@/lib/email/schemas";
import { getEnv } from "@/lib/env";
import { formatInstant } from "@/lib/i18n/format";
import { localeOf } from "@/lib/i18n/locale";
import { localizedMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";
import { NoMailServerNotice } from "../no-mail-server";
import styles from "../outbox.module.css";
import { EmailStatusBadge } from "../status";
import { LinkedText } from "./linked-text";

type Props = PageProps<"/[locale]/commission/admin/outbox/[id]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeOf(params);
  const t = await getTranslations({ locale, namespace: "outbox" });
  // Only admins may learn an email's subject; everyone else gets the section's name.
  return localizedMetadata(locale, `/commission/admin/outbox/${encodeURIComponent((await params).id)}`, t("title"));
}

/**
 * One email as it was (or will be) sent: headers, delivery history and the plain-text body, which
 * holds everything the HTML version says. The HTML version is not shown: in a sandboxed frame
 * (no scripts) accessibility checkers cannot enter it, and allowing scripts there is not worth it.
 */
export default async function OutboxEmailPage({ params }: Props) {
  const locale = await localeOf(params);
  const { id: unverifiedId } = await params;
  const actor = await requirePermission("view:outbox", locale, `/commission/admin/outbox/${encodeURIComponent(unverifiedId)}`);
  const id = outboxEmailIdSchema.safeParse(unverifiedId);
  if (!id.success) notFound();
  const email = await getOutboxEmail(actor, id.data);
  if (!email) notFound();

  const t = await getTranslations("outbox");
  const languageName = new Intl.DisplayNames(locale, { type: "language" }).of(email.locale) ?? email.locale;
  const instant = (date: Date) => <time dateTime={date.toISOString()}>{formatInstant(date, locale)}</time>;
  const env = getEnv();

  return (
    <>
      <p className={styles.back}>
        <Link href="/commission/admin/outbox">{t("backToList")}</Link>
      </p>
      <h1>{t("detail.title", { subject: email.subject })}</h1>
      {!env.SMTP_URL && email.status === "pending" && <NoMailServerNotice />}

      <h2>{t("detail.messageHeading")}</h2>
      <dl className="summary-list">
        <dt>{t("detail.from")}</dt>
        <dd className={styles.address}>{env.MAIL_FROM}</dd>
        <dt>{t("detail.to")}</dt>
        <dd className={styles.address}>{email.toAddress}</dd>
        <dt>{t("detail.subject")}</dt>
        <dd>{email.subject}</dd>
        <dt>{t("detail.language")}</dt>
        <dd>{languageName}</dd>
        <dt>{t("detail.template")}</dt>
        <dd>
          <code>{email.template}</code>
        </dd>
      </dl>

      <h2>{t("detail.deliveryHeading")}</h2>
      <dl className="summary-list">
        <dt>{t("detail.status")}</dt>
        <dd>
          <EmailStatusBadge status={email.status} />
          {email.status === "failed" && <> {t("detail.failedNote", { max: MAX_DELIVERY_ATTEMPTS })}</>}
        </dd>
        <dt>{t("detail.attempts")}</dt>
        <dd>{t("detail.attemptsOf", { attempts: email.attempts, max: MAX_DELIVERY_ATTEMPTS })}</dd>
        <dt>{t("detail.queuedAt")}</dt>
        <dd>{instant(email.createdAt)}</dd>
        {email.status === "pending" && (
          <>
            <dt>{t("detail.nextAttemptAt")}</dt>
            <dd>{instant(email.nextAttemptAt)}</dd>
          </>
        )}
        {email.sentAt && (
          <>
            <dt>{t("detail.sentAt")}</dt>
            <dd>{instant(email.sentAt)}</dd>
          </>
        )}
        {email.lastError && (
          <>
            <dt>{t("detail.lastError")}</dt>
            <dd className={styles.error}>{email.lastError}</dd>
          </>
        )}
      </dl>

      <h2>{t("detail.textHeading")}</h2>
      {email.linksWithheld && <p>{t("detail.linksWithheld")}</p>}
      <pre className={styles.body} lang={email.locale}>
        <LinkedText text={email.textBody} />
      </pre>
    </>
  );
}
