import { getTranslations } from "next-intl/server";
import { MessagePage } from "@/components/layout/message-page";
import { PageFrame } from "@/components/layout/page-frame";

export default async function NotFound() {
  const t = await getTranslations("errors");
  // It replaces the group's layout, header included, so it brings its own.
  return (
    <PageFrame>
      <MessagePage title={t("notFoundTitle")} body={t("notFoundBody")} />
    </PageFrame>
  );
}
