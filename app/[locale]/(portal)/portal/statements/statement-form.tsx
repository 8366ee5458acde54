"use client";

import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/forms/error-summary";
import { labelsOf, summaryItems } from "@/components/forms/summary-items";
import { SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { useServerForm } from "@/components/forms/use-server-form";
import { saveStatementAction } from "@/lib/statements/actions";
import { statementDraftFields, statementDraftSchema, translationFields, type StatementDraftInput } from "@/lib/statements/schemas";
import { originalLanguages, statementKinds, statementLanguages } from "@/lib/statements/vocabulary";

type Option = { value: string; label: string };
type Props = {
  locale: string;
  /** Empty for a new statement. */
  versionId: string;
  missionOptions: Option[];
  initial: StatementDraftInput;
  attachments: { fileId: string; name: string }[];
};

const fieldOrder = [...statementDraftFields, "attachments"];

/**
 * A statement's words as the mission writes them: the original (language, title, Markdown body),
 * optional translations into the portal's languages, PDF attachments and an embargo. The same form
 * drafts a new statement and changes a draft, a returned version or a correction.
 */
export function StatementForm({ locale, versionId, missionOptions, initial, attachments }: Props) {
  const t = useTranslations("statements");
  const { form, formRef, formAction, onSubmit, pending, state, errorOf, attempt } = useServerForm<StatementDraftInput>(statementDraftSchema, saveStatementAction, initial);
  const values = state.status === "error" && state.values ? { ...initial, ...state.values } : initial;
  const label = (field: string) => {
    const language = statementLanguages.find((l) => field.startsWith(l));
    if (language) return t(field.endsWith("Title") ? "fields.translationTitle" : "fields.translationBody", { language: t(`languages.${language}`) });
    return t(`fields.${field as "title"}`);
  };
  const summary = summaryItems(
    labelsOf(fieldOrder, label),
    errorOf,
    state.status === "error" && state.formError ? { message: state.formError } : undefined,
  );
  const field = (name: keyof StatementDraftInput) => ({ id: name, label: label(name), error: errorOf(name), defaultValue: values[name], ...form.register(name) });
  const original = form.watch("originalLanguage");

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form">
      <ErrorSummary items={summary} attempt={attempt} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="versionId" value={versionId} />
      {versionId ? (
        <input type="hidden" {...form.register("missionId")} value={values.missionId} />
      ) : (
        <SelectField {...field("missionId")} options={missionOptions} placeholder={t("choosePlaceholder")} />
      )}
      {versionId ? (
        <input type="hidden" {...form.register("kind")} value={values.kind} />
      ) : (
        <SelectField {...field("kind")} options={statementKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} placeholder={t("choosePlaceholder")} />
      )}
      <fieldset>
        <legend>{t("originalLegend")}</legend>
        <p className="field__hint">{t("originalHint")}</p>
        <SelectField {...field("originalLanguage")} options={originalLanguages.map((l) => ({ value: l, label: t(`languages.${l}`) }))} placeholder={t("choosePlaceholder")} />
        <TextField {...field("otherLanguageName")} hint={t("otherLanguageHint")} />
        <TextField {...field("title")} maxLength={300} />
        <TextAreaField {...field("body")} hint={t("bodyHint")} rows={16} />
      </fieldset>
      {statementLanguages.map((language) => {
        const names = translationFields(language);
        return (
          <fieldset key={language} hidden={original === language}>
            <legend>{t("translationLegend", { language: t(`languages.${language}`) })}</legend>
            <p className="field__hint">{t("translationHint")}</p>
            <TextField {...field(names.title)} maxLength={300} lang={language} />
            <TextAreaField {...field(names.body)} rows={10} lang={language} />
          </fieldset>
        );
      })}
      <TextField {...field("embargoAt")} type="datetime-local" hint={t("embargoHint")} />
      {attachments.length > 0 && (
        <fieldset>
          <legend>{t("currentAttachments")}</legend>
          {attachments.map((a) => (
            <div className="checkbox" key={a.fileId}>
              <input type="checkbox" id={`remove-${a.fileId}`} name="removeAttachment" value={a.fileId} />
              <label htmlFor={`remove-${a.fileId}`}>{t("removeAttachment", { name: a.name })}</label>
            </div>
          ))}
        </fieldset>
      )}
      <TextField id="attachments" name="attachments" type="file" multiple accept="application/pdf,.pdf" label={t("fields.attachments")} hint={t("attachmentsHint")} error={errorOf("attachments")} />
      <div className="form__actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("saving") : t("saveDraft")}
        </button>
      </div>
    </form>
  );
}
