"use client";

import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/forms/error-summary";
import { RadioGroup } from "@/components/forms/field";
import { summaryItems } from "@/components/forms/summary-items";
import { useServerForm } from "@/components/forms/use-server-form";
import type { Locale } from "@/i18n/routing";
import { changeEmailLanguageAction } from "@/lib/identity/account-actions";
import { ownLanguageOptions } from "@/lib/i18n/own-language-names";
import { emailLanguageSchema } from "@/lib/identity/schemas";

export function EmailLanguageForm({ current }: { current: Locale }) {
  const t = useTranslations("account");
  const { form, formRef, formAction, onSubmit, pending, state, errorOf, attempt } = useServerForm(emailLanguageSchema, changeEmailLanguageAction, {
    preferredLocale: current,
  });
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form">
      {state.status === "success" && (
        <p className="notice" role="status">
          {t("emailLanguageSaved")}
        </p>
      )}
      <ErrorSummary items={summaryItems({ preferredLocale: t("emailLanguageLegend") }, errorOf)} attempt={attempt} />
      <RadioGroup
        id="preferredLocale"
        legend={t("emailLanguageLegend")}
        hint={t("emailLanguageHint")}
        error={errorOf("preferredLocale")}
        options={ownLanguageOptions}
        defaultValue={current}
        inputProps={form.register("preferredLocale")}
      />
      <button type="submit" className="button" disabled={pending}>
        {t("emailLanguageSave")}
      </button>
    </form>
  );
}
