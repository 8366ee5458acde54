import { defineRouting } from "next-intl/routing";

export const routing = defineRouting({
  locales: ["tk", "ru", "en"],
  defaultLocale: "tk",
  localePrefix: "always",
});

export type Locale = (typeof routing.locales)[number];
