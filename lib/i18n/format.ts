import { COMMISSION_TIME_ZONE } from "@/lib/dates";

/** A calendar day (yyyy-mm-dd) in the reader's language, e.g. "7 iýul 2024". */
export function formatDay(isoDate: string, locale: string) {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** An instant as Ashgabat's wall-clock time, e.g. "7 iýul 2024, 18:00". */
export function formatInstant(instant: Date, locale: string) {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: COMMISSION_TIME_ZONE }).format(instant);
}
