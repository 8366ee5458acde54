/**
 * Turkmen dates for runtimes without Turkmen locale data: Chromium and many phones have none, and
 * Intl.DateTimeFormat("tk") there writes English. Written as CLDR's Turkmen writes them (what Node
 * prints on the server), so a date reads the same whichever side formatted it.
 */

const months = ["ýanwar", "fewral", "mart", "aprel", "maý", "iýun", "iýul", "awgust", "sentýabr", "oktýabr", "noýabr", "dekabr"];

/** Like Intl's dateStyle "long" (and timeStyle "short" with `time`): "15 dekabr 2026", "15 dekabr 2026 sagat 05:00". */
export function turkmenDateFormat({ timeZone, time }: { timeZone: string; time: boolean }) {
  // Only the numbers are taken from Intl, in a locale every runtime has.
  const numbers = new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return {
    format(date: Date) {
      const part = Object.fromEntries(numbers.formatToParts(date).map(({ type, value }) => [type, value]));
      const day = `${Number(part.day)} ${months[Number(part.month) - 1]} ${part.year}`;
      return time ? `${day} sagat ${part.hour}:${part.minute}` : day;
    },
  };
}

const units = { minute: "minut", hour: "sagat", day: "gün" } as const;

/** Like Intl.RelativeTimeFormat("tk", { numeric: "auto" }) for a time `count` units ago: "şu minut", "3 sagat öň", "düýn". */
export function turkmenTimeAgo(count: number, unit: keyof typeof units) {
  if (count === 0) return `şu ${units[unit]}`;
  if (count === 1 && unit === "day") return "düýn";
  return `${count} ${units[unit]} öň`;
}
