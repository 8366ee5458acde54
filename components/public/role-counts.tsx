import { getTranslations } from "next-intl/server";
import { rolesOf, type PublicMission } from "@/lib/public/register";

/** A mission's accredited observers by role, in the vocabulary's order. */
export async function RoleCounts({ byRole }: { byRole: PublicMission["byRole"] }) {
  const v = await getTranslations("vocabulary");
  return (
    <ul className="plain-list">
      {rolesOf(byRole).map(({ role, count }) => (
        <li key={role}>
          {v(`observerRoles.${role}`)}: {count}
        </li>
      ))}
    </ul>
  );
}
