import { describe, expect, it } from "vitest";
import {
  ageOn,
  checkMissionDates,
  checkMissionSubmission,
  checkObserver,
  hasErrors,
  issuesFor,
  type IntakeIssue,
  type ObserverIntakeContext,
  type StoredObserver,
} from "./intake";
import type { ObserverInput } from "./observer-schema";

const election = { electionDay: "2026-03-15", observationStartsOn: "2026-02-13", observationEndsOn: "2026-03-25" };

const context: ObserverIntakeContext = {
  election,
  hostCountry: "TM",
  otherObserversInMission: [],
  passportsInOtherActiveApplications: [],
};

const observer: ObserverInput & { id?: string } = {
  surname: "Müller",
  givenNames: "Anna",
  cyrillicName: undefined,
  sex: "female",
  dateOfBirth: "1985-04-23",
  nationality: "DE",
  passportNumber: "C01X00T47",
  passportExpiresOn: "2031-06-30",
  role: "short_term_observer",
  arrivalOn: "2026-03-10",
  departureOn: "2026-03-18",
  email: undefined,
};

const check = (changes: Partial<typeof observer> = {}, more: Partial<ObserverIntakeContext> = {}) =>
  checkObserver({ ...observer, ...changes }, { ...context, ...more });
const codes = (issues: IntakeIssue[]) => issues.map((issue) => `${issue.field}:${issue.code}`);

