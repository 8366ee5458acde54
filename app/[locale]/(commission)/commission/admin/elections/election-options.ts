import { getTranslations } from "next-intl/server";
import { electionStatuses, electionTypes } from "@/db/schema/elections";

/** The election form's choices, labelled in the page's language. */
export async function electionOptions() {
  const [home, t] = await Promise.all([getTranslations("home"), getTranslations("elections")]);
  return {
    typeOptions: electionTypes.map((type) => ({ value: type, label: home(`electionType.${type}`) })),
    statusOptions: electionStatuses.map((status) => ({ value: status, label: t(`publicationOptions.${status}`) })),
  };
}
