"use client";

import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/forms/error-summary";
import { labelsOf, summaryItems } from "@/components/forms/summary-items";
import { DateField, SelectField, TextField } from "@/components/forms/field";
import { useServerForm } from "@/components/forms/use-server-form";
import { Link } from "@/i18n/navigation";
import { createElectionAction, updateElectionAction } from "@/lib/elections/actions";
import { electionFields, electionSchema, type ElectionInput } from "@/lib/elections/schemas";

type Field = (typeof electionFields)[number];
type Option = { value: string; label: string };

type Props = {
  locale: string;
  /** Present when editing. */
  electionId?: string;
  initial: Record<Field, string>;
  typeOptions: Option[];
  statusOptions: Option[];
};

export function ElectionForm({ locale, electionId, initial, typeOptions, statusOptions }: Props) {
  const t = useTranslations("elections");
  const { form, formRef, formAction, onSubmit, pending, state, errorOf, attempt } = useServerForm<ElectionInput>(
    electionSchema,
    electionId ? updateElectionAction : createElectionAction,
    initial as ElectionInput,
  );
  // Without JavaScript the page is rendered again with what was sent: nothing typed is lost.
  const values = state.status === "error" && state.values ? { ...initial, ...state.values } : initial;
  const labels: Record<Field, string> = {
    code: t("code"),
    type: t("type"),
    titleTk: t("titleTk"),
    titleRu: t("titleRu"),
    titleEn: t("titleEn"),
    electionDay: t("electionDay"),
    accreditationOpensAt: t("accreditationOpensAt"),
    accreditationClosesAt: t("accreditationClosesAt"),
    observationStartsOn: t("observationStartsOn"),
    observationEndsOn: t("observationEndsOn"),
    decisionWorkingDays: t("decisionWorkingDays"),
    status: t("publication"),
    publishObserverNames: t("publishObserverNames"),
  };
  const summary = summaryItems(labelsOf(electionFields, (field) => labels[field]), errorOf);
  const field = (name: Field) => ({ id: name, label: labels[name], error: errorOf(name), defaultValue: values[name], ...form.register(name) });

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form">
      <ErrorSummary items={summary} attempt={attempt} />
      <input type="hidden" name="locale" value={locale} />
      {electionId && <input type="hidden" name="id" value={electionId} />}
      <TextField {...field("code")} hint={t("codeHint")} autoComplete="off" spellCheck={false} />
      <SelectField {...field("type")} options={typeOptions} placeholder={t("typePlaceholder")} />
      <fieldset>
        <legend>{t("titlesLegend")}</legend>
        <TextField {...field("titleTk")} lang="tk" />
        <TextField {...field("titleRu")} lang="ru" />
        <TextField {...field("titleEn")} lang="en" />
      </fieldset>
      <fieldset>
        <legend>{t("calendarLegend")}</legend>
        <DateField {...field("electionDay")} />
        <TextField {...field("accreditationOpensAt")} type="datetime-local" hint={t("ashgabatTimeHint")} />
        <TextField {...field("accreditationClosesAt")} type="datetime-local" hint={t("accreditationClosesHint")} />
        <DateField {...field("observationStartsOn")} hint={t("observationHint")} />
        <DateField {...field("observationEndsOn")} hint={t("observationHint")} />
        <TextField {...field("decisionWorkingDays")} hint={t("decisionWorkingDaysHint")} inputMode="numeric" autoComplete="off" className="input--short" />
      </fieldset>
      <SelectField {...field("status")} hint={t("publicationHint")} options={statusOptions} />
      <div className="field">
        <div className="checkbox">
          <input
            id="publishObserverNames"
            type="checkbox"
            value="yes"
            defaultChecked={values.publishObserverNames === "yes"}
            aria-describedby="publishObserverNames-hint"
            {...form.register("publishObserverNames")}
          />
          <label htmlFor="publishObserverNames">{labels.publishObserverNames}</label>
        </div>
        <p className="field__hint" id="publishObserverNames-hint">
          {t("publishObserverNamesHint")}
        </p>
      </div>
      <div className="form__actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("saving") : electionId ? t("save") : t("create")}
        </button>
        <Link href="/commission/admin/elections">{t("cancel")}</Link>
      </div>
    </form>
  );
}
