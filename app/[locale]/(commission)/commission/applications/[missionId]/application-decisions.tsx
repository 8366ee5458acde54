"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/forms/error-summary";
import { summaryItems } from "@/components/forms/summary-items";
import { keepFormOnSubmit } from "@/components/forms/use-server-form";
import { decideApplicationAction } from "@/lib/accreditation/review/actions";
import type { ApplicationStatus } from "@/lib/accreditation/transitions";
import { idleFormState } from "@/lib/forms";

type Props = { locale: string; missionId: string; version: number; status: ApplicationStatus; pending: number };

/** Request changes, approve or reject: each a form of its own, naming the version the reviewer saw. */
export function ApplicationDecisions({ locale, missionId, version, status, pending }: Props) {
  const t = useTranslations("review");
  const v = useTranslations("validation");
  const [state, formAction, busy] = useActionState(decideApplicationAction, idleFormState);
  const [attempt, setAttempt] = useState(0);
  if (status !== "submitted") return null;
  const fieldError = (field: "comment" | "reason") => (state.status === "error" && state.fieldErrors[field] ? v(state.fieldErrors[field]) : undefined);
  const formError = state.status === "error" && state.formError ? t(`refusals.${state.formError as "changed"}`) : undefined;
  const items = [...(formError ? [{ message: formError }] : []), ...summaryItems({ comment: t("comment"), reason: t("rejectionReason") }, fieldError)];
  const hidden = (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="missionId" value={missionId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
  const sent = state.status === "error" ? state.values : undefined;
  return (
    <section aria-labelledby="decision-heading" className="decision-panel">
      <h2 id="decision-heading">{t("decisionHeading")}</h2>
      <ErrorSummary items={items} attempt={attempt} />
      <div className="decision-panel__forms">
        <form action={formAction} onSubmit={keepFormOnSubmit(formAction, () => setAttempt((n) => n + 1))} className="form">
          {hidden}
          <h3>{t("approveHeading")}</h3>
          <p>{pending > 0 ? t("approveBlocked", { count: pending }) : t("approveLead")}</p>
          <button type="submit" name="intent" value="approve" className="button" disabled={busy || pending > 0}>
            {t("approve")}
          </button>
        </form>
        <form action={formAction} onSubmit={keepFormOnSubmit(formAction, () => setAttempt((n) => n + 1))} className="form">
          {hidden}
          <h3>{t("requestChangesHeading")}</h3>
          <div className={fieldError("comment") ? "field field--error" : "field"}>
            <label htmlFor="comment">{t("comment")}</label>
            <p className="field__hint" id="comment-hint">
              {t("commentHint")}
            </p>
            {fieldError("comment") && (
              <p className="field__error" id="comment-error">
                {fieldError("comment")}
              </p>
            )}
            <textarea
              id="comment"
              name="comment"
              rows={4}
              maxLength={4000}
              defaultValue={sent?.comment}
              aria-invalid={fieldError("comment") ? true : undefined}
              aria-describedby={fieldError("comment") ? "comment-hint comment-error" : "comment-hint"}
            />
          </div>
          <button type="submit" name="intent" value="requestChanges" className="button button--secondary" disabled={busy}>
            {t("requestChanges")}
          </button>
        </form>
        <form action={formAction} onSubmit={keepFormOnSubmit(formAction, () => setAttempt((n) => n + 1))} className="form">
          {hidden}
          <h3>{t("rejectHeading")}</h3>
          <div className={fieldError("reason") ? "field field--error" : "field"}>
            <label htmlFor="reason">{t("rejectionReason")}</label>
            {fieldError("reason") && (
              <p className="field__error" id="reason-error">
                {fieldError("reason")}
              </p>
            )}
            <textarea id="reason" name="reason" rows={3} maxLength={2000} defaultValue={sent?.reason} aria-invalid={fieldError("reason") ? true : undefined} aria-describedby={fieldError("reason") ? "reason-error" : undefined} />
          </div>
          <button type="submit" name="intent" value="reject" className="button button--warning" disabled={busy}>
            {t("reject")}
          </button>
        </form>
      </div>
    </section>
  );
}
