"use client";

import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/forms/error-summary";
import { labelsOf, summaryItems } from "@/components/forms/summary-items";
import { DateField, TextField } from "@/components/forms/field";
import { useServerForm } from "@/components/forms/use-server-form";
import { addClosedDayAction } from "@/lib/meetings/resource-actions";
import { closedDayFields, closedDaySchema, type ClosedDayInput } from "@/lib/meetings/resource-schemas";

const empty = { day: "", reasonTk: "", reasonRu: "", reasonEn: "" };

/** Adds a day the commission is closed, with its reason in the three languages. */
export function ClosedDayForm({ locale }: { locale: string }) {
  const t = useTranslations("meetingResources");
  const { form, formRef, formAction, onSubmit, pending, state, errorOf, attempt } = useServerForm<ClosedDayInput>(closedDaySchema, addClosedDayAction, empty);
  const values = state.status === "error" && state.values ? { ...empty, ...state.values } : empty;
  const summary = summaryItems(labelsOf(closedDayFields, (field) => t(`fields.${field}`)), errorOf);
  const field = (name: (typeof closedDayFields)[number]) => ({
    id: name,
    label: t(`fields.${name}`),
    error: errorOf(name),
    defaultValue: values[name],
    ...form.register(name),
  });
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form">
      <ErrorSummary items={summary} attempt={attempt} />
      <input type="hidden" name="locale" value={locale} />
      <DateField {...field("day")} />
      <TextField {...field("reasonTk")} lang="tk" />
      <TextField {...field("reasonRu")} lang="ru" />
      <TextField {...field("reasonEn")} lang="en" />
      <div className="form__actions">
        <button type="submit" className="button button--secondary" disabled={pending}>
          {pending ? t("saving") : t("addClosedDay")}
        </button>
      </div>
    </form>
  );
}
