"use client";

import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/forms/error-summary";
import { summaryItems } from "@/components/forms/summary-items";
import { TextField } from "@/components/forms/field";
import { NewPasswordFields, useNewPasswordLabels } from "@/components/forms/new-password-fields";
import { useServerForm } from "@/components/forms/use-server-form";
import { changePasswordAction } from "@/lib/identity/password-actions";
import { changePasswordSchema } from "@/lib/identity/schemas";

export function ChangePasswordForm({ email }: { email: string }) {
  const t = useTranslations("passwords");
  const { form, formRef, formAction, onSubmit, pending, state, errorOf, attempt } = useServerForm(changePasswordSchema(email), changePasswordAction);
  const passwordLabels = useNewPasswordLabels();
  const formError = state.status === "error" && state.formError ? { message: t(state.formError) } : undefined;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form">
      {state.status === "success" && (
        <p className="notice" role="status">
          {t("changed")}
        </p>
      )}
      <ErrorSummary items={summaryItems({ currentPassword: t("currentPassword"), ...passwordLabels }, errorOf, formError)} attempt={attempt} />
      <TextField id="currentPassword" label={t("currentPassword")} type="password" autoComplete="current-password" error={errorOf("currentPassword")} {...form.register("currentPassword")} />
      <NewPasswordFields register={form.register} errorOf={errorOf} />
      <button type="submit" className="button" disabled={pending}>
        {t("change")}
      </button>
    </form>
  );
}
