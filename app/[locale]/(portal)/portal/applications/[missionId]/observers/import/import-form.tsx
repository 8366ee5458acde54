"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { ImportReport } from "@/components/accreditation/import-report";
import { TextField } from "@/components/forms/field";
import type { ImportState } from "@/lib/accreditation/action-states";
import { importObserversAction } from "@/lib/accreditation/actions";

const idle: ImportState = { status: "idle" };

/**
 * All or nothing: a file with any problem adds no one, and the report lists every row and column
 * so the coordinator fixes the spreadsheet in one pass and sends it again.
 */
export function ImportForm({ locale, missionId }: { locale: string; missionId: string }) {
  const t = useTranslations("observerImport");
  const [state, formAction, pending] = useActionState(importObserversAction, idle);
  const report = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== "idle") report.current?.focus();
  }, [state]);

  return (
    <>
      {state.status === "error" && <ImportReport errors={state.errors} total={state.total} ref={report} />}
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
