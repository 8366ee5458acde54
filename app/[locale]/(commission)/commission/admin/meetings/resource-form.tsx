"use client";

import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/forms/error-summary";
import { labelsOf, summaryItems } from "@/components/forms/summary-items";
import { TextField } from "@/components/forms/field";
import { useServerForm } from "@/components/forms/use-server-form";
import { Link } from "@/i18n/navigation";
import { saveOfficialAction, saveRoomAction } from "@/lib/meetings/resource-actions";
import { officialFields, officialSchema, roomFields, roomSchema } from "@/lib/meetings/resource-schemas";

type Props = {
  locale: string;
  kind: "official" | "room";
  /** Present when editing. */
  id?: string;
  initial: Record<string, string | boolean>;
};

const forms = {
  official: { schema: officialSchema, fields: officialFields, action: saveOfficialAction, texts: ["positionTk", "positionRu", "positionEn"] },
  room: { schema: roomSchema, fields: roomFields, action: saveRoomAction, texts: ["capacity"] },
} as const;

const languageOf = (field: string) => ({ Tk: "tk", Ru: "ru", En: "en" })[field.slice(-2)];

/** An official's or a room's form: names (and positions) in the three languages, or a capacity, and whether it is in use. */
export function ResourceForm({ locale, kind, id, initial }: Props) {
  const t = useTranslations("meetingResources");
  const { schema, fields, action, texts } = forms[kind];
  const { form, formRef, formAction, onSubmit, pending, state, errorOf, attempt } = useServerForm<Record<string, string | boolean>>(
    schema as never,
    action,
    initial,
  );
  // Without JavaScript the page is rendered again with what was sent: nothing typed is lost.
  const values = state.status === "error" && state.values ? { ...initial, ...state.values, active: state.values.active === "on" } : initial;
  const summary = summaryItems(labelsOf(fields, (field) => t(`fields.${field}`)), errorOf);
  const text = (field: string) => ({
    id: field,
    label: t(`fields.${field}`),
    error: errorOf(field),
    defaultValue: String(values[field] ?? ""),
    lang: languageOf(field),
    ...form.register(field),
  });

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="form">
      <ErrorSummary items={summary} attempt={attempt} />
      <input type="hidden" name="locale" value={locale} />
      {id && <input type="hidden" name="id" value={id} />}
      <fieldset>
        <legend>{t("namesLegend")}</legend>
        <TextField {...text("nameTk")} />
        <TextField {...text("nameRu")} />
        <TextField {...text("nameEn")} />
      </fieldset>
      {kind === "official" ? (
        <fieldset>
          <legend>{t("positionsLegend")}</legend>
          {texts.map((field) => (
            <TextField key={field} {...text(field)} />
          ))}
        </fieldset>
      ) : (
        <TextField {...text("capacity")} inputMode="numeric" hint={t("capacityHint")} />
      )}
      <div className="checkbox">
        <input id="active" type="checkbox" defaultChecked={values.active === true} {...form.register("active")} />
        <label htmlFor="active">{t(kind === "official" ? "officialActive" : "roomActive")}</label>
      </div>
      <div className="form__actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </button>
        <Link href="/commission/admin/meetings">{t("cancel")}</Link>
      </div>
    </form>
  );
}
