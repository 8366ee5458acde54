"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/forms/error-summary";
import { summaryItems } from "@/components/forms/summary-items";
import { TextAreaField } from "@/components/forms/field";
import { keepFormOnSubmit } from "@/components/forms/use-server-form";
import { decideStatementAction } from "@/lib/statements/actions";
import { idleFormState } from "@/lib/forms";

/**
 * Staff decide on a submitted version: publish it now (only once any embargo has passed), publish
 * it at its embargo time, or return it with a reason. The revision says which words they read.
 */
export function DecisionForm({ locale, versionId, revision, embargoAhead }: { locale: string; versionId: string; revision: number; embargoAhead: boolean }) {
  const t = useTranslations("statements");
  const v = useTranslations("validation");
  const [state, formAction, pending] = useActionState(decideStatementAction, idleFormState);
  const [attempt, setAttempt] = useState(0);
  const reasonKey = state.status === "error" ? state.fieldErrors.reason : undefined;
  const reasonError = reasonKey ? v(reasonKey) : undefined;
  const summary = summaryItems({ reason: t("fields.reason") }, () => reasonError, state.status === "error" && state.formError ? { message: state.formError } : undefined);
  return (
    <section aria-labelledby="decision">
      <h2 id="decision">{t("decisionHeading")}</h2>
      <form onSubmit={keepFormOnSubmit(formAction, () => setAttempt((n) => n + 1))} action={formAction} className="form" noValidate>
        <ErrorSummary items={summary} attempt={attempt} />
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="versionId" value={versionId} />
        <input type="hidden" name="revision" value={revision} />
        <p>{embargoAhead ? t("embargoAheadHint") : t("publishNowHint")}</p>
        <div className="form__actions">
          {embargoAhead ? (
            <button type="submit" name="intent" value="embargo" className="button" disabled={pending}>
              {t("scheduleForEmbargo")}
            </button>
          ) : (
            <button type="submit" name="intent" value="now" className="button" disabled={pending}>
              {t("publishNow")}
            </button>
          )}
        </div>
        <TextAreaField id="reason" name="reason" label={t("fields.reason")} hint={t("reasonHint")} error={reasonError} rows={3} defaultValue={state.status === "error" ? state.values?.reason : undefined} />
        <div className="form__actions">
          <button type="submit" name="intent" value="return" className="button button--secondary" disabled={pending}>
            {t("returnToMission")}
          </button>
        </div>
      </form>
    </section>
  );
}
