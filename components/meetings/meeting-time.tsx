import { getLocale, getTranslations } from "next-intl/server";
import { formatInstant } from "@/lib/i18n/format";
import { ViewerTime } from "./viewer-time";

/** A meeting's time in Ashgabat, said to be so, with the reader's own time beside it when it differs. */
export async function MeetingTime({ startsAt, endsAt }: { startsAt: Date; endsAt?: Date | null }) {
  const [t, locale] = await Promise.all([getTranslations("meetings"), getLocale()]);
  const until = endsAt ? new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone: "Asia/Ashgabat" }).format(endsAt) : null;
  return (
    <>
      <time dateTime={startsAt.toISOString()}>{t(until ? "ashgabatSpan" : "ashgabatTime", { time: formatInstant(startsAt, locale), until: until ?? "" })}</time>{" "}
      <ViewerTime instant={startsAt.toISOString()} />
    </>
  );
}
