"use client";

import { useActionState, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/forms/error-summary";
import { summaryItems } from "@/components/forms/summary-items";
import { keepFormOnSubmit } from "@/components/forms/use-server-form";
import { Link } from "@/i18n/navigation";
import { decideObserversAction } from "@/lib/accreditation/review/actions";
import type { ApplicationStatus, ObserverStatus } from "@/lib/accreditation/transitions";
import { idleFormState } from "@/lib/forms";
import { TableWrap } from "@/components/data/table-wrap";

export type ReviewedObserver = {
  id: string;
  version: number;
  status: ObserverStatus;
  name: string;
  cyrillicName: string | null;
  hasPhoto: boolean;
  facts: string[];
  role: string;
  stay: string;
  statusLabel: string;
  accreditationNumber: string | null;
  reason: string | null;
  isAmendment: boolean;
  findings: { severity: "error" | "warning"; text: string }[];
};

type Props = {
  locale: string;
  missionId: string;
  missionVersion: number;
  missionStatus: ApplicationStatus;
  total: number;
  rows: ReviewedObserver[];
  reasonOptions: { value: string; label: string }[];
};

/**
 * The observers as one form: tick some (or all on the page), then accredit, refuse or revoke them
 * with a reason, or send the application back with a comment on them. Each box carries the
 * version the reviewer saw.
 */
export function ObserverDecisions({ locale, missionId, missionVersion, missionStatus, total, rows, reasonOptions }: Props) {
  const t = useTranslations("review");
  const v = useTranslations("validation");
  const [state, formAction, busy] = useActionState(decideObserversAction, idleFormState);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const deciding = missionStatus === "submitted" || missionStatus === "approved";
  const fieldError = (field: "reasonCode" | "reason" | "comment") => (state.status === "error" && state.fieldErrors[field] ? v(state.fieldErrors[field]) : undefined);
  const formError = state.status === "error" && state.formError ? refusalText(state.formError, state.values?.undecidable) : undefined;
  const labels = { reasonCode: t("reasonCode"), reason: t("reasonText"), comment: t("observerComment") };
  const fields = Object.keys(labels) as (keyof typeof labels)[];
  const items = [
    ...(formError ? [{ message: formError }] : []),
    ...summaryItems(Object.fromEntries(fields.map((f) => [`observers-${f}`, labels[f]])), (id) => fieldError(id.replace("observers-", "") as keyof typeof labels)),
  ];
  const sent = state.status === "error" ? state.values : undefined;
  function refusalText(refusal: string, undecidable: string | undefined) {
    if (refusal !== "undecidable" || !undecidable) return t(`refusals.${refusal as "changed"}`);
    const ids = undecidable.split(" ");
    const names = ids.map((id) => rows.find((row) => row.id === id)?.name ?? "—");
    return t("refusals.undecidable", { count: ids.length, names: names.join("; ") });
  }
  const selectAll = (checked: boolean) =>
    form.current?.querySelectorAll<HTMLInputElement>('input[name="observer"]').forEach((box) => {
      box.checked = checked;
    });

  return (
    <form ref={form} action={formAction} onSubmit={keepFormOnSubmit(formAction, () => setAttempt((n) => n + 1))} aria-labelledby="observers-heading">
      <ErrorSummary items={items} attempt={attempt} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="missionId" value={missionId} />
      <input type="hidden" name="version" value={missionVersion} />
      <p>{t("observersShown", { shown: rows.length, total })}</p>
      {deciding && rows.length > 0 && (
        <div className="checkbox">
          <input id="select-all" type="checkbox" onChange={(event) => selectAll(event.currentTarget.checked)} />
          <label htmlFor="select-all">{t("selectAll")}</label>
        </div>
      )}
      <TableWrap label={t("observersHeading")}>
        <table className="responsive review-table">
          <caption className="visually-hidden">{t("observersHeading")}</caption>
          <thead>
            <tr>
              {deciding && <th scope="col">{t("select")}</th>}
              <th scope="col">{t("photo")}</th>
              <th scope="col">{t("observer")}</th>
              <th scope="col">{t("roleAndStay")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("findings")}</th>
            </tr>
          </thead>
          <tbody>
            {/* Keyed by version: a row someone else changed comes back unticked, to be decided anew. */}
            {rows.map((o) => (
              <tr key={`${o.id}:${o.version}`}>
                {deciding && (
                  <td data-label={t("select")}>
                    <input type="checkbox" name="observer" value={`${o.id}:${o.version}`} aria-label={t("selectObserver", { name: o.name })} className="row-checkbox" />
                  </td>
                )}
                <td data-label={t("photo")}>
                  {o.hasPhoto ? (
                    <a href={`/api/observers/${o.id}/photo`} target="_blank" rel="noopener">
                      {/* eslint-disable-next-line @next/next/no-img-element -- a private image behind an access check */}
                      <img src={`/api/observers/${o.id}/photo?size=thumb`} alt={t("photoOf", { name: o.name })} width={60} height={75} loading="lazy" />
                    </a>
                  ) : (
                    <strong>{t("noPhoto")}</strong>
                  )}
                </td>
                <td data-label={t("observer")}>
                  <strong>{o.name}</strong>
                  {o.cyrillicName && <span lang="ru"> ({o.cyrillicName})</span>}
                  <br />
                  <span className="row-note">{o.facts.join(" · ")}</span>
                </td>
                <td data-label={t("roleAndStay")}>
                  {o.role}
                  <br />
                  <span className="row-note">{o.stay}</span>
                </td>
                <td data-label={t("status")}>
                  {o.statusLabel}
                  {o.accreditationNumber && (
                    <>
                      <br />
                      <span className="row-note">{o.accreditationNumber}</span>
                    </>
                  )}
                  {o.isAmendment && <span className="row-note"> {t("amendment")}</span>}
                  {o.status === "accredited" && (
                    <p className="row-note">
                      <Link href={`/commission/applications/${missionId}/observers/${o.id}/correct`} aria-label={t("correction.heading", { name: o.name })}>
                        {t("correctObserver")}
                      </Link>
                    </p>
                  )}
                  {o.reason && <p className="row-note">{o.reason}</p>}
                </td>
                <td data-label={t("findings")}>
                  {o.findings.length === 0 ? (
                    "—"
                  ) : (
                    <ul className="findings">
                      {o.findings.map((finding, index) => (
                        <li key={index} className={finding.severity === "error" ? "findings__error" : "findings__warning"}>
                          {finding.severity === "error" ? t("findingError") : t("findingWarning")}: {finding.text}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {deciding && rows.length > 0 && (
        <fieldset className="decision-panel">
          <legend>{t("decideSelected")}</legend>
          <div className="decision-panel__forms">
            <div>
              <h3>{t("accreditHeading")}</h3>
              <button type="submit" name="intent" value="accredit" className="button" disabled={busy}>
                {t("accreditSelected")}
              </button>
            </div>
            <div>
              <h3>{t("refuseHeading")}</h3>
              <div className={fieldError("reasonCode") ? "field field--error" : "field"}>
                <label htmlFor="observers-reasonCode">{labels.reasonCode}</label>
                {fieldError("reasonCode") && <p className="field__error" id="observers-reasonCode-error">{fieldError("reasonCode")}</p>}
                <select id="observers-reasonCode" name="reasonCode" defaultValue={sent?.reasonCode ?? ""} aria-invalid={fieldError("reasonCode") ? true : undefined} aria-describedby={fieldError("reasonCode") ? "observers-reasonCode-error" : undefined}>
                  <option value="">{t("chooseReason")}</option>
                  {reasonOptions.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              </div>
              <div className={fieldError("reason") ? "field field--error" : "field"}>
                <label htmlFor="observers-reason">{labels.reason}</label>
                {fieldError("reason") && <p className="field__error" id="observers-reason-error">{fieldError("reason")}</p>}
                <textarea id="observers-reason" name="reason" rows={3} maxLength={1000} defaultValue={sent?.reason} aria-invalid={fieldError("reason") ? true : undefined} aria-describedby={fieldError("reason") ? "observers-reason-error" : undefined} />
              </div>
              <div className="form__actions">
                <button type="submit" name="intent" value="refuse" className="button button--warning" disabled={busy}>
                  {t("refuseSelected")}
                </button>
                <button type="submit" name="intent" value="revoke" className="button button--secondary" disabled={busy}>
                  {t("revokeSelected")}
                </button>
              </div>
            </div>
            {missionStatus === "submitted" && (
              <div>
                <h3>{t("commentHeading")}</h3>
                <div className={fieldError("comment") ? "field field--error" : "field"}>
                  <label htmlFor="observers-comment">{labels.comment}</label>
                  {fieldError("comment") && <p className="field__error" id="observers-comment-error">{fieldError("comment")}</p>}
                  <textarea id="observers-comment" name="comment" rows={3} maxLength={4000} defaultValue={sent?.comment} aria-invalid={fieldError("comment") ? true : undefined} aria-describedby={fieldError("comment") ? "observers-comment-error" : undefined} />
                </div>
                <button type="submit" name="intent" value="requestChanges" className="button button--secondary" disabled={busy}>
                  {t("requestChangesSelected")}
                </button>
              </div>
            )}
          </div>
        </fieldset>
      )}
    </form>
  );
}
