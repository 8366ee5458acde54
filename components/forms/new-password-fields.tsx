"use client";

import { useTranslations } from "next-intl";
import type { UseFormRegister } from "react-hook-form";
import { TextField } from "./field";

type Fields = { password: string; passwordConfirmation: string };

/** A new password and its confirmation, with the rules as the hint. */
export function NewPasswordFields<T extends Fields>({ register, errorOf }: { register: UseFormRegister<T>; errorOf: (field: string) => string | undefined }) {
  const t = useTranslations("passwords");
  const reg = register as unknown as UseFormRegister<Fields>;
  return (
    <>
      <TextField id="password" label={t("newPassword")} hint={t("rules")} type="password" autoComplete="new-password" error={errorOf("password")} {...reg("password")} />
      <TextField id="passwordConfirmation" label={t("confirmation")} type="password" autoComplete="new-password" error={errorOf("passwordConfirmation")} {...reg("passwordConfirmation")} />
    </>
  );
}
