import { getTranslations } from "next-intl/server";
import { MessagePage } from "@/components/layout/message-page";

/** An invitation link that matches nothing: it says so without hinting at any address. */
export default async function UnknownInvitation() {
  const t = await getTranslations("invitation");
  return <MessagePage title={t("unknown.title")} body={t("unknown.body")} />;
}
