import { describe, expect, it } from "vitest";
import { cellText, isBlankRow, serialToIsoDate } from "./cells";

describe("serialToIsoDate", () => {
  it("counts from 1899-12-30 after Excel's phantom 1900-02-29", () => {
    expect(serialToIsoDate(61)).toBe("1900-03-01");
    expect(serialToIsoDate(60)).toBeUndefined();
    expect(serialToIsoDate(31160)).toBe("1985-04-23");
    expect(serialToIsoDate(46086.99)).toBe("2026-03-05");
    expect(serialToIsoDate(2958465)).toBe("9999-12-31");
    expect(serialToIsoDate(2958466)).toBeUndefined();
  });

  it("counts from 1904-01-01 in the 1904 date system", () => {
    expect(serialToIsoDate(0, true)).toBe("1904-01-01");
    expect(serialToIsoDate(29698, true)).toBe("1985-04-23");
    expect(serialToIsoDate(-1, true)).toBeUndefined();
  });
});

describe("cellText", () => {
  const date = { date: true };
  const text = { date: false };

  it("turns date cells, serials and dotted day-first dates into yyyy-mm-dd", () => {
    expect(cellText(new Date("1985-04-23T00:00:00Z"), date)).toBe("1985-04-23");
    expect(cellText(31160, date)).toBe("1985-04-23");
    expect(cellText("23.04.1985", date)).toBe("1985-04-23");
    expect(cellText("3.4.1985", date)).toBe("1985-04-03");
    expect(cellText(" 1985-04-23 ", date)).toBe("1985-04-23");
  });

  it("leaves anything else for the schema to refuse", () => {
    expect(cellText("31.02.1985", date)).toBe("31.02.1985");
    expect(cellText("04/23/1985", date)).toBe("04/23/1985");
    expect(cellText(12, date)).toBe("12");
  });

  it("keeps numbers in text columns as typed, and empties as nothing", () => {
    expect(cellText(123456789, text)).toBe("123456789");
    expect(cellText("  ", text)).toBeUndefined();
    expect(cellText(undefined, text)).toBeUndefined();
    expect(isBlankRow(["", " ", undefined])).toBe(true);
    expect(isBlankRow(["", 0])).toBe(false);
  });
});
