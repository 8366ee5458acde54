import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";

/**
 * Hands client components only the namespaces they use. The whole catalogue is some 65–100 kB
 * per language; sent with every public page it would weigh on each phone and on each render.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: string[]; children: ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={Object.fromEntries(namespaces.map((namespace) => [namespace, messages[namespace]]))}>{children}</NextIntlClientProvider>;
}

