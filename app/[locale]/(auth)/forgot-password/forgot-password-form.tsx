"use client";

import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/forms/error-summary";
import { summaryItems } from "@/components/forms/summary-items";
import { TextField } from "@/components/forms/field";
import { useServerForm } from "@/components/forms/use-server-form";
import { forgotPasswordAction } from "@/lib/identity/password-actions";
import { forgotPasswordSchema } from "@/lib/identity/schemas";

export function ForgotPasswordForm() {
  const t = useTranslations("passwords");
  const { form, formRef, formAction, onSubmit, pending, state, errorOf, attempt } = useServerForm(forgotPasswordSchema, forgotPasswordAction);
  if (state.status === "success") {
    return (
      <p className="notice" role="status">
        {t("resetRequested")}
      </p>
    );
  }
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form">
      <ErrorSummary items={summaryItems({ email: t("email") }, errorOf)} attempt={attempt} />
      <TextField id="email" label={t("email")} type="email" autoComplete="username" spellCheck={false} error={errorOf("email")} {...form.register("email")} />
      <button type="submit" className="button" disabled={pending}>
        {t("sendLink")}
      </button>
    </form>
  );
}
