export { WorkspaceLayout as default } from "@/components/layout/workspace-layout";
