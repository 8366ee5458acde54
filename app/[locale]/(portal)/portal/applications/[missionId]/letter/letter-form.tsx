"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/forms/error-summary";
import { summaryItems } from "@/components/forms/summary-items";
import { TextField } from "@/components/forms/field";
import { Link } from "@/i18n/navigation";
import { attachLetterAction } from "@/lib/accreditation/actions";
import { idleFormState } from "@/lib/forms";

/** A file field is checked on the server only: its bytes, not its name, say whether it is a PDF. */
export function LetterForm({ locale, missionId, hasLetter }: { locale: string; missionId: string; hasLetter: boolean }) {
  const t = useTranslations("applications");
  const v = useTranslations("validation");
  const [state, formAction, pending] = useActionState(attachLetterAction, idleFormState);
  const [attempt, setAttempt] = useState(0);
  const serverError = state.status === "error" ? state.fieldErrors.letter : undefined;
  const error = serverError ? v(serverError) : undefined;
  const formError = state.status === "error" && state.formError ? { message: t(`refusals.${state.formError as "notEditable"}`) } : undefined;
  const summary = summaryItems({ letter: t("fields.letter") }, () => error, formError);
  return (
    <form action={formAction} onSubmit={() => setAttempt((n) => n + 1)} className="form" encType="multipart/form-data">
      <ErrorSummary items={summary} attempt={attempt} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="missionId" value={missionId} />
      <TextField id="letter" name="letter" type="file" label={hasLetter ? t("fields.letterReplace") : t("fields.letter")} hint={t("hints.letter")} error={error} accept="application/pdf,.pdf" />
      <div className="form__actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("uploading") : t("uploadAndContinue")}
        </button>
        {hasLetter && <Link href={`/portal/applications/${missionId}/observers`}>{t("skipToObservers")}</Link>}
      </div>
    </form>
  );
}