describe("checkObserver", () => {
  it("finds nothing to say about an observer who meets every rule", () => {
    expect(check()).toEqual([]);
  });

  describe("arrival and departure", () => {
    it("needs the departure after the arrival", () => {
      expect(codes(check({ arrivalOn: "2026-03-18", departureOn: "2026-03-18" }))).toEqual([
        "departureOn:departureNotAfterArrival",
      ]);
      expect(codes(check({ arrivalOn: "2026-03-18", departureOn: "2026-03-17" }))).toEqual([
        "departureOn:departureNotAfterArrival",
      ]);
      expect(check({ arrivalOn: "2026-03-17", departureOn: "2026-03-18" })).toEqual([]);
    });

    it("accepts both days of the observation window and refuses the days just outside", () => {
      expect(check({ arrivalOn: "2026-02-13", departureOn: "2026-03-25" })).toEqual([]);
      expect(check({ arrivalOn: "2026-02-12" })).toEqual([
        {
          field: "arrivalOn",
          code: "arrivalOutsideObservation",
          severity: "error",
          audience: "coordinator",
          params: { from: "2026-02-13", to: "2026-03-25" },
        },
      ]);
      expect(codes(check({ departureOn: "2026-03-26" }))).toEqual(["departureOn:departureOutsideObservation"]);
      expect(codes(check({ arrivalOn: "2026-03-26", departureOn: "2026-03-27" }))).toEqual([
        "arrivalOn:arrivalOutsideObservation",
        "departureOn:departureOutsideObservation",
      ]);
    });
  });

  describe("age on election day", () => {
    it("accepts someone whose 18th birthday is election day, not the day after", () => {
      expect(check({ dateOfBirth: "2008-03-15" })).toEqual([]);
      expect(check({ dateOfBirth: "2008-03-16" })).toEqual([
        {
          field: "dateOfBirth",
          code: "underage",
          severity: "error",
          audience: "coordinator",
          params: { electionDay: "2026-03-15" },
        },
      ]);
    });

    it("counts someone born on 29 February as a year older on 1 March of a common year", () => {
      expect(ageOn("2008-02-29", "2026-02-28")).toBe(17);
      expect(ageOn("2008-02-29", "2026-03-01")).toBe(18);
      const onFebruary28 = { ...election, electionDay: "2026-02-28" };
      const onMarch1 = { ...election, electionDay: "2026-03-01" };
      expect(codes(check({ dateOfBirth: "2008-02-29" }, { election: onFebruary28 }))).toEqual(["dateOfBirth:underage"]);
      expect(check({ dateOfBirth: "2008-02-29" }, { election: onMarch1 })).toEqual([]);
    });

    it("handles an election on 29 February of a leap year", () => {
      const leapDay = { electionDay: "2028-02-29", observationStartsOn: "2028-02-01", observationEndsOn: "2028-03-10" };
      const stay = { arrivalOn: "2028-02-20", departureOn: "2028-03-02" };
      expect(check({ ...stay, dateOfBirth: "2010-02-28" }, { election: leapDay })).toEqual([]);
      expect(ageOn("2008-02-29", "2028-02-29")).toBe(20);
      expect(codes(check({ ...stay, dateOfBirth: "2010-03-01" }, { election: leapDay }))).toEqual(["dateOfBirth:underage"]);
    });

    it("names a date of birth after election day, or more than 120 years before it, as a mistyped year", () => {
      expect(codes(check({ dateOfBirth: "2026-04-01" }))).toEqual(["dateOfBirth:dateOfBirthAfterElection"]);
      expect(check({ dateOfBirth: "1850-01-01" })).toEqual([{ field: "dateOfBirth", code: "dateOfBirthImplausible", severity: "error", audience: "coordinator" }]);
      expect(check({ dateOfBirth: "1906-03-15" })).toEqual([]);
      expect(codes(check({ dateOfBirth: "1905-03-14" }))).toEqual(["dateOfBirth:dateOfBirthImplausible"]);
    });
  });

  describe("passport validity", () => {
    it("is an error for the coordinator when the passport expires before the departure day", () => {
      expect(check({ passportExpiresOn: "2026-03-17" })).toEqual([
        { field: "passportExpiresOn", code: "passportExpiresBeforeDeparture", severity: "error", audience: "coordinator" },
      ]);
    });

    it("warns staff only when the passport expires within six months of arrival", () => {
      // Arrival 2026-03-10: six months later is 2026-09-10.
      expect(check({ passportExpiresOn: "2026-09-09" })).toEqual([
        { field: "passportExpiresOn", code: "passportExpiresWithinSixMonths", severity: "warning", audience: "staff" },
      ]);
      expect(check({ passportExpiresOn: "2026-09-10" })).toEqual([]);
      // Valid on the departure day itself is valid.
      expect(codes(check({ passportExpiresOn: "2026-03-18" }))).toEqual(["passportExpiresOn:passportExpiresWithinSixMonths"]);
    });

    it("counts six calendar months to the end of a shorter month", () => {
      const lateAugust = { election: { ...election, observationStartsOn: "2026-08-01", observationEndsOn: "2026-09-30", electionDay: "2026-09-10" } };
      const stay = { arrivalOn: "2026-08-31", departureOn: "2026-09-12" };
      expect(codes(check({ ...stay, passportExpiresOn: "2027-02-27" }, lateAugust))).toEqual([
        "passportExpiresOn:passportExpiresWithinSixMonths",
      ]);
      expect(check({ ...stay, passportExpiresOn: "2027-02-28" }, lateAugust)).toEqual([]);
    });
  });

  describe("the same passport twice", () => {
    it("is an error within one mission when number and nationality match", () => {
      const others = [{ id: "o2", passportNumber: "c01x 00t47", nationality: "DE" }];
      expect(check({ id: "o1" }, { otherObserversInMission: others })).toEqual([
        { field: "passportNumber", code: "passportTwiceInMission", severity: "error", audience: "coordinator" },
      ]);
    });

    it("is not a duplicate with another nationality, or with the observer's own record", () => {
      expect(check({ id: "o1" }, { otherObserversInMission: [{ id: "o2", passportNumber: "C01X00T47", nationality: "AT" }] })).toEqual([]);
      expect(check({ id: "o1" }, { otherObserversInMission: [{ id: "o1", passportNumber: "C01X00T47", nationality: "DE" }] })).toEqual([]);
    });

    it("tells the coordinator of another application without naming the organization, and staff who it is", () => {
      const elsewhere = [
        { passportNumber: "C01X00T47", nationality: "DE", organizationAcronym: "PACE" },
        { passportNumber: "C01X00T47", nationality: "DE", organizationAcronym: "PACE" },
        { passportNumber: "C01X00T47", nationality: "DE", organizationAcronym: "ENEMO" },
        { passportNumber: "C01X00T47", nationality: "AT", organizationAcronym: "OTHER" },
      ];
      const issues = check({}, { passportsInOtherActiveApplications: elsewhere });
      expect(issues).toEqual([
        { field: "passportNumber", code: "passportInOtherApplication", severity: "error", audience: "coordinator" },
        {
          field: "passportNumber",
          code: "passportInOtherApplicationDetail",
          severity: "error",
          audience: "staff",
          params: { organization: "PACE" },
        },
        {
          field: "passportNumber",
          code: "passportInOtherApplicationDetail",
          severity: "error",
          audience: "staff",
          params: { organization: "ENEMO" },
        },
      ]);
      const forCoordinator = issuesFor("coordinator", issues);
      expect(forCoordinator).toHaveLength(1);
      expect(JSON.stringify(forCoordinator)).not.toMatch(/PACE|ENEMO/);
      expect(issuesFor("staff", issues)).toHaveLength(3);
    });
  });

  it("flags a citizen of the host country for staff only", () => {
    const issues = check({ nationality: "TM" });
    expect(issues).toEqual([{ field: "nationality", code: "hostCountryNationality", severity: "warning", audience: "staff" }]);
    expect(issuesFor("coordinator", issues)).toEqual([]);
    expect(hasErrors(issues)).toBe(false);
  });
});

