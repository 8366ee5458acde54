"use client";

import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/forms";

/** What every form acting on one meeting sends: the page's language, the meeting and the version seen. */
export type MeetingFormProps = { locale: string; meetingId: string; version: number };

export function MeetingFormIdentity({ locale, meetingId, version }: MeetingFormProps) {
  return (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

/** A form's translated errors: each field's, the sentence a refusal gives the whole form, and what was sent. */
export function useMeetingFormErrors(state: FormState) {
  const v = useTranslations("validation");
  const fieldError = (field: string) => (state.status === "error" && state.fieldErrors[field] ? v(state.fieldErrors[field]) : undefined);
  return { fieldError, formError: state.status === "error" ? state.formError : undefined, sent: state.status === "error" ? state.values : undefined };
}
