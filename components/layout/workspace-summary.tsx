import { getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import type { Actor } from "@/lib/identity/session";
import { getOrganizationNames } from "@/lib/identity/users";

/** Who is signed in: name, role and (for a mission) organization. */
export async function WorkspaceSummary({ actor, locale }: { actor: Actor; locale: Locale }) {
  const [t, organization] = await Promise.all([
    getTranslations("workspace"),
    actor.organizationId ? getOrganizationNames(actor.organizationId) : null,
  ]);
  return (
    <dl className="summary-list panel">
      <dt>{t("name")}</dt>
      <dd>{actor.name}</dd>
      <dt>{t("role")}</dt>
      <dd>{t(`roles.${actor.role}`)}</dd>
      {organization && (
        <>
          <dt>{t("organization")}</dt>
          <dd>
            {organization[locale]} ({organization.acronym})
          </dd>
        </>
      )}
      <dt>{t("email")}</dt>
      <dd>{actor.email}</dd>
    </dl>
  );
}
