"use client";

import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/forms/error-summary";
import { labelsOf, summaryItems } from "@/components/forms/summary-items";
import { TextField } from "@/components/forms/field";
import { Notice } from "@/components/forms/notice";
import { useServerForm } from "@/components/forms/use-server-form";
import { saveWorkingHoursAction } from "@/lib/meetings/resource-actions";
import { weekdays, workingHoursFields, workingHoursSchema, type WorkingHoursInput } from "@/lib/meetings/resource-schemas";

/** The working week as a table of opening and closing times (Ashgabat); both empty close the day. */
export function WorkingHoursForm({ initial, dayNames }: { initial: Record<string, string>; dayNames: string[] }) {
  const t = useTranslations("meetingResources");
  const { form, formRef, formAction, onSubmit, pending, state, errorOf, attempt } = useServerForm<WorkingHoursInput>(
    workingHoursSchema,
    saveWorkingHoursAction,
    initial as WorkingHoursInput,
  );
  const values = state.status === "error" && state.values ? { ...initial, ...state.values } : initial;
  const labelOf = (field: string) => t(field.startsWith("opens") ? "opensOn" : "closesOn", { day: dayNames[Number(field.slice(-1)) - 1]! });
  const summary = summaryItems(labelsOf(workingHoursFields, labelOf), errorOf);
  const time = (field: `opens${number}` | `closes${number}`) => ({
    id: field,
    label: labelOf(field),
    error: errorOf(field),
    defaultValue: values[field] ?? "",
    placeholder: "09:00",
    inputMode: "numeric" as const,
    ...form.register(field),
  });
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form">
      <ErrorSummary items={summary} attempt={attempt} />
      {state.status === "success" && <Notice>{t("workingHoursSaved")}</Notice>}
      <p className="field__hint">{t("workingHoursHint")}</p>
      <div className="working-hours">
        {weekdays.map((d) => (
          <fieldset key={d}>
            <legend>{dayNames[d - 1]}</legend>
            <TextField {...time(`opens${d}`)} />
            <TextField {...time(`closes${d}`)} />
          </fieldset>
        ))}
      </div>
      <div className="form__actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("saving") : t("saveWorkingHours")}
        </button>
      </div>
    </form>
  );
}
