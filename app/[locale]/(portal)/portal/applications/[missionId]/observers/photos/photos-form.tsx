"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/forms/field";
import { Link } from "@/i18n/navigation";
import type { PhotoImportState } from "@/lib/accreditation/action-states";
import { importPhotosAction } from "@/lib/accreditation/actions";

const idle: PhotoImportState = { status: "idle" };

/** Valid photos are attached; each file that is not gets its own line in the report. */
export function PhotosForm({ locale, missionId }: { locale: string; missionId: string }) {
  const t = useTranslations("observerPhotos");
  const v = useTranslations("validation");
  const [state, formAction, pending] = useActionState(importPhotosAction, idle);
  const result = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== "idle") result.current?.focus();
  }, [state]);
  const error = state.status === "error" ? v(state.error) : undefined;

  return (
    <>
      {state.status === "done" && (
        <div className={state.rejected.length ? "error-summary report" : "notice notice--success"} role={state.rejected.length ? "alert" : "status"} tabIndex={-1} ref={result}>
          <p>
            <strong>{t("attached", { count: state.attached })}</strong>
          </p>
          {state.rejected.length > 0 && (
            <>
              <h2>{t("rejectedTitle", { count: state.rejected.length })}</h2>
              <ul>
                {state.rejected.map((file) => (
                  <li key={file.fileName}>
                    {file.fileName}: {v(file.code)}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p>
            <Link href={`/portal/applications/${missionId}/observers`}>{t("backToObservers")}</Link>
          </p>
        </div>
      )}
      {state.status === "refused" && (
        <p className="notice notice--error" role="alert">
          {t("notEditable")}
        </p>
      )}
      {error && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={result} aria-labelledby="photos-error-title">
          <h2 id="photos-error-title">{t("errorTitle")}</h2>
          <ul>
            <li>
              <a href="#archive">{error}</a>
            </li>
          </ul>
        </div>
      )}
      <form action={formAction} className="form" encType="multipart/form-data">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="missionId" value={missionId} />
        <TextField id="archive" name="archive" type="file" label={t("fileLabel")} hint={t("fileHint")} error={error} accept=".zip,application/zip" />
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("uploading") : t("uploadButton")}
        </button>
      </form>
    </>
  );
}
