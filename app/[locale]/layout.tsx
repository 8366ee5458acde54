import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getEnv } from "@/lib/env";
import "../globals.css";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { localeOf } from "@/lib/i18n/locale";

export async function generateMetadata({ params }: LayoutProps<"/[locale]">): Promise<Metadata> {
  const locale = await localeOf(params);
  const t = await getTranslations({ locale, namespace: "layout" });
  return {
    title: { template: `%s — ${t("portalName")}`, default: t("portalName") },
    description: t("description"),
    metadataBase: new URL(getEnv().SITE_URL),
  };
}

export default async function LocaleLayout({ children, params }: LayoutProps<"/[locale]">) {
  const locale = await localeOf(params);
  return (
    <html lang={locale}>
      <body>
        {/* The header's language switcher and account links and the error page; the workspaces add their own. */}
        <ClientMessages namespaces={["layout", "errors"]}>{children}</ClientMessages>
      </body>
    </html>
  );
}
