"use client";

import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/forms/error-summary";
import { summaryItems } from "@/components/forms/summary-items";
import { SelectField, TextField } from "@/components/forms/field";
import { useServerForm } from "@/components/forms/use-server-form";
import { inviteAction } from "@/lib/identity/invitation-actions";
import { invitableRoles, invitationSchema } from "@/lib/identity/invitation-schemas";
import { ownLanguageOptions } from "@/lib/i18n/own-language-names";

type Props = {
  locale: string;
  organizations: { id: string; name: string }[];
  initial: { role?: string; organizationId?: string };
};

export function InviteForm({ locale, organizations, initial }: Props) {
  const t = useTranslations("invitations");
  const { form, formRef, formAction, onSubmit, pending, state, errorOf, attempt } = useServerForm(invitationSchema, inviteAction, {
    role: (invitableRoles as readonly string[]).includes(initial.role ?? "") ? (initial.role as (typeof invitableRoles)[number]) : "coordinator",
    organizationId: initial.organizationId ?? "",
    locale: locale as "tk" | "ru" | "en",
  });
  const role = form.watch("role");
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form">
      <ErrorSummary items={summaryItems({ email: t("email"), role: t("role"), organizationId: t("organization"), locale: t("emailLanguage") }, errorOf)} attempt={attempt} />
      <input type="hidden" name="locale" value={locale} />
      <TextField id="email" label={t("email")} type="email" autoComplete="off" spellCheck={false} error={errorOf("email")} defaultValue={state.status === "error" ? state.values?.email : undefined} {...form.register("email")} />
      <SelectField id="role" label={t("role")} error={errorOf("role")} options={invitableRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))} {...form.register("role")} />
      {role === "coordinator" && (
        <SelectField
          id="organizationId"
          label={t("organization")}
          error={errorOf("organizationId")}
          placeholder={t("chooseOrganization")}
          options={organizations.map((o) => ({ value: o.id, label: o.name }))}
          {...form.register("organizationId")}
        />
      )}
      <SelectField
        id="locale"
        label={t("emailLanguage")}
        hint={t("emailLanguageHint")}
        error={errorOf("locale")}
        options={ownLanguageOptions}
        {...form.register("locale")}
        name="emailLocale"
      />
      <button type="submit" className="button" disabled={pending}>
        {t("send")}
      </button>
    </form>
  );
}
