import { describe, expect, it } from "vitest";
import { electionTypes } from "@/db/schema/elections";
import { fieldErrorsOf } from "@/lib/forms";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import tk from "@/messages/tk.json";
import { electionSchema, instantOfAshgabatDateTime } from "./schemas";

const valid = {
  code: "PRES-2027",
  type: "presidential",
  titleTk: "Türkmenistanyň Prezidentiniň saýlawy",
  titleRu: "Выборы Президента Туркменистана",
  titleEn: "Presidential election of Turkmenistan",
  electionDay: "2027-03-14",
  accreditationOpensAt: "2027-01-10T09:00",
  accreditationClosesAt: "2027-03-04T18:00",
  observationStartsOn: "2027-02-12",
  observationEndsOn: "2027-03-21",
  decisionWorkingDays: "5",
  status: "draft",
};

function errorsOf(input: Record<string, unknown>) {
  const parsed = electionSchema.safeParse(input);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
}

describe("electionSchema", () => {
  it("accepts a complete election and writes its code in capitals", () => {
    const parsed = electionSchema.parse({ ...valid, code: " pres-2027 " });
    expect(parsed.code).toBe("PRES-2027");
  });

  it("names every missing field with a message key", () => {
    const empty = Object.fromEntries(Object.keys(valid).map((k) => [k, ""]));
    expect(errorsOf(empty)).toEqual({
      code: "required",
      type: "choose",
      titleTk: "required",
      titleRu: "required",
      titleEn: "required",
      electionDay: "required",
      accreditationOpensAt: "required",
      accreditationClosesAt: "required",
      observationStartsOn: "required",
      observationEndsOn: "required",
      decisionWorkingDays: "required",
      status: "choose",
    });
  });

  it("takes 1 to 60 working days for the decision", () => {
    expect(errorsOf({ ...valid, decisionWorkingDays: "60" })).toEqual({});
    for (const days of ["0", "61", "2.5", "five", "-3"]) {
      expect(errorsOf({ ...valid, decisionWorkingDays: days })).toEqual({ decisionWorkingDays: "workingDays" });
    }
  });

  it("allows codes of capital letters, digits and hyphens up to 16 characters", () => {
    expect(errorsOf({ ...valid, code: "A-1234567890-BCD" })).toEqual({});
    expect(errorsOf({ ...valid, code: "A-1234567890-BCDE" })).toEqual({ code: "tooLong" });
    expect(errorsOf({ ...valid, code: "PRES 2027" })).toEqual({ code: "electionCode" });
    expect(errorsOf({ ...valid, code: "SAÝLAW" })).toEqual({ code: "electionCode" });
  });

  it("refuses days and times that do not exist", () => {
    expect(errorsOf({ ...valid, electionDay: "2027-02-30" })).toMatchObject({ electionDay: "date" });
    expect(errorsOf({ ...valid, accreditationOpensAt: "2027-01-10T24:00" })).toEqual({ accreditationOpensAt: "dateTime" });
    expect(errorsOf({ ...valid, accreditationOpensAt: "2027-01-10" })).toEqual({ accreditationOpensAt: "dateTime" });
  });

  it("puts the calendar rules on the field to correct", () => {
    expect(errorsOf({ ...valid, accreditationClosesAt: "2027-03-14T09:00" })).toEqual({ accreditationClosesAt: "accreditationClosesAfterElectionDay" });
    expect(errorsOf({ ...valid, accreditationClosesAt: "2027-03-14T00:00" })).toEqual({});
    expect(errorsOf({ ...valid, accreditationOpensAt: "2027-03-04T18:00" })).toEqual({ accreditationClosesAt: "accreditationClosesBeforeOpens" });
    expect(errorsOf({ ...valid, observationStartsOn: "2027-03-15" })).toEqual({ observationStartsOn: "observationStartsAfterElectionDay" });
    expect(errorsOf({ ...valid, observationEndsOn: "2027-03-13" })).toEqual({ observationEndsOn: "observationEndsBeforeElectionDay" });
  });

  it("checks the calendar even while another field is wrong", () => {
    expect(errorsOf({ ...valid, titleEn: "", observationEndsOn: "2027-03-01" })).toEqual({
      titleEn: "required",
      observationEndsOn: "observationEndsBeforeElectionDay",
    });
  });
});

describe("date helpers", () => {
  it("reads a datetime-local value as Ashgabat time (UTC+5)", () => {
    expect(instantOfAshgabatDateTime("2027-03-04T18:00")?.toISOString()).toBe("2027-03-04T13:00:00.000Z");
    expect(instantOfAshgabatDateTime("2027-01-01T00:30")?.toISOString()).toBe("2026-12-31T19:30:00.000Z");
    expect(instantOfAshgabatDateTime("2027-01-01T00:30:00")).toBeNull();
    expect(instantOfAshgabatDateTime("0000-01-01T10:00")).toBeNull();
  });
});

describe("election types", () => {
  it("include early elections beside by-elections, and the form accepts each type", () => {
    expect(electionTypes).toEqual(["presidential", "parliamentary", "local_council", "referendum", "early", "by_election"]);
    for (const type of electionTypes) expect(electionSchema.safeParse({ ...valid, type }).success).toBe(true);
    expect(errorsOf({ ...valid, type: "snap" })).toEqual({ type: "choose" });
  });

  it.each([
    ["tk", tk, "Möhletinden öň geçirilýän saýlawlar"],
    ["ru", ru, "Досрочные выборы"],
    ["en", en, "Early elections"],
  ] as const)("%s names every type, early elections as such", (_locale, messages, early) => {
    const labels: Record<string, string> = messages.home.electionType;
    expect(Object.keys(labels)).toEqual([...electionTypes]);
    expect(labels.early).toBe(early);
  });
});
