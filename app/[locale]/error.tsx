"use client";

import { useTranslations } from "next-intl";

/** Shown instead of any unexpected server error: no details, a way forward, the reference to quote. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <>
      <title>{t("serverErrorTitle")}</title>
      <h1>{t("serverErrorTitle")}</h1>
      <p>{t("serverErrorBody")}</p>
      {error.digest && <p>{t("reference", { reference: error.digest })}</p>}
      <button type="button" className="button" onClick={reset}>
        {t("tryAgain")}
      </button>
    </>
  );
}
