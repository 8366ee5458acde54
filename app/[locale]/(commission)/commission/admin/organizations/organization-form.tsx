"use client";

import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/forms/error-summary";
import { labelsOf, summaryItems } from "@/components/forms/summary-items";
import { SelectField, TextField } from "@/components/forms/field";
import { useServerForm } from "@/components/forms/use-server-form";
import { Link } from "@/i18n/navigation";
import { createOrganizationAction, updateOrganizationAction } from "@/lib/organizations/actions";
import { organizationFields, organizationSchema, type OrganizationInput } from "@/lib/organizations/schemas";

type Field = (typeof organizationFields)[number];
type Option = { value: string; label: string };

type Props = {
  locale: string;
  /** Present when editing. */
  organizationId?: string;
  initial: Record<Field, string>;
  kindOptions: Option[];
  countryOptions: Option[];
};

export function OrganizationForm({ locale, organizationId, initial, kindOptions, countryOptions }: Props) {
  const t = useTranslations("organizations");
  const action = organizationId ? updateOrganizationAction : createOrganizationAction;
  const { form, formRef, formAction, onSubmit, pending, state, errorOf, attempt } = useServerForm<OrganizationInput>(
    organizationSchema,
    action,
    initial as OrganizationInput,
  );
  // Without JavaScript the page is rendered again with what was sent: nothing typed is lost.
  const values = state.status === "error" && state.values ? { ...initial, ...state.values } : initial;
  const labels: Record<Field, string> = {
    nameTk: t("nameTk"),
    nameRu: t("nameRu"),
    nameEn: t("nameEn"),
    acronym: t("acronym"),
    cyrillicAcronym: t("cyrillicAcronym"),
    kind: t("kind"),
    seatCountry: t("seatCountryLabel"),
    website: t("website"),
  };
  const summary = summaryItems(labelsOf(organizationFields, (field) => labels[field]), errorOf);
  const text = (field: Exclude<Field, "kind" | "seatCountry">) => ({
    id: field,
    label: labels[field],
    error: errorOf(field),
    defaultValue: values[field],
    ...form.register(field),
  });

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form">
      <ErrorSummary items={summary} attempt={attempt} />
      <input type="hidden" name="locale" value={locale} />
      {organizationId && <input type="hidden" name="id" value={organizationId} />}
      <fieldset>
        <legend>{t("namesLegend")}</legend>
        <TextField {...text("nameTk")} lang="tk" />
        <TextField {...text("nameRu")} lang="ru" />
        <TextField {...text("nameEn")} lang="en" />
      </fieldset>
      <TextField {...text("acronym")} hint={t("acronymHint")} autoComplete="off" />
      <TextField {...text("cyrillicAcronym")} hint={t("cyrillicAcronymHint")} autoComplete="off" lang="ru" />
      <SelectField
        id="kind"
        label={labels.kind}
        error={errorOf("kind")}
        options={kindOptions}
        placeholder={t("kindPlaceholder")}
        defaultValue={values.kind}
        {...form.register("kind")}
      />
      <SelectField
        id="seatCountry"
        label={labels.seatCountry}
        error={errorOf("seatCountry")}
        options={countryOptions}
        placeholder={t("countryPlaceholder")}
        defaultValue={values.seatCountry}
        {...form.register("seatCountry")}
      />
      <TextField {...text("website")} type="url" hint={t("websiteHint")} inputMode="url" spellCheck={false} />
      <div className="form__actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("saving") : organizationId ? t("save") : t("create")}
        </button>
        <Link href="/commission/admin/organizations">{t("cancel")}</Link>
      </div>
    </form>
  );
}
