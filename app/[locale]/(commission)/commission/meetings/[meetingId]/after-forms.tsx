"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/forms/error-summary";
import { summaryItems } from "@/components/forms/summary-items";
import { TextAreaField } from "@/components/forms/field";
import { keepFormOnSubmit } from "@/components/forms/use-server-form";
import { MeetingFormIdentity, useMeetingFormErrors, type MeetingFormProps } from "@/components/meetings/meeting-form-parts";
import { publishSummaryAction, recordMeetingOutcomeAction, withdrawSummaryAction } from "@/lib/meetings/actions";
import { meetingOutcomes } from "@/lib/meetings/schemas";
import { idleFormState } from "@/lib/forms";

type Props = MeetingFormProps;

/** Whether the meeting was held (asked once, while it is confirmed), who took part, and the internal minutes. */
export function MeetingRecordForm(props: Props & { outcome: "held" | "not_held" | null; participants: string; minutes: string }) {
  const t = useTranslations("meetingRecord");
  const [state, formAction, busy] = useActionState(recordMeetingOutcomeAction, idleFormState);
  const [attempt, setAttempt] = useState(0);
  const { fieldError, formError, sent } = useMeetingFormErrors(state);
  const fieldIds = { outcome: "outcome-held", participants: "record-participants", minutes: "record-minutes" } as const;
  const fields = Object.keys(fieldIds) as (keyof typeof fieldIds)[];
  const items = summaryItems(
    Object.fromEntries(fields.map((f) => [fieldIds[f], t(f)])),
    (id) => fieldError(fields.find((name) => fieldIds[name] === id)!),
    formError ? { message: formError } : undefined,
  );
  return (
    <form action={formAction} onSubmit={keepFormOnSubmit(formAction, () => setAttempt((n) => n + 1))} className="form" aria-labelledby="record-heading">
      <h2 id="record-heading">{t("heading")}</h2>
      <ErrorSummary items={items} attempt={attempt} />
      <MeetingFormIdentity {...props} />
      {props.outcome ? (
        <input type="hidden" name="outcome" value={props.outcome} />
      ) : (
        <fieldset className={fieldError("outcome") ? "field field--error" : "field"}>
          <legend>{t("outcome")}</legend>
          {fieldError("outcome") && <p className="field__error">{fieldError("outcome")}</p>}
          {meetingOutcomes.map((o) => (
            <div className="checkbox" key={o}>
              <input type="radio" id={`outcome-${o === "held" ? "held" : "not-held"}`} name="outcome" value={o} defaultChecked={sent?.outcome === o} />
              <label htmlFor={`outcome-${o === "held" ? "held" : "not-held"}`}>{t(`outcomes.${o}`)}</label>
            </div>
          ))}
        </fieldset>
      )}
      <TextAreaField id="record-participants" name="participants" label={t("participants")} hint={t("participantsHint")} error={fieldError("participants")} defaultValue={sent?.participants ?? props.participants} rows={3} />
      <TextAreaField id="record-minutes" name="minutes" label={t("minutes")} hint={t("minutesHint")} error={fieldError("minutes")} defaultValue={sent?.minutes ?? props.minutes} rows={8} />
      <button type="submit" className="button" disabled={busy}>
        {t("save")}
      </button>
    </form>
  );
}

const summaryFields = ["summaryTk", "summaryRu", "summaryEn"] as const;

/** The public summary of a held meeting in the three languages; a published one may be corrected or withdrawn. */
export function MeetingSummaryForm(props: Props & { summary: Record<(typeof summaryFields)[number], string>; publishedOn: string | null }) {
  const t = useTranslations("meetingRecord");
  const [state, formAction, busy] = useActionState(publishSummaryAction, idleFormState);
  const [withdrawState, withdrawAction, withdrawing] = useActionState(withdrawSummaryAction, idleFormState);
  const [attempt, setAttempt] = useState(0);
  const { fieldError, formError, sent } = useMeetingFormErrors(state);
  const withdrawError = withdrawState.status === "error" ? withdrawState.formError : undefined;
  const items = summaryItems(
    Object.fromEntries(summaryFields.map((f) => [`summary-${f}`, t(f)])),
    (id) => fieldError(id.replace("summary-", "")),
    formError ? { message: formError } : undefined,
  );
  return (
    <>
      <form action={formAction} onSubmit={keepFormOnSubmit(formAction, () => setAttempt((n) => n + 1))} className="form" aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t("summaryHeading")}</h2>
        <ErrorSummary items={items} attempt={attempt} />
        <MeetingFormIdentity {...props} />
        <p className="field__hint">{props.publishedOn ? t("publishedOn", { date: props.publishedOn }) : t("summaryHint")}</p>
        {summaryFields.map((f) => (
          <TextAreaField key={f} id={`summary-${f}`} name={f} label={t(f)} error={fieldError(f)} defaultValue={sent?.[f] ?? props.summary[f]} rows={4} />
        ))}
        <button type="submit" className="button" disabled={busy}>
          {props.publishedOn ? t("republish") : t("publish")}
        </button>
      </form>
      {props.publishedOn && (
        <form action={withdrawAction} className="form" aria-label={t("withdraw")}>
          <MeetingFormIdentity {...props} />
          {withdrawError && (
            <p className="field__error" role="alert">
              {withdrawError}
            </p>
          )}
          <button type="submit" className="button button--warning" disabled={withdrawing}>
            {t("withdraw")}
          </button>
        </form>
      )}
    </>
  );
}
