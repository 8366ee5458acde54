"use client";

import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/forms/error-summary";
import { summaryItems } from "@/components/forms/summary-items";
import { SelectField, TextField } from "@/components/forms/field";
import { NewPasswordFields, useNewPasswordLabels } from "@/components/forms/new-password-fields";
import { useServerForm } from "@/components/forms/use-server-form";
import { acceptInvitationAction } from "@/lib/identity/invitation-actions";
import { acceptanceSchema } from "@/lib/identity/invitation-schemas";
import { ownLanguageOptions } from "@/lib/i18n/own-language-names";

export function AcceptForm({ token, email, locale }: { token: string; email: string; locale: "tk" | "ru" | "en" }) {
  const t = useTranslations("invitation");
  const { form, formRef, formAction, onSubmit, pending, state, errorOf, attempt } = useServerForm(acceptanceSchema(email), acceptInvitationAction, {
    preferredLocale: locale,
  });
  const passwordLabels = useNewPasswordLabels();
  const formError = state.status === "error" && state.formError ? { message: t(state.formError) } : undefined;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form">
      <ErrorSummary items={summaryItems({ name: t("name"), preferredLocale: t("language"), ...passwordLabels }, errorOf, formError)} attempt={attempt} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="locale" value={locale} />
      <TextField id="name" label={t("name")} hint={t("nameHint")} autoComplete="name" error={errorOf("name")} defaultValue={state.status === "error" ? state.values?.name : undefined} {...form.register("name")} />
      <SelectField
        id="preferredLocale"
        label={t("language")}
        error={errorOf("preferredLocale")}
        options={ownLanguageOptions}
        {...form.register("preferredLocale")}
      />
      <NewPasswordFields register={form.register} errorOf={errorOf} />
      <button type="submit" className="button" disabled={pending}>
        {t("accept")}
      </button>
    </form>
  );
}
