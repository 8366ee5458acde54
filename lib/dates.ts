/** The commission's time zone: every calendar day and deadline is Ashgabat's (UTC+5, no DST). */
export const COMMISSION_TIME_ZONE = "Asia/Ashgabat";

// Made once: making a formatter costs far more than formatting, and pages ask for today often.
const ashgabatDay = new Intl.DateTimeFormat("en-CA", { timeZone: COMMISSION_TIME_ZONE });

/** Today's date in Ashgabat as yyyy-mm-dd. */
export function todayInAshgabat(now: Date = new Date()) {
  return ashgabatDay.format(now);
}

/**
 * A real calendar day written yyyy-mm-dd (no 2026-02-30), from the year 1000 on: an earlier year
 * is a typing mistake, and year 0 has no place in PostgreSQL, where such a date fails the query.
 */
export function isCalendarDay(value: string): boolean {
  if (!/^[1-9]\d{3}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** yyyy-mm-dd shifted by whole days. */
export function addDays(isoDate: string, days: number) {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The instant a given Ashgabat wall-clock time occurs (Ashgabat has been UTC+5 since 1992). */
export function ashgabatInstant(isoDate: string, time = "00:00") {
  return new Date(`${isoDate}T${time}:00+05:00`);
}

/** An instant as Ashgabat's wall-clock "yyyy-mm-ddThh:mm", the value of a datetime-local field. */
export function ashgabatDateTime(instant: Date) {
  return new Date(instant.getTime() + 5 * 60 * 60_000).toISOString().slice(0, 16);
}
