import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";

/** A page that only explains something (not found, no access) and offers the way home. */
export async function MessagePage({ title, body }: { title: string; body: string }) {
  const t = await getTranslations("errors");
  return (
    <>
      <title>{title}</title>
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <Link href="/">{t("backHome")}</Link>
      </p>
    </>
  );
}
