import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { observerRoles } from "@/lib/accreditation/vocabulary";
import { todayInAshgabat } from "@/lib/dates";
import { formatDay } from "@/lib/i18n/format";
import styles from "./verify.module.css";

/**
 * The verdict and what the badge says, drawn the same way whether the server checked it or the
 * phone did offline (so an official reads both at arm's length alike).
 */

export type Verdict = "valid" | "revoked" | "expired" | "notYetValid" | "notGenuine" | "notFound";

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

export function VerdictBanner({ verdict }: { verdict: Verdict }) {
  const t = useTranslations("verify");
  return (
    <p className={`${styles.verdict} ${styles[verdict]}`} role="status">
      <VerdictIcon verdict={verdict} />
      <span>
        <span id="verdict-word" className={styles.word}>
          {t(`status.${verdict}`)}
        </span>
        <span className={styles.explanation}>{t(`explanation.${verdict}`)}</span>
      </span>
    </p>
  );
}

/** The claims the badge's token carries (lib/badges/token.ts). */
type Claims = { n: string; sn: string; gn: string; cn?: string; r: string; nbf: number; exp: number };

export function BadgeDetails({ claims, organization, election, photo, locale }: { claims: Claims; organization: string; election: string; photo?: ReactNode; locale: string }) {
  const t = useTranslations("verify");
  const v = useTranslations("vocabulary");
  const role = observerRoles.find((r) => r === claims.r);
  return (
    <div className={styles.holder}>
      {photo}
      <dl className={styles.details}>
        <dt>{t("name")}</dt>
        <dd className={styles.name}>
          {claims.sn}, {claims.gn}
          {claims.cn && (
            <>
              <br />
              <span lang="ru">{claims.cn}</span>
            </>
          )}
        </dd>
        <dt>{t("organization")}</dt>
        <dd>{organization}</dd>
        <dt>{t("role")}</dt>
        <dd>{role ? v(`observerRoles.${role}`) : claims.r}</dd>
        <dt>{t("election")}</dt>
        <dd>{election}</dd>
        <dt>{t("accreditationNumber")}</dt>
        <dd>{claims.n}</dd>
        <dt>{t("validity")}</dt>
        <dd>
          {t("fromUntil", {
            from: formatDay(todayInAshgabat(new Date(claims.nbf * 1000)), locale),
            // exp is the first instant after the last day.
            until: formatDay(todayInAshgabat(new Date((claims.exp - 1) * 1000)), locale),
          })}
        </dd>
      </dl>
    </div>
  );
}