describe("checkMissionDates", () => {
  it("applies the observation window and order to the planned dates", () => {
    expect(checkMissionDates({ plannedArrivalOn: "2026-02-13", plannedDepartureOn: "2026-03-25" }, election)).toEqual([]);
    expect(codes(checkMissionDates({ plannedArrivalOn: "2026-02-12", plannedDepartureOn: "2026-03-26" }, election))).toEqual([
      "plannedArrivalOn:arrivalOutsideObservation",
      "plannedDepartureOn:departureOutsideObservation",
    ]);
    expect(codes(checkMissionDates({ plannedArrivalOn: "2026-03-01", plannedDepartureOn: "2026-03-01" }, election))).toEqual([
      "plannedDepartureOn:departureNotAfterArrival",
    ]);
  });
});

describe("checkMissionSubmission", () => {
  const stored = (id: string, changes: Partial<Record<keyof ObserverInput, string | null>> = {}, hasPhoto = true): StoredObserver => ({
    id,
    hasPhoto,
    values: { ...observer, cyrillicName: null, email: null, passportNumber: `P${id}0000`, ...changes },
  });
  const submissionContext = { election, hostCountry: "TM", passportsInOtherActiveApplications: [] };
  const head = stored("1", { role: "head_of_mission" });

  it("lets a complete application with one head of mission be submitted", () => {
    const result = checkMissionSubmission([head, stored("2"), stored("3")], submissionContext);
    expect(result).toEqual({
      issues: [],
      observers: [
        { id: "1", issues: [] },
        { id: "2", issues: [] },
        { id: "3", issues: [] },
      ],
      canSubmit: true,
    });
  });

  it("needs at least one observer", () => {
    const result = checkMissionSubmission([], submissionContext);
    expect(codes(result.issues)).toEqual(["observers:noObservers"]);
    expect(result.canSubmit).toBe(false);
  });

  it("needs exactly one head of mission", () => {
    const none = checkMissionSubmission([stored("2")], submissionContext);
    expect(codes(none.issues)).toEqual(["observers:noHeadOfMission"]);
    expect(none.canSubmit).toBe(false);
    const two = checkMissionSubmission([head, stored("2", { role: "head_of_mission" })], submissionContext);
    expect(two.issues).toEqual([
      { field: "observers", code: "severalHeadsOfMission", severity: "error", audience: "coordinator", params: { count: 2 } },
    ]);
    expect(two.canSubmit).toBe(false);
  });

  it("refuses while any observer has an error, and says which", () => {
    const result = checkMissionSubmission(
      [head, stored("2", { dateOfBirth: "2010-01-01" }), stored("3", { surname: null }), stored("4", {}, false)],
      submissionContext,
    );
    expect(result.issues).toEqual([
      { field: "observers", code: "observersIncomplete", severity: "error", audience: "coordinator", params: { count: 3 } },
    ]);
    expect(result.observers.map((entry) => [entry.id, codes(entry.issues)])).toEqual([
      ["1", []],
      ["2", ["dateOfBirth:underage"]],
      ["3", ["surname:required"]],
      ["4", ["photo:photoRequired"]],
    ]);
    expect(result.canSubmit).toBe(false);
  });

  it("finds the same passport on two observers of the mission", () => {
    const result = checkMissionSubmission([head, stored("2", { passportNumber: "P10000" })], submissionContext);
    expect(result.observers.map((entry) => codes(entry.issues))).toEqual([
      ["passportNumber:passportTwiceInMission"],
      ["passportNumber:passportTwiceInMission"],
    ]);
    expect(result.canSubmit).toBe(false);
  });

  it("is not held up by warnings for staff", () => {
    const result = checkMissionSubmission([head, stored("2", { nationality: "TM", passportExpiresOn: "2026-06-01" })], submissionContext);
    expect(codes(result.observers[1]!.issues)).toEqual([
      "passportExpiresOn:passportExpiresWithinSixMonths",
      "nationality:hostCountryNationality",
    ]);
    expect(result.canSubmit).toBe(true);
  });
});
