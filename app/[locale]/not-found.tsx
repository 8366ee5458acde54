import { getTranslations } from "next-intl/server";
import { MessagePage } from "@/components/layout/message-page";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return <MessagePage title={t("notFoundTitle")} body={t("notFoundBody")} />;
}
