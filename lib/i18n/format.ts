import { COMMISSION_TIME_ZONE } from "@/lib/dates";

// Making a formatter costs far more than formatting (a page of 200 observers formats 800 days):
// one per locale, kept for the life of the process (formatters hold no state between calls). The
// portal has three locales; the bound only keeps a caller's mistake from growing the cache.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const instantFormats = new Map<string, Intl.DateTimeFormat>();

function formatterOf(cache: Map<string, Intl.DateTimeFormat>, locale: string, options: Intl.DateTimeFormatOptions) {
  let format = cache.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    if (cache.size < 16) cache.set(locale, format);
  }
  return format;
}

/** A calendar day (yyyy-mm-dd) in the reader's language, e.g. "7 iýul 2024". */
export function formatDay(isoDate: string, locale: string) {
  return formatterOf(dayFormats, locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** An instant as Ashgabat's wall-clock time, e.g. "7 iýul 2024, 18:00". */
export function formatInstant(instant: Date, locale: string) {
  return formatterOf(instantFormats, locale, { dateStyle: "long", timeStyle: "short", timeZone: COMMISSION_TIME_ZONE }).format(instant);
}
