import { describe, expect, it } from "vitest";
import { addDays, ashgabatDateTime, ashgabatInstant, COMMISSION_TIME_ZONE, isCalendarDay, todayInAshgabat } from "./dates";

describe("todayInAshgabat", () => {
  it("is the commission's time zone", () => {
    expect(COMMISSION_TIME_ZONE).toBe("Asia/Ashgabat");
  });

  it("turns to the next day at 19:00 UTC (midnight in Ashgabat)", () => {
    expect(todayInAshgabat(new Date("2024-03-10T18:59:59.999Z"))).toBe("2024-03-10");
    expect(todayInAshgabat(new Date("2024-03-10T19:00:00.000Z"))).toBe("2024-03-11");
  });

  it("is already the next day while UTC is still on the previous one", () => {
    expect(todayInAshgabat(new Date("2024-07-07T20:00:00Z"))).toBe("2024-07-08");
    expect(todayInAshgabat(new Date("2024-12-31T19:00:00Z"))).toBe("2025-01-01");
    expect(todayInAshgabat(new Date("2024-02-28T19:00:00Z"))).toBe("2024-02-29");
  });

  it("is the same day in Ashgabat early in the UTC morning", () => {
    expect(todayInAshgabat(new Date("2024-03-10T00:00:00Z"))).toBe("2024-03-10");
  });

  it("formats as yyyy-mm-dd with zero padding", () => {
    expect(todayInAshgabat(new Date("2024-01-05T12:00:00Z"))).toBe("2024-01-05");
    expect(todayInAshgabat()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe("isCalendarDay", () => {
  it("accepts real days only, written yyyy-mm-dd", () => {
    expect(isCalendarDay("2028-02-29")).toBe(true);
    expect(isCalendarDay("1000-01-01")).toBe(true);
    for (const value of ["2027-02-29", "2027-2-1", "2027-13-01", "27-01-01", "2027-01-01T00:00", " 2027-01-01"]) expect(isCalendarDay(value)).toBe(false);
  });

  it("refuses the years PostgreSQL cannot take or no one means: year 0 and before 1000", () => {
    for (const value of ["0000-01-01", "0001-01-01", "0999-12-31"]) expect(isCalendarDay(value)).toBe(false);
  });
});

describe("addDays", () => {
  it.each([
    ["2024-03-10", 0, "2024-03-10"],
    ["2024-03-10", 1, "2024-03-11"],
    ["2024-03-10", -10, "2024-02-29"],
    ["2024-01-31", 1, "2024-02-01"],
    ["2024-04-30", 1, "2024-05-01"],
    ["2024-12-31", 1, "2025-01-01"],
    ["2025-01-01", -1, "2024-12-31"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2024-02-29", 1, "2024-03-01"],
    ["2023-02-28", 1, "2023-03-01"],
    ["2024-03-01", -1, "2024-02-29"],
    ["2023-03-01", -1, "2023-02-28"],
    ["2022-03-12", -60, "2022-01-11"],
    ["2024-01-01", 366, "2025-01-01"],
  ] as const)("%s %+d days → %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe("ashgabatInstant", () => {
  it("is five hours before the same wall-clock time in UTC", () => {
    expect(ashgabatInstant("2024-05-08", "09:00").toISOString()).toBe("2024-05-08T04:00:00.000Z");
    expect(ashgabatInstant("2024-06-27", "18:00").toISOString()).toBe("2024-06-27T13:00:00.000Z");
  });

  it("is midnight by default, which is the previous day in UTC", () => {
    expect(ashgabatInstant("2024-07-08").toISOString()).toBe("2024-07-07T19:00:00.000Z");
    expect(ashgabatInstant("2025-01-01").toISOString()).toBe("2024-12-31T19:00:00.000Z");
  });

  it("round-trips with todayInAshgabat", () => {
    for (const day of ["2024-02-29", "2024-12-31", "2025-01-01"]) {
      expect(todayInAshgabat(ashgabatInstant(day))).toBe(day);
      expect(todayInAshgabat(ashgabatInstant(day, "23:59"))).toBe(day);
      expect(todayInAshgabat(new Date(ashgabatInstant(day).getTime() - 1))).toBe(addDays(day, -1));
    }
  });
});

describe("ashgabatDateTime", () => {
  it("shows an instant as Ashgabat's wall clock, the inverse of ashgabatInstant", () => {
    expect(ashgabatDateTime(new Date("2024-06-27T13:00:00Z"))).toBe("2024-06-27T18:00");
    expect(ashgabatDateTime(new Date("2024-12-31T19:30:00Z"))).toBe("2025-01-01T00:30");
    expect(ashgabatDateTime(ashgabatInstant("2024-02-29", "23:59"))).toBe("2024-02-29T23:59");
  });
});
