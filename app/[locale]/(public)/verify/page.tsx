import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ErrorSummary } from "@/components/forms/error-summary";
import { labelsOf, summaryItems } from "@/components/forms/summary-items";
import { lookUpBadgeFrom, verifyBadge, type LookupResult } from "@/lib/badges/verification";
import { lookupFormSchema } from "@/lib/badges/schemas";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { localizedMetadata } from "@/lib/i18n/metadata";
import { localeOf } from "@/lib/i18n/locale";
import { clientIp } from "@/lib/request-context";
import { OfflineBadgeCheck } from "./offline-badge-check";
import { BadgeDetails, VerdictBanner } from "./verdict";
import styles from "./verify.module.css";

// The verdict is read from the database on every request: a revocation shows at once, never a cached VALID.
export const dynamic = "force-dynamic";

type Props = PageProps<"/[locale]/verify">;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";
const lookupFields = ["number", "surname"] as const;
type LookupField = (typeof lookupFields)[number];
const fieldOf = (id: `lookup-${LookupField}`) => id.slice("lookup-".length) as LookupField;

/** The look-up form as the GET request brought it: whether it was asked, and its fields' problems. */
function lookupOf(query: Awaited<Props["searchParams"]>) {
  const asked = "number" in query || "surname" in query;
  const lookup = lookupFormSchema.safeParse({ number: first(query.number), surname: first(query.surname) });
  const fieldErrors = asked && !lookup.success ? lookup.error.flatten().fieldErrors : {};
  return { asked, lookup, fieldErrors };
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const locale = await localeOf(params);
  const [t, te] = await Promise.all([getTranslations({ locale, namespace: "verify" }), getTranslations({ locale, namespace: "errors" })]);
  // A wrong look-up comes back from a GET navigation: the title says so from the server already.
  const wrong = Object.keys(lookupOf(await searchParams).fieldErrors).length > 0;
  // The token names a person: the page is never indexed, and its canonical form carries no query.
  return { ...localizedMetadata(locale, "/verify", wrong ? `${te("titlePrefix")} ${t("title")}` : t("title")), robots: { index: false, follow: false } };
}

/** The public check of an observer's badge: scanned from its QR code (?t=), or by number and surname. */
export default async function VerifyPage({ params, searchParams }: Props) {
  const locale = await localeOf(params);
  const t = await getTranslations("verify");
  const query = await searchParams;
  const unverifiedToken = first(query.t);
  const { asked: lookupAsked, lookup, fieldErrors } = lookupOf(query);
  const summary = summaryItems(
    labelsOf(lookupFields.map((field) => `lookup-${field}` as const), (id) => t(`fields.${fieldOf(id)}`)),
    (id) => (fieldErrors[fieldOf(id)] ? t(`errors.${fieldOf(id)}`) : undefined),
  );

  const result: LookupResult | null = unverifiedToken
    ? await verifyBadge(unverifiedToken, locale)
    : lookupAsked && lookup.success
      ? await lookUpBadgeFrom(await clientIp(), lookup.data.number, lookup.data.surname, locale)
      : null;

  return (
    <>
      <h1>{t("title")}</h1>
      {/* Served from the device's cache when the server is out of reach: it then checks the token itself. */}
      <ClientMessages namespaces={["verify", "vocabulary"]}>
        <OfflineBadgeCheck locale={locale} answeredByServer={Boolean(unverifiedToken) || lookupAsked} />
      </ClientMessages>
      {result?.status === "limited" ? (
        <p className="notice" role="alert">
          {t("limited")}
        </p>
      ) : result ? (
        <section aria-labelledby="verdict-word">
          <VerdictBanner verdict={result.status} />
          {"claims" in result && (
            <BadgeDetails
              locale={locale}
              claims={result.claims}
              organization={`${result.organizationName} (${result.claims.org})`}
              election={result.electionTitle}
              photo={
                result.photo && (
                  // eslint-disable-next-line @next/next/no-img-element -- served small by its own route, only while the badge is valid
                  <img className={styles.photo} src={`/api/badges/${result.badgeId}/photo`} alt={t("photoOf", { name: `${result.claims.gn} ${result.claims.sn}` })} width={144} height={185} />
                )
              }
            />
          )}
        </section>
      ) : (
        <p className="lead">{t("lead")}</p>
      )}

      <h2 id="lookup-heading">{t("lookupHeading")}</h2>
      <p>{t("lookupLead")}</p>
      {/* The shared summary: it takes focus and names each field, as every form's does. */}
      <ClientMessages namespaces={["errors"]}>
        <ErrorSummary items={summary} attempt={0} />
      </ClientMessages>
      <form className="form" method="get" action={`/${locale}/verify`} aria-labelledby="lookup-heading">
        {lookupFields.map((field) => (
          <div key={field} className={fieldErrors[field] ? "field field--error" : "field"}>
            <label htmlFor={`lookup-${field}`}>{t(`fields.${field}`)}</label>
            {field === "number" && (
              <p className="field__hint" id="lookup-number-hint">
                {t("numberHint")}
              </p>
            )}
            {fieldErrors[field] && (
              <p className="field__error" id={`lookup-${field}-error`}>
                {t(`errors.${field}`)}
              </p>
            )}
            <input
              id={`lookup-${field}`}
              name={field}
              type="text"
              autoComplete="off"
              autoCapitalize={field === "number" ? "characters" : "words"}
              spellCheck={false}
              maxLength={field === "number" ? 40 : 200}
              defaultValue={first(query[field])}
              aria-invalid={fieldErrors[field] ? true : undefined}
              aria-describedby={[field === "number" && "lookup-number-hint", fieldErrors[field] && `lookup-${field}-error`].filter(Boolean).join(" ") || undefined}
            />
          </div>
        ))}
        <button type="submit" className="button">
          {t("check")}
        </button>
      </form>
    </>
  );
}
