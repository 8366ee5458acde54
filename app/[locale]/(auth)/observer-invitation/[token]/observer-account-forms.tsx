"use client";

import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/forms/error-summary";
import { summaryItems } from "@/components/forms/summary-items";
import { TextField } from "@/components/forms/field";
import { NewPasswordFields, useNewPasswordLabels } from "@/components/forms/new-password-fields";
import { useServerForm } from "@/components/forms/use-server-form";
import { acceptObserverInvitationAction, linkObserverAccountAction } from "@/lib/observers/actions";
import { existingAccountSchema, observerPasswordSchema } from "@/lib/observers/schemas";

type Props = { token: string; locale: string };
type FormErrorKey = "invitationUnavailable" | "tooManyAttempts" | "wrongPassword" | "otherRole";

/** A new observer chooses the password of their account. */
export function NewAccountForm({ token, email, locale }: Props & { email: string }) {
  const t = useTranslations("observerAccess.invitation");
  const { form, formRef, formAction, onSubmit, pending, state, errorOf, attempt } = useServerForm(observerPasswordSchema(email), acceptObserverInvitationAction);
  const passwordLabels = useNewPasswordLabels();
  const formError = state.status === "error" && state.formError ? { message: t(state.formError as FormErrorKey) } : undefined;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form">
      <ErrorSummary items={summaryItems(passwordLabels, errorOf, formError)} attempt={attempt} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="locale" value={locale} />
      {/* Password managers file the new password under the invited address. */}
      <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
      <NewPasswordFields register={form.register} errorOf={errorOf} />
      <button type="submit" className="button" disabled={pending}>
        {t("create")}
      </button>
    </form>
  );
}

/** An observer who already has an account links this accreditation with its password. */
export function ExistingAccountForm({ token, locale }: Props) {
  const t = useTranslations("observerAccess.invitation");
  const { form, formRef, formAction, onSubmit, pending, state, errorOf, attempt } = useServerForm(existingAccountSchema, linkObserverAccountAction);
  const formError = state.status === "error" && state.formError ? { message: t(state.formError as FormErrorKey) } : undefined;
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form">
      <ErrorSummary items={summaryItems({ password: t("password") }, errorOf, formError)} attempt={attempt} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="locale" value={locale} />
      <TextField id="password" label={t("password")} type="password" autoComplete="current-password" error={errorOf("password")} {...form.register("password")} />
      <button type="submit" className="button" disabled={pending}>
        {t("link")}
      </button>
    </form>
  );
}
