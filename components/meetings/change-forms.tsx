"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/forms/error-summary";
import { labelsOf, summaryItems } from "@/components/forms/summary-items";
import { TextAreaField, TextField } from "@/components/forms/field";
import { keepFormOnSubmit } from "@/components/forms/use-server-form";
import { MeetingFormIdentity, useMeetingFormErrors, type MeetingFormProps } from "@/components/meetings/meeting-form-parts";
import { askNewTimeAction, cancelMeetingAction } from "@/lib/meetings/actions";
import { windowFields } from "@/lib/meetings/schemas";
import { idleFormState } from "@/lib/forms";

type Props = MeetingFormProps;

/** Either side cancels the meeting, with a reason the other side is sent. */
export function CancelMeetingForm(props: Props) {
  const t = useTranslations("meetingChanges");
  const [state, formAction, busy] = useActionState(cancelMeetingAction, idleFormState);
  const [attempt, setAttempt] = useState(0);
  const { fieldError, formError, sent } = useMeetingFormErrors(state);
  const items = summaryItems({ "cancel-reason": t("reason") }, () => fieldError("reason"), formError ? { message: formError } : undefined);
  return (
    <form action={formAction} onSubmit={keepFormOnSubmit(formAction, () => setAttempt((n) => n + 1))} className="form" aria-labelledby="cancel-heading">
      <h2 id="cancel-heading">{t("cancelHeading")}</h2>
      <ErrorSummary items={items} attempt={attempt} />
      <MeetingFormIdentity {...props} />
      <TextAreaField id="cancel-reason" name="reason" label={t("reason")} hint={t("cancelHint")} error={fieldError("reason")} defaultValue={sent?.reason} rows={3} />
      <button type="submit" className="button button--warning" disabled={busy}>
        {t("cancel")}
      </button>
    </form>
  );
}

/** The coordinator asks for a new time: why, and one to three new times (Ashgabat time) within `workingHours`. */
export function AskNewTimeForm({ workingHours, ...props }: Props & { workingHours: string }) {
  const t = useTranslations("meetingChanges");
  const m = useTranslations("meetings");
  const [state, formAction, busy] = useActionState(askNewTimeAction, idleFormState);
  const [attempt, setAttempt] = useState(0);
  const { fieldError, formError, sent } = useMeetingFormErrors(state);
  const label = (f: string) => (f === "reason" ? t("reason") : m(`fields.${f}`));
  const fieldOf = (id: string) => id.replace("new-time-", "");
  const items = summaryItems(
    labelsOf(["new-time-reason", ...windowFields.map((f) => `new-time-${f}`)], (id) => label(fieldOf(id))),
    (id) => fieldError(fieldOf(id)),
    formError ? { message: formError } : undefined,
  );
  return (
    <form action={formAction} onSubmit={keepFormOnSubmit(formAction, () => setAttempt((n) => n + 1))} className="form" aria-labelledby="new-time-heading">
      <h2 id="new-time-heading">{t("newTimeHeading")}</h2>
      <ErrorSummary items={items} attempt={attempt} />
      <MeetingFormIdentity {...props} />
      <p className="field__hint">{m("windowsHint", { hours: workingHours })}</p>
      <TextAreaField id="new-time-reason" name="reason" label={t("reason")} error={fieldError("reason")} defaultValue={sent?.reason} rows={3} />
      {windowFields.map((f) => (
        <TextField key={f} id={`new-time-${f}`} name={f} label={m(`fields.${f}`)} type="datetime-local" step={300} error={fieldError(f)} defaultValue={sent?.[f]} />
      ))}
      <button type="submit" className="button button--secondary" disabled={busy}>
        {t("askNewTime")}
      </button>
    </form>
  );
}
