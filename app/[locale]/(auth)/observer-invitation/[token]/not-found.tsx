import { getTranslations } from "next-intl/server";
import { MessagePage } from "@/components/layout/message-page";

/** A link that matches nothing: it says so without hinting at any address. */
export default async function UnknownObserverInvitation() {
  const t = await getTranslations("observerAccess.invitation");
  return <MessagePage title={t("unknown.title")} body={t("unknown.body")} />;
}
