import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { can, type Role } from "@/lib/identity/permissions";

/** The workspace's way to the exports, for those who may export. */
export async function ExportsLink({ role }: { role: Role }) {
  if (!can(role, "export:accredited")) return null;
  const t = await getTranslations("exports");
  return (
    <p>
      <Link href="/commission/exports">{t("workspaceLink")}</Link>
    </p>
  );
}
