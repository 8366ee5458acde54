import { createTranslator } from "use-intl/core";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import tk from "@/messages/tk.json";

const messages = { tk, ru, en } as const;

/** Emails are written outside a page request, in the recipient's language. */
export function emailTranslator(locale: "tk" | "ru" | "en") {
  return createTranslator({ locale, messages: messages[locale], namespace: "email" });
}
