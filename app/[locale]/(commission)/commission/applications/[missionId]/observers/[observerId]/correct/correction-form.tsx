"use client";

import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/forms/error-summary";
import { labelsOf, summaryItems } from "@/components/forms/summary-items";
import { TextField } from "@/components/forms/field";
import { useServerForm } from "@/components/forms/use-server-form";
import { Link } from "@/i18n/navigation";
import { correctObserverAction } from "@/lib/accreditation/review/actions";
import { observerCorrectionSchema, type ObserverCorrection } from "@/lib/accreditation/review/schemas";

type Props = {
  locale: string;
  missionId: string;
  /** "id:version": the observer and the version the reviewer saw. */
  observer: string;
  initial: { surname: string; givenNames: string; cyrillicName: string };
};

const fields = ["surname", "givenNames", "cyrillicName", "photo"] as const;

/** The names the badge shows and its photo, corrected by the commission after accreditation. */
export function CorrectionForm({ locale, missionId, observer, initial }: Props) {
  const t = useTranslations("observers");
  const r = useTranslations("review");
  const { form, formRef, formAction, onSubmit, pending, state, errorOf, attempt } = useServerForm<ObserverCorrection>(observerCorrectionSchema, correctObserverAction, initial as ObserverCorrection);
  const values = state.status === "error" && state.values ? { ...initial, ...state.values } : initial;
  const label = (field: (typeof fields)[number]) => (field === "photo" ? t("fields.photoReplace") : t(`fields.${field}`));
  const formError = state.status === "error" && state.formError ? { message: r(`refusals.${state.formError as "unchanged"}`) } : undefined;
  const summary = summaryItems(labelsOf(fields, label), errorOf, formError);
  const name = (field: "surname" | "givenNames" | "cyrillicName", hint: string, extra: Record<string, string> = {}) => (
    <TextField id={field} label={label(field)} hint={hint} error={errorOf(field)} defaultValue={values[field]} autoComplete="off" spellCheck={false} {...extra} {...form.register(field)} />
  );

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form" encType="multipart/form-data">
      <ErrorSummary items={summary} attempt={attempt} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="missionId" value={missionId} />
      <input type="hidden" name="observer" value={observer} />
      {name("surname", t("hints.latin"))}
      {name("givenNames", t("hints.latin"))}
      {name("cyrillicName", t("hints.cyrillicName"), { lang: "ru" })}
      <TextField id="photo" name="photo" type="file" accept="image/jpeg,image/png,image/webp" label={label("photo")} hint={t("hints.photo")} error={errorOf("photo")} />
      <div className="form__actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("saving") : r("correction.submit")}
        </button>
        <Link href={`/commission/applications/${missionId}`}>{t("cancel")}</Link>
      </div>
    </form>
  );
}
