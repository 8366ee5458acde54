"use client";

import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/forms/error-summary";
import { summaryItems } from "@/components/forms/summary-items";
import { TextField } from "@/components/forms/field";
import { useServerForm } from "@/components/forms/use-server-form";
import { Link } from "@/i18n/navigation";
import { confirmEnrolmentAction } from "@/lib/identity/account-actions";
import { secondFactorSchema } from "@/lib/identity/schemas";

export function EnrolmentForm({ continueTo }: { continueTo: string }) {
  const t = useTranslations("twoFactor");
  const { form, formRef, formAction, onSubmit, pending, state, errorOf, attempt } = useServerForm(secondFactorSchema, confirmEnrolmentAction);
  if (state.status === "success") {
    return (
      <section aria-labelledby="recovery-codes-title" className="panel" tabIndex={-1} ref={(el) => el?.focus()}>
        <h2 id="recovery-codes-title">{t("enrolledTitle")}</h2>
        <p>{t("recoveryCodesLead")}</p>
        <ul className="recovery-codes">
          {state.items?.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <p>
          <Link href={continueTo} className="button">
            {t("continue")}
          </Link>
        </p>
      </section>
    );
  }
  const codeError = errorOf("code");
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form">
      <ErrorSummary items={summaryItems({ code: t("confirmLabel") }, () => codeError)} attempt={attempt} />
      <TextField id="code" label={t("confirmLabel")} hint={t("confirmHint")} autoComplete="one-time-code" error={codeError} {...form.register("code")} />
      <button type="submit" className="button" disabled={pending}>
        {t("confirm")}
      </button>
    </form>
  );
}
