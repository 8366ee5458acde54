import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { PageFrame } from "./page-frame";

/**
 * Sign-in, the portal and the commission: pages for one person, rendered per request, so the
 * header shows their sections at once. Their forms use messages from most namespaces: they get
 * the whole catalogue.
 */
export function WorkspaceLayout({ children }: { children: ReactNode }) {
  return (
    <NextIntlClientProvider>
      <PageFrame session="onServer">{children}</PageFrame>
    </NextIntlClientProvider>
  );
}
