"use client";

import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/forms/error-summary";
import { summaryItems } from "@/components/forms/summary-items";
import { NewPasswordFields, useNewPasswordLabels } from "@/components/forms/new-password-fields";
import { useServerForm } from "@/components/forms/use-server-form";
import { resetPasswordAction } from "@/lib/identity/password-actions";
import { newPasswordSchema } from "@/lib/identity/password-rules";

export function ResetPasswordForm({ token, email, locale }: { token: string; email: string; locale: string }) {
  const t = useTranslations("passwords");
  const { form, formRef, formAction, onSubmit, pending, state, errorOf, attempt } = useServerForm(newPasswordSchema(email), resetPasswordAction);
  const passwordLabels = useNewPasswordLabels();
  const formError = state.status === "error" && state.formError ? { message: t(state.formError) } : undefined;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form">
      <ErrorSummary items={summaryItems(passwordLabels, errorOf, formError)} attempt={attempt} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="locale" value={locale} />
      <NewPasswordFields register={form.register} errorOf={errorOf} />
      <button type="submit" className="button" disabled={pending}>
        {t("saveNewPassword")}
      </button>
    </form>
  );
}
