"use client";

import { useTranslations } from "next-intl";
import type { UseFormRegister } from "react-hook-form";
import { TextField } from "./field";

type Fields = { password: string; passwordConfirmation: string };

/** The two fields' labels, for the fields and for the error summary of the form they are in. */
export function useNewPasswordLabels(): Fields {
  const t = useTranslations("passwords");
  return { password: t("newPassword"), passwordConfirmation: t("confirmation") };
}

/** A new password and its confirmation, with the rules as the hint. */
export function NewPasswordFields<T extends Fields>({ register, errorOf }: { register: UseFormRegister<T>; errorOf: (field: string) => string | undefined }) {
  const t = useTranslations("passwords");
  const labels = useNewPasswordLabels();
  const reg = register as unknown as UseFormRegister<Fields>;
  return (
    <>
      <TextField id="password" label={labels.password} hint={t("rules")} type="password" autoComplete="new-password" error={errorOf("password")} {...reg("password")} />
      <TextField id="passwordConfirmation" label={labels.passwordConfirmation} type="password" autoComplete="new-password" error={errorOf("passwordConfirmation")} {...reg("passwordConfirmation")} />
    </>
  );
}
