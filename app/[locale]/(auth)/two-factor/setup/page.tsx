import { getTranslations } from "next-intl/server";
import QRCode from "qrcode";
import { Link } from "@/i18n/navigation";
import { localeOf } from "@/lib/i18n/locale";
import { pageMetadata } from "@/lib/i18n/metadata";
import { workspaceOf } from "@/lib/identity/permissions";
import { requireSignedIn } from "@/lib/identity/session";
import { totpUri } from "@/lib/identity/totp";
import { pendingTotpSecret } from "@/lib/identity/two-factor";
import { EnrolmentForm } from "./enrolment-form";

export const generateMetadata = pageMetadata("twoFactor", "setupTitle", "/two-factor/setup");

/** Enrolment of an authenticator app: required for staff before the commission workspace. */
export default async function TwoFactorSetupPage({ params }: PageProps<"/[locale]/two-factor/setup">) {
  const locale = await localeOf(params);
  const actor = await requireSignedIn(locale, "/two-factor/setup");
  const t = await getTranslations("twoFactor");
  const secret = actor.totpEnabled ? null : await pendingTotpSecret(actor);
  if (!secret) {
    return (
      <>
        <h1>{t("setupTitle")}</h1>
        <p>{t("alreadyEnabled")}</p>
        <p>
          <Link href={workspaceOf(actor.role)}>{t("continue")}</Link>
        </p>
      </>
    );
  }
  const qr = await QRCode.toDataURL(totpUri(secret, actor.email, t("issuer")), { margin: 1, width: 240 });
  return (
    <>
      <h1>{t("setupTitle")}</h1>
      <p className="lead">{t("setupLead")}</p>
      <ol className="steps">
        <li>
          <p>{t("stepScan")}</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data URL made per user, nothing to optimize */}
          <img src={qr} width={240} height={240} alt={t("qrAlt")} />
          <p>
            {t("manualEntry")} <code className="secret" data-testid="totp-secret">{secret.match(/.{1,4}/g)?.join(" ")}</code>
          </p>
        </li>
        <li>
          <p>{t("stepConfirm")}</p>
          <EnrolmentForm continueTo={workspaceOf(actor.role)} />
        </li>
      </ol>
    </>
  );
}
