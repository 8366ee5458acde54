import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { localeOf } from "@/lib/i18n/locale";
import { localizedMetadata } from "@/lib/i18n/metadata";
import { ResourcePage } from "../../resource-page";

type Props = PageProps<"/[locale]/commission/admin/meetings/rooms/[id]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeOf(params);
  const { id } = await params;
  const t = await getTranslations({ locale, namespace: "meetingResources" });
  return localizedMetadata(locale, `/commission/admin/meetings/rooms/${encodeURIComponent(id)}`, t("editRoomTitle"));
}

export default function EditRoomPage({ params }: Props) {
  return <ResourcePage params={params} kind="room" />;
}
