"use client";

import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/forms/error-summary";
import { labelsOf, summaryItems } from "@/components/forms/summary-items";
import { CheckboxGroup, DateField, SelectField, TextField } from "@/components/forms/field";
import { useServerForm } from "@/components/forms/use-server-form";
import { saveMissionDetailsAction } from "@/lib/accreditation/actions";
import { missionDetailsFormSchema } from "@/lib/accreditation/election-form-schemas";
import type { ElectionDates } from "@/lib/accreditation/intake";
import type { MissionDetailsInput } from "@/lib/accreditation/mission-schema";

type Option = { value: string; label: string };
type Initial = Record<Exclude<keyof MissionDetailsInput, "regions" | "workingLanguages">, string> & {
  regions: string[];
  workingLanguages: string[];
};

const fieldOrder = ["name", "type", "plannedArrivalOn", "plannedDepartureOn", "regions", "contactPerson", "phone", "email", "workingLanguages"] as const;

type Props = {
  locale: string;
  missionId: string;
  /** The planned dates are checked against the election's here as on the server, all in one round. */
  election: ElectionDates;
  initial: Initial;
  typeOptions: Option[];
  regionOptions: Option[];
  languageOptions: Option[];
};

export function MissionForm(props: Props) {
  const { locale, missionId, election, typeOptions, regionOptions, languageOptions } = props;
  const t = useTranslations("applications");
  const schema = useMemo(() => missionDetailsFormSchema(election), [election]);
  const { form, formRef, formAction, onSubmit, pending, state, errorOf, attempt } = useServerForm<MissionDetailsInput>(
    schema,
    saveMissionDetailsAction,
    props.initial as unknown as MissionDetailsInput,
  );
  // Without JavaScript the page comes back with what was sent: nothing typed is lost.
  const sent = state.status === "error" ? state.values : undefined;
  const initial: Initial = sent
    ? { ...props.initial, ...sent, regions: sent.regions?.split(",").filter(Boolean) ?? [], workingLanguages: sent.workingLanguages?.split(",").filter(Boolean) ?? [] }
    : props.initial;
  const labels: Record<(typeof fieldOrder)[number], string> = {
    name: t("fields.name"),
    type: t("fields.type"),
    plannedArrivalOn: t("fields.plannedArrivalOn"),
    plannedDepartureOn: t("fields.plannedDepartureOn"),
    regions: t("fields.regions"),
    contactPerson: t("fields.contactPerson"),
    phone: t("fields.phone"),
    email: t("fields.email"),
    workingLanguages: t("fields.workingLanguages"),
  };
  const formError = state.status === "error" && state.formError ? { message: t(`refusals.${state.formError as "notEditable"}`) } : undefined;
  const summary = summaryItems(labelsOf(fieldOrder, (field) => labels[field]), errorOf, formError);
  const text = (field: "name" | "contactPerson" | "phone" | "email") => ({
    id: field,
    label: labels[field],
    error: errorOf(field),
    defaultValue: initial[field],
    ...form.register(field),
  });

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form">
      <ErrorSummary items={summary} attempt={attempt} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="missionId" value={missionId} />
      <TextField {...text("name")} hint={t("hints.name")} autoComplete="organization" />
      <SelectField id="type" label={labels.type} error={errorOf("type")} options={typeOptions} placeholder={t("choose")} defaultValue={initial.type} {...form.register("type")} />
      <DateField id="plannedArrivalOn" label={labels.plannedArrivalOn} error={errorOf("plannedArrivalOn")} defaultValue={initial.plannedArrivalOn} {...form.register("plannedArrivalOn")} />
      <DateField id="plannedDepartureOn" label={labels.plannedDepartureOn} error={errorOf("plannedDepartureOn")} defaultValue={initial.plannedDepartureOn} {...form.register("plannedDepartureOn")} />
      <CheckboxGroup id="regions" legend={labels.regions} hint={t("hints.regions")} error={errorOf("regions")} options={regionOptions} defaultValues={initial.regions} inputProps={form.register("regions")} />
      <TextField {...text("contactPerson")} hint={t("hints.contactPerson")} autoComplete="name" />
      <TextField {...text("phone")} type="tel" hint={t("hints.phone")} autoComplete="tel" inputMode="tel" />
      <TextField {...text("email")} type="email" autoComplete="email" spellCheck={false} />
      <CheckboxGroup
        id="workingLanguages"
        legend={labels.workingLanguages}
        error={errorOf("workingLanguages")}
        options={languageOptions}
        defaultValues={initial.workingLanguages}
        inputProps={form.register("workingLanguages")}
      />
      <div className="form__actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("saving") : t("saveAndContinue")}
        </button>
      </div>
    </form>
  );
}
