"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/forms/field";
import type { ImportState } from "@/lib/accreditation/action-states";
import { importObserversAction } from "@/lib/accreditation/actions";
import { TableWrap } from "@/components/data/table-wrap";

const idle: ImportState = { status: "idle" };

/**
 * All or nothing: a file with any problem adds no one, and the report lists every row and column
 * so the coordinator fixes the spreadsheet in one pass and sends it again.
 */
export function ImportForm({ locale, missionId }: { locale: string; missionId: string }) {
  const t = useTranslations("observerImport");
  const v = useTranslations("validation");
  const o = useTranslations("observers.fields");
  const [state, formAction, pending] = useActionState(importObserversAction, idle);
  const report = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== "idle") report.current?.focus();
  }, [state]);

  return (
    <>
      {state.status === "error" && (
        <div className="error-summary report" role="alert" tabIndex={-1} ref={report} aria-labelledby="import-report-title">
          <h2 id="import-report-title">{t("reportTitle", { count: state.total })}</h2>
          <p>{t("reportLead")}</p>
          {state.total > state.errors.length && <p>{t("reportTruncated", { shown: state.errors.length })}</p>}
          <TableWrap label={t("reportCaption")}>
            <table>
              <caption className="visually-hidden">{t("reportCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("row")}</th>
                  <th scope="col">{t("column")}</th>
                  <th scope="col">{t("problem")}</th>
                </tr>
              </thead>
              <tbody>
                {state.errors.map((error, index) => (
                  <tr key={index}>
                    <td>{error.row ?? "—"}</td>
                    <td>{error.column ? o(error.column) : "—"}</td>
                    <td>{v(error.code, error.params)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </div>
      )}
      {state.status === "refused" && (
        <p className="notice notice--error" role="alert">
          {t("notEditable")}
        </p>
      )}
      <form action={formAction} className="form" encType="multipart/form-data">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="missionId" value={missionId} />
        <TextField
          id="file"
          name="file"
          type="file"
          label={t("fileLabel")}
          hint={t("fileHint")}
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        />
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("importing") : t("importButton")}
        </button>
      </form>
    </>
  );
}
