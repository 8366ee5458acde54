"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { idleFormState, type FormState } from "@/lib/forms";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  secondary?: boolean;
};

/** One button that sends a statement to its next step; the server's refusal shows as the form's error. */
export function StatementActionForm({ action, fields, label, pendingLabel, secondary }: Props) {
  const [state, formAction, pending] = useActionState(action, idleFormState);
  const formError = state.status === "error" && state.formError ? { message: state.formError } : undefined;
  return (
    <form action={formAction} className="form form--inline">
      <ErrorSummary items={formError ? [formError] : []} attempt={state.status === "error" ? 1 : 0} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={secondary ? "button button--secondary" : "button"} disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
    </form>
  );
}
