import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { localeOf } from "@/lib/i18n/locale";
import { requirePermission } from "@/lib/identity/session";
import { listOwnRecords } from "@/lib/observers/own-record";
import { RecordSummary } from "./record-summary";

export async function generateMetadata({ params }: PageProps<"/[locale]/me">) {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "observerAccess.me" });
  return { title: t("title"), robots: { index: false } };
}

/** "My accreditation": every election the signed-in observer was nominated for, and where each stands. */
export default async function MyAccreditationPage({ params }: PageProps<"/[locale]/me">) {
  const locale = await localeOf(params);
  const actor = await requirePermission("enter:observer-workspace", locale, "/me");
  const [t, p, records] = await Promise.all([getTranslations("observerAccess.me"), getTranslations("observerAccess.privacy"), listOwnRecords(actor, locale)]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      {records.length === 0 && <p>{t("noRecords")}</p>}
      {records.map((record) => (
        <section key={record.id} aria-labelledby={`record-${record.id}`}>
          <h2 id={`record-${record.id}`}>{record.electionTitle}</h2>
          <RecordSummary record={record} locale={locale} />
          <p>
            <Link href={`/me/records/${record.id}`}>{t("open")}</Link>
          </p>
        </section>
      ))}
      <p>
        <Link href="/me/privacy">{p("link")}</Link>
      </p>
    </>
  );
}
