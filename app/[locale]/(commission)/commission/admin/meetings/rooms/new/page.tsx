import { pageMetadata } from "@/lib/i18n/metadata";
import { ResourcePage } from "../../resource-page";

export const generateMetadata = pageMetadata("meetingResources", "newRoomTitle", "/commission/admin/meetings/rooms/new");

export default function NewRoomPage({ params }: PageProps<"/[locale]/commission/admin/meetings/rooms/new">) {
  return <ResourcePage params={params} kind="room" />;
}
