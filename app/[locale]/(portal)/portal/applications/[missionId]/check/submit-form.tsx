"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/forms/error-summary";
import { submitApplicationAction } from "@/lib/accreditation/actions";
import { idleFormState } from "@/lib/forms";

/** The declaration and the submit button; the server checks the whole application again. */
export function SubmitForm({ locale, missionId, resubmission }: { locale: string; missionId: string; resubmission: boolean }) {
  const t = useTranslations("applications");
  const [state, formAction, pending] = useActionState(submitApplicationAction, idleFormState);
  const [attempt, setAttempt] = useState(0);
  const formError = state.status === "error" && state.formError ? t(`refusals.${state.formError as "incomplete"}`) : undefined;
  return (
    <form action={formAction} onSubmit={() => setAttempt((n) => n + 1)} className="form">
      <ErrorSummary items={formError ? [{ message: formError }] : []} attempt={attempt} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="missionId" value={missionId} />
      <h2>{t("declarationHeading")}</h2>
      <p>{t("declaration")}</p>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("submitting") : resubmission ? t("resubmitButton") : t("submitButton")}
      </button>
    </form>
  );
}
