"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/forms/error-summary";
import { summaryItems } from "@/components/forms/summary-items";
import { keepFormOnSubmit } from "@/components/forms/use-server-form";
import { answerProposalAction } from "@/lib/meetings/actions";
import { idleFormState } from "@/lib/forms";

type Props = { locale: string; meetingId: string; version: number; times: { value: string; label: string }[] };

/** The coordinator accepts one of the commission's proposed times, or declines them all. */
export function ProposalAnswer({ locale, meetingId, version, times }: Props) {
  const t = useTranslations("meetings");
  const v = useTranslations("validation");
  const [state, formAction, busy] = useActionState(answerProposalAction, idleFormState);
  const [attempt, setAttempt] = useState(0);
  const error = state.status === "error" && state.fieldErrors.windowId ? v(state.fieldErrors.windowId) : undefined;
  const formError = state.status === "error" ? state.formError : undefined;
  const items = summaryItems({ windowId: t("proposedHeading") }, () => error, formError ? { message: formError } : undefined);
  return (
    <form action={formAction} onSubmit={keepFormOnSubmit(formAction, () => setAttempt((n) => n + 1))} className="form" aria-labelledby="answer-heading">
      <h2 id="answer-heading">{t("answerHeading")}</h2>
      <ErrorSummary items={items} attempt={attempt} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="version" value={version} />
      <fieldset className={error ? "field field--error" : "field"}>
        <legend>{t("proposedHeading")}</legend>
        {error && <p className="field__error">{error}</p>}
        {times.map((time, i) => (
          <div className="checkbox" key={time.value}>
            <input type="radio" id={i === 0 ? "windowId" : `windowId-${time.value}`} name="windowId" value={time.value} />
            <label htmlFor={i === 0 ? "windowId" : `windowId-${time.value}`}>{time.label}</label>
          </div>
        ))}
      </fieldset>
      <div className="form__actions">
        <button type="submit" name="intent" value="accept" className="button" disabled={busy}>
          {t("accept")}
        </button>
        <button type="submit" name="intent" value="decline" className="button button--secondary" disabled={busy}>
          {t("decline")}
        </button>
      </div>
    </form>
  );
}
