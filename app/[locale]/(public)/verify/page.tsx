import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { lookUpBadge, verifyBadge, type BadgeVerification } from "@/lib/badges/verification";
import { lookupFormSchema } from "@/lib/badges/schemas";
import { todayInAshgabat } from "@/lib/dates";
import { formatDay } from "@/lib/i18n/format";
import { localizedMetadata } from "@/lib/i18n/metadata";
import { localeOf } from "@/lib/i18n/locale";
import styles from "./verify.module.css";

// The verdict is read from the database on every request: a revocation shows at once, never a cached VALID.
export const dynamic = "force-dynamic";

type Props = PageProps<"/[locale]/verify">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeOf(params);
  const t = await getTranslations({ locale, namespace: "verify" });
  // The token names a person: the page is never indexed, and its canonical form carries no query.
  return { ...localizedMetadata(locale, "/verify", t("title")), robots: { index: false, follow: false } };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

type Verdict = BadgeVerification["status"];

/** A shape for each verdict, so it reads without colour: a tick, a cross, a clock, a question mark. */
function VerdictIcon({ verdict }: { verdict: Verdict }) {
  const path =
    verdict === "valid"
      ? "M6 13l4 4 8-9"
      : verdict === "expired" || verdict === "notYetValid"
        ? "M12 7v5l3 3"
        : verdict === "notFound"
          ? "M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6V14M12 17.5v.5"
          : "M8 8l8 8M16 8l-8 8";
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2.5} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10.5" />
      <path d={path} />
    </svg>
  );
}

/** The public check of an observer's badge: scanned from its QR code (?t=), or by number and surname. */
export default async function VerifyPage({ params, searchParams }: Props) {
  const locale = await localeOf(params);
  const t = await getTranslations("verify");
  const v = await getTranslations("vocabulary");
  const query = await searchParams;
  const unverifiedToken = first(query.t);
  const lookupAsked = "number" in query || "surname" in query;
  const lookup = lookupFormSchema.safeParse({ number: first(query.number), surname: first(query.surname) });
  const fieldErrors = lookupAsked && !lookup.success ? lookup.error.flatten().fieldErrors : {};

  const result: BadgeVerification | null = unverifiedToken
    ? await verifyBadge(unverifiedToken, locale)
    : lookupAsked && lookup.success
      ? await lookUpBadge(lookup.data.number, lookup.data.surname, locale)
      : null;

  return (
    <>
      <h1>{t("title")}</h1>
      {result ? (
        <section aria-labelledby="verdict-word">
          <p className={`${styles.verdict} ${styles[result.status]}`} role="status">
            <VerdictIcon verdict={result.status} />
            <span>
              <span id="verdict-word" className={styles.word}>
                {t(`status.${result.status}`)}
              </span>
              <span className={styles.explanation}>{t(`explanation.${result.status}`)}</span>
            </span>
          </p>
          {"claims" in result && (
            <div className={styles.holder}>
              {result.photo && (
                // eslint-disable-next-line @next/next/no-img-element -- served small by its own route, only while the badge is valid
                <img className={styles.photo} src={`/api/badges/${result.badgeId}/photo`} alt={t("photoOf", { name: `${result.claims.gn} ${result.claims.sn}` })} width={144} height={185} />
              )}
              <dl className={styles.details}>
                <dt>{t("name")}</dt>
                <dd className={styles.name}>
                  {result.claims.sn}, {result.claims.gn}
                  {result.claims.cn && (
                    <>
                      <br />
                      <span lang="ru">{result.claims.cn}</span>
                    </>
                  )}
                </dd>
                <dt>{t("organization")}</dt>
                <dd>
                  {result.organizationName} ({result.claims.org})
                </dd>
                <dt>{t("role")}</dt>
                <dd>{v(`observerRoles.${result.claims.r}`)}</dd>
                <dt>{t("election")}</dt>
                <dd>{result.electionTitle}</dd>
                <dt>{t("accreditationNumber")}</dt>
                <dd>{result.claims.n}</dd>
                <dt>{t("validity")}</dt>
                <dd>
                  {t("fromUntil", {
                    from: formatDay(todayInAshgabat(new Date(result.claims.nbf * 1000)), locale),
                    // exp is the first instant after the last day.
                    until: formatDay(todayInAshgabat(new Date((result.claims.exp - 1) * 1000)), locale),
                  })}
                </dd>
              </dl>
            </div>
          )}
        </section>
      ) : (
        <p className="lead">{t("lead")}</p>
      )}

      <h2 id="lookup-heading">{t("lookupHeading")}</h2>
      <p>{t("lookupLead")}</p>
      {Object.keys(fieldErrors).length > 0 && (
        <div className="error-summary" role="alert" aria-labelledby="lookup-errors-title">
          <h2 id="lookup-errors-title">{t("errorsTitle")}</h2>
          <ul>
            {(["number", "surname"] as const).map((field) =>
              fieldErrors[field] ? (
                <li key={field}>
                  <a href={`#lookup-${field}`}>{t(`errors.${field}`)}</a>
                </li>
              ) : null,
            )}
          </ul>
        </div>
      )}
      <form className="form" method="get" action={`/${locale}/verify`} aria-labelledby="lookup-heading">
        {(["number", "surname"] as const).map((field) => (
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
