import type { ReactNode } from "react";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { workspaceClientNamespaces } from "@/lib/i18n/client-namespaces";
import { PageFrame } from "./page-frame";

/**
 * Sign-in, the portal and the commission: pages for one person, rendered per request, so the
 * header shows their sections at once. Their client components get the messages of their own
 * workspace (lib/i18n/client-namespaces.ts).
 */
export function WorkspaceLayout({ workspace, children }: { workspace: keyof typeof workspaceClientNamespaces; children: ReactNode }) {
  return (
    <ClientMessages namespaces={[...workspaceClientNamespaces[workspace]]}>
      <PageFrame session="onServer">{children}</PageFrame>
    </ClientMessages>
  );
}
