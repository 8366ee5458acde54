import { pageMetadata } from "@/lib/i18n/metadata";
import { ResourcePage } from "../../resource-page";

export const generateMetadata = pageMetadata("meetingResources", "newOfficialTitle", "/commission/admin/meetings/officials/new");

export default function NewOfficialPage({ params }: PageProps<"/[locale]/commission/admin/meetings/officials/new">) {
  return <ResourcePage params={params} kind="official" />;
}
