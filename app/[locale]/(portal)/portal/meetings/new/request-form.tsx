"use client";

import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/forms/error-summary";
import { summaryItems } from "@/components/forms/summary-items";
import { CheckboxGroup, SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { useServerForm } from "@/components/forms/use-server-form";
import { ViewerTime } from "@/components/meetings/viewer-time";
import { Link } from "@/i18n/navigation";
import { requestMeetingAction } from "@/lib/meetings/actions";
import { meetingRequestFields, meetingRequestSchema, windowFields, type MeetingRequestInput } from "@/lib/meetings/schemas";

type Option = { value: string; label: string };
type Field = (typeof meetingRequestFields)[number];

type Props = {
  locale: string;
  missionOptions: Option[];
  officialOptions: Option[];
  languageOptions: Option[];
  durationOptions: Option[];
  initialMissionId: string;
  /** The commission's working week in words (lib/meetings/time.ts). */
  workingHours: string;
};

/** A mission's request for a meeting: what about, with whom, how many, and up to three times (Ashgabat). */
export function RequestForm({ locale, missionOptions, officialOptions, languageOptions, durationOptions, initialMissionId, workingHours }: Props) {
  const t = useTranslations("meetings");
  const initial = {
    missionId: initialMissionId,
    topic: "",
    agenda: "",
    officialIds: [] as string[],
    delegationSize: "",
    interpreterLanguage: "",
    durationMinutes: "60",
    window1: "",
    window2: "",
    window3: "",
  };
  const { form, formRef, formAction, onSubmit, pending, state, errorOf, attempt } = useServerForm<MeetingRequestInput>(
    meetingRequestSchema,
    requestMeetingAction,
    initial as MeetingRequestInput,
  );
  // Without JavaScript the page is rendered again with what was sent: nothing typed is lost.
  const sent = state.status === "error" && state.values ? state.values : null;
  const values = sent ? { ...initial, ...sent, officialIds: sent.officialIds ? sent.officialIds.split(",") : [] } : initial;
  const labels = Object.fromEntries(meetingRequestFields.map((f) => [f, t(`fields.${f}`)])) as Record<Field, string>;
  const summary = summaryItems(labels, errorOf);
  const field = (name: Exclude<Field, "officialIds">) => ({ id: name, label: labels[name], error: errorOf(name), defaultValue: values[name], ...form.register(name) });
  const typed = form.watch(["window1", "window2", "window3"]);

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form">
      <ErrorSummary items={summary} attempt={attempt} />
      <input type="hidden" name="locale" value={locale} />
      <SelectField {...field("missionId")} options={missionOptions} placeholder={t("missionPlaceholder")} />
      <TextField {...field("topic")} hint={t("topicHint")} />
      <TextAreaField {...field("agenda")} hint={t("agendaHint")} rows={5} maxLength={4000} />
      {officialOptions.length > 0 && (
        <CheckboxGroup
          id="officialIds"
          legend={labels.officialIds}
          hint={t("officialsHint")}
          error={errorOf("officialIds")}
          options={officialOptions}
          defaultValues={values.officialIds}
          inputProps={form.register("officialIds")}
        />
      )}
      <TextField {...field("delegationSize")} inputMode="numeric" hint={t("delegationSizeHint")} />
      <SelectField {...field("interpreterLanguage")} options={languageOptions} placeholder={t("choosePlaceholder")} />
      <SelectField {...field("durationMinutes")} options={durationOptions} />
      <fieldset>
        <legend>{t("windowsLegend")}</legend>
        <p className="field__hint">{t("windowsHint", { hours: workingHours })}</p>
        {windowFields.map((name, i) => (
          <div key={name}>
            <TextField {...field(name)} type="datetime-local" step={300} />
            <ViewerTime ashgabat={typed[i] || values[name]} />
          </div>
        ))}
      </fieldset>
      <div className="form__actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("sending") : t("sendRequest")}
        </button>
        <Link href="/portal/meetings">{t("cancel")}</Link>
      </div>
    </form>
  );
}
