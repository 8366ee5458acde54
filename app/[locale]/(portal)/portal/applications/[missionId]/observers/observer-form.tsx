"use client";

import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/forms/error-summary";
import { labelsOf, summaryItems } from "@/components/forms/summary-items";
import { DateField, SelectField, TextField } from "@/components/forms/field";
import { useServerForm } from "@/components/forms/use-server-form";
import { Link } from "@/i18n/navigation";
import { saveObserverAction } from "@/lib/accreditation/actions";
import { observerFormSchema } from "@/lib/accreditation/election-form-schemas";
import type { ElectionDates } from "@/lib/accreditation/intake";
import { observerFields, type ObserverField, type ObserverInput } from "@/lib/accreditation/observer-schema";

type Option = { value: string; label: string };

type Props = {
  locale: string;
  missionId: string;
  /** The dates are checked against the election's here as on the server, all in one round. */
  election: ElectionDates;
  /** Present when correcting an observer. */
  observerId?: string;
  initial: Record<ObserverField, string>;
  roleOptions: Option[];
  sexOptions: Option[];
  countryOptions: Option[];
  /** After approval a new observer goes to the commission at once, so the photo comes with it. */
  photoRequired: boolean;
  hasPhoto: boolean;
};

const fieldOrder = [...observerFields, "photo"] as const;

/** One observer, as in their passport, with their photo. */
export function ObserverForm({ locale, missionId, election, observerId, initial, roleOptions, sexOptions, countryOptions, photoRequired, hasPhoto }: Props) {
  const t = useTranslations("observers");
  const schema = useMemo(() => observerFormSchema(election), [election]);
  const { form, formRef, formAction, onSubmit, pending, state, errorOf, attempt } = useServerForm<ObserverInput>(
    schema,
    saveObserverAction,
    initial as unknown as ObserverInput,
  );
  const values = state.status === "error" && state.values ? { ...initial, ...state.values } : initial;
  const label = (field: (typeof fieldOrder)[number]) => t(`fields.${field}`);
  const formError = state.status === "error" && state.formError ? { message: t(`refusals.${state.formError as "notEditable"}`) } : undefined;
  const summary = summaryItems(labelsOf(fieldOrder, label), errorOf, formError);
  const text = (field: ObserverField, extra: Record<string, unknown> = {}) => ({
    id: field,
    label: label(field),
    error: errorOf(field),
    defaultValue: values[field],
    ...extra,
    ...form.register(field),
  });
  const date = (field: ObserverField, hint?: string) => (
    <DateField id={field} label={label(field)} hint={hint} error={errorOf(field)} defaultValue={values[field]} {...form.register(field)} />
  );
  const select = (field: ObserverField, options: Option[]) => (
    <SelectField id={field} label={label(field)} error={errorOf(field)} options={options} placeholder={t("choose")} defaultValue={values[field]} {...form.register(field)} />
  );

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form" encType="multipart/form-data">
      <ErrorSummary items={summary} attempt={attempt} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="missionId" value={missionId} />
      {observerId && <input type="hidden" name="observerId" value={observerId} />}
      <fieldset>
        <legend>{t("passportLegend")}</legend>
        <TextField {...text("surname", { hint: t("hints.latin"), autoComplete: "off", spellCheck: false })} />
        <TextField {...text("givenNames", { hint: t("hints.latin"), autoComplete: "off", spellCheck: false })} />
        <TextField {...text("cyrillicName", { hint: t("hints.cyrillicName"), autoComplete: "off", spellCheck: false, lang: "ru" })} />
        {select("sex", sexOptions)}
        {date("dateOfBirth")}
        {select("nationality", countryOptions)}
        <TextField {...text("passportNumber", { hint: t("hints.passportNumber"), autoComplete: "off", spellCheck: false, autoCapitalize: "characters" })} />
        {date("passportExpiresOn", t("hints.passportExpiresOn"))}
      </fieldset>
      <fieldset>
        <legend>{t("missionLegend")}</legend>
        {select("role", roleOptions)}
        {date("arrivalOn")}
        {date("departureOn")}
        <TextField {...text("email", { type: "email", hint: t("hints.email"), autoComplete: "off", spellCheck: false })} />
      </fieldset>
      <TextField
        id="photo"
        name="photo"
        type="file"
        accept="image/jpeg,image/png,image/webp"
        label={hasPhoto ? t("fields.photoReplace") : photoRequired ? t("fields.photo") : t("fields.photoOptional")}
        hint={t("hints.photo")}
        error={errorOf("photo")}
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("saving") : observerId ? t("save") : t("addButton")}
        </button>
        <Link href={`/portal/applications/${missionId}/observers`}>{t("cancel")}</Link>
      </div>
    </form>
  );
}
