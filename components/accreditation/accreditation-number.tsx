import { getTranslations } from "next-intl/server";
import type { ObserverStatus } from "@/lib/accreditation/transitions";

/**
 * An observer's accreditation number as the coordinator reads it: struck through once it no
 * longer stands (revoked, or withdrawn after accreditation), next to the status that says why.
 */
export async function AccreditationNumber({ number, status }: { number: string; status: ObserverStatus }) {
  const t = await getTranslations("observers");
  const text = t("accreditationNumber", { number });
  return status === "accredited" ? <>{text}</> : <del>{text}</del>;
}
