import { WorkspaceLayout } from "@/components/layout/workspace-layout";

export default function Layout({ children }: LayoutProps<"/[locale]">) {
  return <WorkspaceLayout workspace="auth">{children}</WorkspaceLayout>;
}
