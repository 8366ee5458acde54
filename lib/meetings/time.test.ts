import { describe, expect, it } from "vitest";
import { ashgabatInstant } from "@/lib/dates";
import { workingHoursSchema } from "./resource-schemas";
import { ashgabatParts, weekdayNames, windowProblem, workingWeekText, type WindowRules, type WorkingWeek } from "./time";

const week = [1, 2, 3, 4, 5, 6, 7].map((weekday) => (weekday <= 5 ? { weekday, opensAt: "09:00", closesAt: "18:00" } : { weekday, opensAt: null, closesAt: null }));
// Monday 7 June 2027 … the window runs to the end of June.
const rules: WindowRules = {
  now: ashgabatInstant("2027-06-01", "12:00"),
  workingWeek: week,
  closedDays: new Set(["2027-06-09"]),
  observationStartsOn: "2027-06-02",
  observationEndsOn: "2027-06-30",
};

describe("windowProblem", () => {
  it("accepts a window inside the working hours of a working day in the observation window", () => {
    expect(windowProblem(ashgabatInstant("2027-06-07", "10:00"), 60, rules)).toBeNull();
    expect(windowProblem(ashgabatInstant("2027-06-07", "09:00"), 90, rules)).toBeNull();
    expect(windowProblem(ashgabatInstant("2027-06-07", "17:30"), 30, rules)).toBeNull();
  });
  it("refuses the past, closed days, weekends, hours outside the working day and days outside observation", () => {
    expect(windowProblem(ashgabatInstant("2027-06-01", "11:00"), 30, rules)).toBe("windowInPast");
    expect(windowProblem(ashgabatInstant("2027-06-09", "10:00"), 30, rules)).toBe("windowOnClosedDay");
    expect(windowProblem(ashgabatInstant("2027-06-12", "10:00"), 30, rules)).toBe("windowOnClosedDay");
    expect(windowProblem(ashgabatInstant("2027-06-07", "08:30"), 30, rules)).toBe("windowOutsideWorkingHours");
    expect(windowProblem(ashgabatInstant("2027-06-07", "17:30"), 45, rules)).toBe("windowOutsideWorkingHours");
    expect(windowProblem(ashgabatInstant("2027-07-01", "10:00"), 30, rules)).toBe("windowOutsideObservation");
  });
  it("judges the day and hour in Ashgabat, whatever the instant's UTC date", () => {
    // 09:30 in Ashgabat is 04:30 UTC the same day; 00:30 UTC Monday is 05:30 Monday in Ashgabat.
    expect(ashgabatParts(new Date("2027-06-07T04:30:00Z"))).toEqual({ day: "2027-06-07", time: "09:30", weekday: 1 });
    expect(ashgabatParts(new Date("2027-06-06T20:00:00Z"))).toEqual({ day: "2027-06-07", time: "01:00", weekday: 1 });
  });
});

describe("weekdayNames", () => {
  it("names Monday first in each language", () => {
    expect(weekdayNames("en")[0]).toBe("Monday");
    expect(weekdayNames("ru")[6]).toBe("воскресенье");
  });
});

describe("workingWeekText", () => {
  type Hours = Partial<Record<number, [string, string] | null>>;
  const week = (hours: Hours): WorkingWeek =>
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opensAt: hours[weekday]?.[0] ?? null, closesAt: hours[weekday]?.[1] ?? null }));
  const weekdays: Hours = { 1: ["09:00", "18:00"], 2: ["09:00", "18:00"], 3: ["09:00", "18:00"], 4: ["09:00", "18:00"], 5: ["09:00", "18:00"] };

  it("says the week as the admins set it, in the reader's language", () => {
    expect(workingWeekText(week(weekdays), "en")).toBe("Monday–Friday 09:00–18:00");
    expect(workingWeekText(week(weekdays), "ru")).toBe("понедельник–пятница 09:00–18:00");
    expect(workingWeekText(week(weekdays), "tk")).toBe(`${weekdayNames("tk")[0]}–${weekdayNames("tk")[4]} 09:00–18:00`);
  });

  it("gives a day with other hours, and the days after a closed one, their own span", () => {
    const friday: Hours = { ...weekdays, 3: null, 5: ["09:00", "13:00"], 6: ["10:00", "12:00"] };
    expect(workingWeekText(week(friday), "en")).toBe("Monday–Tuesday 09:00–18:00; Thursday 09:00–18:00; Friday 09:00–13:00; Saturday 10:00–12:00");
    expect(workingWeekText(week({}), "en")).toBe("—");
  });
});

describe("workingHoursSchema", () => {
  const full = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].flatMap((d) => [[`opens${d}`, d <= 5 ? "09:00" : ""], [`closes${d}`, d <= 5 ? "18:00" : ""]]));
  it("takes times as hh:mm, both or neither per day, closing after opening", () => {
    expect(workingHoursSchema.safeParse(full).success).toBe(true);
    const issues = (v: Record<string, string>) => workingHoursSchema.safeParse({ ...full, ...v }).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues({ opens1: "9" })).toEqual([["opens1", "timeFormat"]]);
    expect(issues({ closes6: "13:00" })).toEqual([["opens6", "bothTimesOrNone"]]);
    expect(issues({ closes2: "08:00" })).toEqual([["closes2", "closesBeforeOpens"]]);
  });
});
