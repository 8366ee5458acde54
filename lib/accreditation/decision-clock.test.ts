import { describe, expect, it } from "vitest";
import { addWorkingDays, decisionDueOn } from "./decision-clock";

describe("the decision clock", () => {
  it("counts five working days from a Monday to the next Monday", () => {
    expect(addWorkingDays("2026-11-23", 5)).toBe("2026-11-30");
  });

  it("skips the weekend when the submission falls on a Friday", () => {
    expect(addWorkingDays("2026-11-27", 1)).toBe("2026-11-30");
    expect(addWorkingDays("2026-11-27", 5)).toBe("2026-12-04");
  });

  it("starts counting on Monday for a submission on a Saturday or Sunday", () => {
    expect(addWorkingDays("2026-11-28", 1)).toBe("2026-11-30");
    expect(addWorkingDays("2026-11-29", 5)).toBe("2026-12-04");
  });

  it("skips the commission's closed days, as around Nowruz", () => {
    const nowruz = new Set(["2027-03-22"]);
    expect(addWorkingDays("2027-03-19", 3)).toBe("2027-03-24");
    expect(addWorkingDays("2027-03-19", 3, nowruz)).toBe("2027-03-25");
    expect(decisionDueOn(new Date("2027-03-19T06:00:00Z"), 1, nowruz)).toBe("2027-03-23");
  });

  it("reads the submission day in Ashgabat, not in UTC", () => {
    // 20:30 UTC on Friday is already Saturday 01:30 in Ashgabat.
    expect(decisionDueOn(new Date("2026-11-27T20:30:00Z"), 1)).toBe("2026-11-30");
    expect(decisionDueOn(new Date("2026-11-26T20:30:00Z"), 1)).toBe("2026-11-30");
    expect(decisionDueOn(new Date("2026-11-26T12:00:00Z"), 1)).toBe("2026-11-27");
  });
});
