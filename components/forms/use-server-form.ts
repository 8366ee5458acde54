"use client";

import { startTransition, useActionState, useRef, useState, type FormEvent } from "react";
import { useForm, type DefaultValues, type FieldValues, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { idleFormState, type FormState } from "@/lib/forms";

/**
 * react-hook-form checks the form with the same zod schema the Server Action uses; the action
 * re-checks on the server. Without JavaScript the form still posts to the action.
 */
export function useServerForm<T extends FieldValues>(
  schema: z.ZodType<T, FieldValues>,
  action: (state: FormState, formData: FormData) => Promise<FormState>,
  defaultValues?: DefaultValues<T>,
) {
  const t = useTranslations("validation");
  const [state, formAction, pending] = useActionState(action, idleFormState);
  // The error summary takes focus, not the first field, so the reader hears every problem first.
  const form = useForm<T>({ resolver: zodResolver(schema) as Resolver<T>, defaultValues, shouldFocusError: false });
  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  // The server's answer describes the form as last sent: once the browser's check stops a later
  // attempt, its messages (a field since corrected, say) are no longer true.
  const [lastAttemptSent, setLastAttemptSent] = useState(true);

  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    form.handleSubmit(
      () => {
        setAttempt((n) => n + 1);
        setLastAttemptSent(true);
        startTransition(() => formAction(new FormData(formRef.current!)));
      },
      () => {
        setAttempt((n) => n + 1);
        setLastAttemptSent(false);
      },
    )(event);

  const serverErrors = state.status === "error" && lastAttemptSent ? state.fieldErrors : {};
  const clientErrors = form.formState.errors;
  /** The translated message for a field: the browser's check first, then the server's. */
  const errorOf = (field: string) => {
    const key = (clientErrors[field]?.message as string | undefined) ?? serverErrors[field];
    return key ? t(key) : undefined;
  };

  return { form, formRef, formAction, onSubmit, pending, state, errorOf, attempt };
}

/**
 * For forms without react-hook-form: sends the form to its Server Action without React's reset
 * after the action, so ticked boxes and typed text stay when the server answers with an error.
 * The button that was pressed goes along (its name and value say which decision). Without
 * JavaScript the form posts as usual.
 */
export function keepFormOnSubmit(formAction: (formData: FormData) => void, onAttempt?: () => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onAttempt?.();
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(formData));
  };
}
