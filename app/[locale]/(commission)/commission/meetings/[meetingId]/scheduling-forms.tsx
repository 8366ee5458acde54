"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/forms/error-summary";
import { labelsOf, summaryItems } from "@/components/forms/summary-items";
import { CheckboxGroup, SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { keepFormOnSubmit } from "@/components/forms/use-server-form";
import { MeetingFormIdentity, useMeetingFormErrors, type MeetingFormProps } from "@/components/meetings/meeting-form-parts";
import { confirmMeetingAction, proposeTimesAction } from "@/lib/meetings/actions";
import { windowFields } from "@/lib/meetings/schemas";
import { idleFormState } from "@/lib/forms";

type Option = { value: string; label: string };
type Props = MeetingFormProps & {
  /** The times on the table (the mission's preferred ones, or the commission's own proposals). */
  windows: Option[];
  rooms: Option[];
  officials: Option[];
  assigned: string[];
};

/** Confirm one of the times on the table with a room and officials. */
export function ConfirmForm(props: Props) {
  const t = useTranslations("meetings");
  const [state, formAction, busy] = useActionState(confirmMeetingAction, idleFormState);
  const [attempt, setAttempt] = useState(0);
  const { fieldError, formError } = useMeetingFormErrors(state);
  const sent = state.status === "error" ? state.values : undefined;
  const fieldOf = (id: string) => id.replace("confirm-", "");
  const items = summaryItems(
    labelsOf(["windowId", "confirm-roomId"], (id) => t(`staffFields.${fieldOf(id)}`)),
    (id) => fieldError(fieldOf(id)),
    formError ? { message: formError } : undefined,
  );
  return (
    <form action={formAction} onSubmit={keepFormOnSubmit(formAction, () => setAttempt((n) => n + 1))} className="form" aria-labelledby="confirm-heading">
      <h2 id="confirm-heading">{t("confirmHeading")}</h2>
      <ErrorSummary items={items} attempt={attempt} />
      <MeetingFormIdentity {...props} />
      <fieldset className={fieldError("windowId") ? "field field--error" : "field"}>
        <legend>{t("staffFields.windowId")}</legend>
        {fieldError("windowId") && <p className="field__error">{fieldError("windowId")}</p>}
        {props.windows.map((w, i) => (
          <div className="checkbox" key={w.value}>
            <input type="radio" id={i === 0 ? "windowId" : `windowId-${w.value}`} name="windowId" value={w.value} defaultChecked={sent?.windowId === w.value} />
            <label htmlFor={i === 0 ? "windowId" : `windowId-${w.value}`}>{w.label}</label>
          </div>
        ))}
      </fieldset>
      <ResourceFields {...props} prefix="confirm" fieldError={fieldError} sentRoom={sent?.roomId} />
      <button type="submit" className="button" disabled={busy}>
        {t("confirm")}
      </button>
    </form>
  );
}

/**
 * Propose one to three other times, holding a room and officials for each. Moving a confirmed
 * meeting (`rescheduling`) asks for the reason the mission is sent.
 */
export function ProposeForm({ rescheduling, ...props }: Props & { rescheduling: boolean }) {
  const t = useTranslations("meetings");
  const [state, formAction, busy] = useActionState(proposeTimesAction, idleFormState);
  const [attempt, setAttempt] = useState(0);
  const { fieldError, formError } = useMeetingFormErrors(state);
  const sent = state.status === "error" ? state.values : undefined;
  const fields = [...(rescheduling ? ["reason"] : []), ...windowFields].map((f) => `propose-${f}`);
  const fieldOf = (id: string) => id.replace("propose-", "");
  const items = summaryItems(
    labelsOf([...fields, "propose-roomId"], (id) => t(`staffFields.${fieldOf(id)}`)),
    (id) => fieldError(fieldOf(id)),
    formError ? { message: formError } : undefined,
  );
  return (
    <form action={formAction} onSubmit={keepFormOnSubmit(formAction, () => setAttempt((n) => n + 1))} className="form" aria-labelledby="propose-heading">
      <h2 id="propose-heading">{t("proposeHeading")}</h2>
      <ErrorSummary items={items} attempt={attempt} />
      <MeetingFormIdentity {...props} />
      {rescheduling && (
        <>
          <input type="hidden" name="rescheduling" value="1" />
          <TextAreaField id="propose-reason" name="reason" label={t("staffFields.reason")} hint={t("rescheduleHint")} error={fieldError("reason")} defaultValue={sent?.reason} rows={3} />
        </>
      )}
      <p className="field__hint">{t("proposeHint")}</p>
      {windowFields.map((f) => (
        <TextField key={f} id={`propose-${f}`} name={f} label={t(`staffFields.${f}`)} type="datetime-local" step={300} error={fieldError(f)} defaultValue={sent?.[f]} />
      ))}
      <ResourceFields {...props} prefix="propose" fieldError={fieldError} sentRoom={sent?.roomId} />
      <button type="submit" className="button button--secondary" disabled={busy}>
        {t("propose")}
      </button>
    </form>
  );
}

function ResourceFields({ rooms, officials, assigned, prefix, fieldError, sentRoom }: Props & { prefix: string; fieldError: (f: string) => string | undefined; sentRoom?: string }) {
  const t = useTranslations("meetings");
  return (
    <>
      <SelectField id={`${prefix}-roomId`} name="roomId" label={t("staffFields.roomId")} options={rooms} placeholder={t("choosePlaceholder")} error={fieldError("roomId")} defaultValue={sentRoom} />
      <CheckboxGroup id={`${prefix}-officialIds`} legend={t("staffFields.officialIds")} options={officials} defaultValues={assigned} inputProps={{ name: "officialIds" }} />
    </>
  );
}
