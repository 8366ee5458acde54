"use client";

import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/forms/error-summary";
import { summaryItems } from "@/components/forms/summary-items";
import { TextField } from "@/components/forms/field";
import { useServerForm } from "@/components/forms/use-server-form";
import { secondFactorAction } from "@/lib/identity/actions";
import { secondFactorSchema } from "@/lib/identity/schemas";

export function SecondFactorForm({ locale, next }: { locale: string; next?: string }) {
  const t = useTranslations("twoFactor");
  const { form, formRef, formAction, onSubmit, pending, state, errorOf, attempt } = useServerForm(secondFactorSchema, secondFactorAction);
  const codeError = errorOf("code");
  const formError = state.status === "error" && state.formError ? { fieldId: "code", message: t(state.formError) } : undefined;
  const summary = summaryItems({ code: t("codeLabel") }, errorOf, formError);
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form">
      <ErrorSummary items={summary} attempt={attempt} />
      <input type="hidden" name="locale" value={locale} />
      {next && <input type="hidden" name="next" value={next} />}
      <TextField
        id="code"
        label={t("codeLabel")}
        hint={t("codeHint")}
        autoComplete="one-time-code"
        inputMode="text"
        spellCheck={false}
        error={codeError}
        {...form.register("code")}
      />
      <button type="submit" className="button" disabled={pending}>
        {t("verify")}
      </button>
    </form>
  );
}
