"use client";

import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/forms/error-summary";
import { labelsOf, summaryItems } from "@/components/forms/summary-items";
import { DateField, SelectField, TextField } from "@/components/forms/field";
import { useServerForm } from "@/components/forms/use-server-form";
import { saveOwnDetailsAction } from "@/lib/observers/actions";
import { ownDetailsFields, ownDetailsFormSchema, type OwnDetailsField, type OwnDetailsInput, type OwnRecordDates } from "@/lib/observers/schemas";

type Option = { value: string; label: string };

type Props = {
  locale: string;
  observerId: string;
  /** The dates are compared here as on the server, in the same round as the other fields. */
  dates: OwnRecordDates;
  initial: Record<OwnDetailsField, string>;
  sexOptions: Option[];
  countryOptions: Option[];
  hasPhoto: boolean;
};

const fieldOrder = [...ownDetailsFields, "photo"] as const;

/** The observer's own passport details and photo, with the labels and hints of the coordinator's form. */
export function OwnDetailsForm({ locale, observerId, dates, initial, sexOptions, countryOptions, hasPhoto }: Props) {
  const o = useTranslations("observers");
  const t = useTranslations("observerAccess.me");
  const schema = useMemo(() => ownDetailsFormSchema(dates), [dates]);
  const { form, formRef, formAction, onSubmit, pending, state, errorOf, attempt } = useServerForm<OwnDetailsInput>(
    schema,
    saveOwnDetailsAction,
    initial as unknown as OwnDetailsInput,
  );
  const values = state.status === "error" && state.values ? { ...initial, ...state.values } : initial;
  const label = (field: (typeof fieldOrder)[number]) => o(`fields.${field}`);
  const formError = state.status === "error" && state.formError ? { message: t(`refusals.${state.formError as "notEditable"}`) } : undefined;
  const summary = summaryItems(labelsOf(fieldOrder, label), errorOf, formError);
  const text = (field: OwnDetailsField, extra: Record<string, unknown> = {}) => ({
    id: field,
    label: label(field),
    error: errorOf(field),
    defaultValue: values[field],
    ...extra,
    ...form.register(field),
  });
  const date = (field: OwnDetailsField, hint?: string) => (
    <DateField id={field} label={label(field)} hint={hint} error={errorOf(field)} defaultValue={values[field]} {...form.register(field)} />
  );
  const select = (field: OwnDetailsField, options: Option[]) => (
    <SelectField id={field} label={label(field)} error={errorOf(field)} options={options} placeholder={o("choose")} defaultValue={values[field]} {...form.register(field)} />
  );

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form" encType="multipart/form-data">
      <ErrorSummary items={summary} attempt={attempt} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="observerId" value={observerId} />
      <fieldset>
        <legend>{o("passportLegend")}</legend>
        <TextField {...text("surname", { hint: o("hints.latin"), autoComplete: "family-name", spellCheck: false })} />
        <TextField {...text("givenNames", { hint: o("hints.latin"), autoComplete: "given-name", spellCheck: false })} />
        <TextField {...text("cyrillicName", { hint: o("hints.cyrillicName"), autoComplete: "off", spellCheck: false, lang: "ru" })} />
        {select("sex", sexOptions)}
        {date("dateOfBirth")}
        {select("nationality", countryOptions)}
        <TextField {...text("passportNumber", { hint: o("hints.passportNumber"), autoComplete: "off", spellCheck: false, autoCapitalize: "characters" })} />
        {date("passportExpiresOn", o("hints.passportExpiresOn"))}
      </fieldset>
      <TextField
        id="photo"
        name="photo"
        type="file"
        accept="image/jpeg,image/png,image/webp"
        label={hasPhoto ? o("fields.photoReplace") : o("fields.photo")}
        hint={o("hints.photo")}
        error={errorOf("photo")}
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </button>
      </div>
    </form>
  );
}
