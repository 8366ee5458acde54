import { afterEach, describe, expect, it, vi } from "vitest";
import { createTranslator } from "use-intl/core";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import tk from "@/messages/tk.json";
import { formatDay } from "./format";
import { turkmenDateFormat, turkmenTimeAgo } from "./turkmen-dates";

const catalogs = { tk, ru, en } as const;
const locales = ["tk", "ru", "en"] as const;

/**
 * A Russian day ends in "г." («7 декабря 2026 г.»): a message that puts it before its own full
 * stop prints «г..». Each message given a formatted day is checked in every language.
 */
describe("days in sentences", () => {
  const due = (locale: (typeof locales)[number]) => formatDay("2026-12-07", locale);

  it("formats a Russian day with its abbreviation, which is why the messages below must not add a full stop after it", () => {
    expect(due("ru")).toBe("7 декабря 2026 г.");
  });

  it("never doubles the full stop in the review history's submission line", () => {
    for (const locale of locales) {
      const t = createTranslator({ locale, messages: catalogs[locale], namespace: "review.history" });
      expect(t("submission", { number: 2, count: 3, due: due(locale) })).not.toMatch(/\.\./);
    }
    const t = createTranslator({ locale: "ru", messages: ru, namespace: "review.history" });
    expect(t("submission", { number: 2, count: 3, due: due("ru") })).toBe("Подача № 2: срок решения — 7 декабря 2026 г., наблюдателей: 3.");
  });

  it("never doubles the full stop in the receipt's and the commission's notice's due date", () => {
    for (const locale of locales) {
      const t = createTranslator({ locale, messages: catalogs[locale], namespace: "email" });
      expect(t("applicationReceipt.due", { date: due(locale) })).not.toMatch(/\.\./);
      expect(t("applicationNotice.due", { date: due(locale) })).not.toMatch(/\.\./);
    }
  });
});

/** Instants across every month, both ends of the day, and a leap day. */
const instants = [
  ...Array.from({ length: 12 }, (_, month) => new Date(Date.UTC(2026, month, month + 1, (month * 5) % 24, month * 4))),
  new Date("2028-02-29T18:59:00Z"),
  new Date("2026-12-31T19:00:00Z"),
];

describe("Turkmen dates where the runtime has none", () => {
  it("writes days and times as the server does", () => {
    expect(turkmenDateFormat({ timeZone: "UTC", time: false }).format(new Date("2026-12-15T00:00:00Z"))).toBe("15 dekabr 2026");
    expect(turkmenDateFormat({ timeZone: "Asia/Ashgabat", time: true }).format(new Date("2026-12-15T00:00:00Z"))).toBe("15 dekabr 2026 sagat 05:00");
    expect(turkmenDateFormat({ timeZone: "America/New_York", time: true }).format(new Date("2026-07-01T03:30:00Z"))).toBe("30 iýun 2026 sagat 23:30");
    expect([0, 1, 5].map((n) => turkmenTimeAgo(n, "minute"))).toEqual(["şu minut", "1 minut öň", "5 minut öň"]);
    expect([0, 1, 2].map((n) => turkmenTimeAgo(n, "day"))).toEqual(["şu gün", "düýn", "2 gün öň"]);
  });

  // Node's own data has Turkmen (the server formats with it): the fallback must read the same.
  it("matches Node's Turkmen CLDR data for every month, time zone and age", () => {
    expect(Intl.DateTimeFormat.supportedLocalesOf("tk")).toEqual(["tk"]);
    for (const timeZone of ["UTC", "Asia/Ashgabat", "America/Los_Angeles", "Asia/Kolkata"]) {
      const day = new Intl.DateTimeFormat("tk", { dateStyle: "long", timeZone });
      const instant = new Intl.DateTimeFormat("tk", { dateStyle: "long", timeStyle: "short", timeZone });
      for (const date of instants) {
        expect(turkmenDateFormat({ timeZone, time: false }).format(date)).toBe(day.format(date));
        expect(turkmenDateFormat({ timeZone, time: true }).format(date)).toBe(instant.format(date));
      }
    }
    const ago = new Intl.RelativeTimeFormat("tk", { numeric: "auto" });
    for (const unit of ["minute", "hour", "day"] as const) for (const count of [0, 1, 2, 3, 23, 59]) expect(turkmenTimeAgo(count, unit)).toBe(ago.format(-count, unit));
  });
});

describe("formatDay, formatInstant and formatAge in a browser without Turkmen", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  /** Like Chromium: no "tk", and asked for it, English. */
  function browserWithoutTurkmen() {
    const withoutTurkmen = <T extends typeof Intl.DateTimeFormat | typeof Intl.RelativeTimeFormat>(Real: T) => {
      const Fake = function (locale: string, options: object) {
        return new (Real as typeof Intl.DateTimeFormat)(locale === "tk" ? "en" : locale, options);
      };
      Fake.supportedLocalesOf = (locales: string | string[]) => Real.supportedLocalesOf(locales).filter((locale) => locale !== "tk");
      return Fake;
    };
    vi.stubGlobal("Intl", Object.assign(Object.create(Intl), { DateTimeFormat: withoutTurkmen(Intl.DateTimeFormat), RelativeTimeFormat: withoutTurkmen(Intl.RelativeTimeFormat) }));
  }

  it("writes Turkmen, and English and Russian with Intl", async () => {
    browserWithoutTurkmen();
    expect(new Intl.DateTimeFormat("tk", { dateStyle: "long", timeZone: "UTC" }).format(new Date("2026-12-15T00:00:00Z"))).toBe("December 15, 2026");
    const { formatAge, formatDay, formatInstant } = await import("./format");
    expect(formatDay("2026-11-28", "tk")).toBe("28 noýabr 2026");
    expect(formatInstant(new Date("2026-12-15T00:00:00Z"), "tk")).toBe("15 dekabr 2026 sagat 05:00");
    expect(formatInstant(new Date("2026-12-15T00:00:00Z"), "tk", "Europe/Berlin")).toBe("15 dekabr 2026 sagat 01:00");
    expect(formatAge(30, "tk")).toBe("şu minut");
    expect(formatAge(3 * 3600 + 5, "tk")).toBe("3 sagat öň");
    expect(formatDay("2026-11-28", "en")).toBe("November 28, 2026");
    expect(formatDay("2026-11-28", "ru")).toBe("28 ноября 2026 г.");
    expect(formatAge(30, "en")).toBe("this minute");
  });
});
