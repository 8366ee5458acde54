import { COMMISSION_TIME_ZONE } from "@/lib/dates";
import { turkmenDateFormat, turkmenTimeAgo } from "./turkmen-dates";

// Making a formatter costs far more than formatting (a page of 200 observers formats 800 days):
// one per locale (and time zone), kept for the life of the process (formatters hold no state
// between calls). The bound only keeps a caller's mistake from growing the cache.
type DateFormat = { format(date: Date): string };
const dayFormats = new Map<string, DateFormat>();
const instantFormats = new Map<string, DateFormat>();

/**
 * Whether the runtime can write dates in this language. Node on the server can in all three;
 * in the browser (offline badge check, the reader's own time) Chromium and many phones have no
 * Turkmen, and Intl would silently write English: Turkmen is then written here.
 */
const writesTurkmen = (kind: { supportedLocalesOf(locale: string): string[] }) => kind.supportedLocalesOf("tk").length > 0;

function formatterOf(cache: Map<string, DateFormat>, locale: string, timeZone: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale} ${timeZone}`;
  let format = cache.get(key);
  if (!format) {
    format =
      locale === "tk" && !writesTurkmen(Intl.DateTimeFormat)
        ? turkmenDateFormat({ timeZone, time: options.timeStyle !== undefined })
        : new Intl.DateTimeFormat(locale, { ...options, timeZone });
    if (cache.size < 16) cache.set(key, format);
  }
  return format;
}

/** A calendar day (yyyy-mm-dd) in the reader's language, e.g. "7 iýul 2024". */
export function formatDay(isoDate: string, locale: string) {
  return formatterOf(dayFormats, locale, "UTC", { dateStyle: "long" }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** An instant as Ashgabat's wall-clock time (or another zone's, the reader's own), e.g. "7 iýul 2024 sagat 18:00". */
export function formatInstant(instant: Date, locale: string, timeZone = COMMISSION_TIME_ZONE) {
  return formatterOf(instantFormats, locale, timeZone, { dateStyle: "long", timeStyle: "short" }).format(instant);
}

/** How long ago, in the reader's language: "this minute", "2 hours ago", "yesterday". */
export function formatAge(seconds: number, locale: string) {
  const [count, unit] = seconds < 3600 ? [Math.floor(seconds / 60), "minute" as const] : seconds < 86400 ? [Math.floor(seconds / 3600), "hour" as const] : [Math.floor(seconds / 86400), "day" as const];
  if (locale === "tk" && !writesTurkmen(Intl.RelativeTimeFormat)) return turkmenTimeAgo(count, unit);
  return new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(-count, unit);
}
