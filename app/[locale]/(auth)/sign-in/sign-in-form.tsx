"use client";

import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/forms/error-summary";
import { summaryItems } from "@/components/forms/summary-items";
import { TextField } from "@/components/forms/field";
import { useServerForm } from "@/components/forms/use-server-form";
import { signInAction } from "@/lib/identity/actions";
import { signInSchema } from "@/lib/identity/schemas";

export function SignInForm({ locale, next }: { locale: string; next?: string }) {
  const t = useTranslations("signIn");
  const { form, formRef, formAction, onSubmit, pending, state, errorOf, attempt } = useServerForm(signInSchema, signInAction);
  const formError = state.status === "error" && state.formError ? { fieldId: "email", message: t(state.formError) } : undefined;
  const labels = { email: t("email"), password: t("password") };
  const summary = summaryItems(labels, errorOf, formError);

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form">
      <ErrorSummary items={summary} attempt={attempt} />
      <input type="hidden" name="locale" value={locale} />
      {next && <input type="hidden" name="next" value={next} />}
      <TextField
        id="email"
        label={labels.email}
        type="email"
        autoComplete="username"
        spellCheck={false}
        error={errorOf("email")}
        defaultValue={state.status === "error" ? state.values?.email : undefined}
        {...form.register("email")}
      />
      <TextField id="password" label={labels.password} type="password" autoComplete="current-password" error={errorOf("password")} {...form.register("password")} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
