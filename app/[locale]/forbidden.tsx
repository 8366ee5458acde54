import { getTranslations } from "next-intl/server";
import { MessagePage } from "@/components/layout/message-page";
import { PageFrame } from "@/components/layout/page-frame";

export default async function Forbidden() {
  const t = await getTranslations("errors");
  // It replaces the group's layout, header included, so it brings its own.
  return (
    <PageFrame>
      <MessagePage title={t("forbiddenTitle")} body={t("forbiddenBody")} />
    </PageFrame>
  );
}
