"use client";

import { useSyncExternalStore } from "react";
import { useLocale, useTranslations } from "next-intl";
import { instantOfAshgabatDateTime } from "@/lib/elections/schemas";
import { formatInstant } from "@/lib/i18n/format";

const noSubscription = () => () => {};
/** The browser's time zone; on the server (and before hydration) none, so nothing is rendered there. */
const viewerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * An instant in the reader's own time zone, beside the Ashgabat time the page shows. Given an
 * Ashgabat wall-clock value ("yyyy-mm-ddThh:mm", as typed in a field) or an ISO instant. Says
 * nothing when the reader is on Ashgabat time (UTC+5) already.
 */
export function ViewerTime({ instant, ashgabat, id }: { instant?: string; ashgabat?: string; id?: string }) {
  const t = useTranslations("meetings");
  const locale = useLocale();
  const timeZone = useSyncExternalStore(noSubscription, viewerTimeZone, () => null);
  const when = instant ? new Date(instant) : ashgabat ? instantOfAshgabatDateTime(ashgabat) : null;
  if (!timeZone || !when || Number.isNaN(when.getTime())) return null;
  const offset = (zone: string) => new Intl.DateTimeFormat("en", { timeZone: zone, timeZoneName: "longOffset" }).format(when).split(" ").at(-1);
  if (offset(timeZone) === offset("Asia/Ashgabat")) return null;
  return (
    <span className="viewer-time" id={id}>
      {t("inYourTimeZone", { timeZone, time: formatInstant(when, locale, timeZone) })}
    </span>
  );
}
