import { describe, expect, it } from "vitest";
import { validObserverForm } from "@/test/observer-form-values";
import { fieldErrorsOf } from "@/lib/forms";
import { missionDetailsFormSchema, observerFormSchema } from "./election-form-schemas";
import { observerSchema } from "./observer-schema";

const election = { electionDay: "2026-03-15", observationStartsOn: "2026-02-13", observationEndsOn: "2026-03-25" };

const observer = validObserverForm;

/** Every message the form shows for these values, one per field, as the Server Action answers them. */
function observerErrors(changes: Partial<Record<keyof typeof observer, string | undefined>>) {
  const result = observerFormSchema(election).safeParse({ ...observer, ...changes });
  return result.success ? {} : fieldErrorsOf(result.error);
}

describe("observerFormSchema", () => {
  it("accepts a valid observer as the plain schema does", () => {
    expect(observerFormSchema(election).parse(observer)).toEqual(observerSchema.parse(observer));
  });

  it("reports a malformed field and an underage observer in the same round", () => {
    expect(observerErrors({ email: "anna@", dateOfBirth: "2010-01-01" })).toEqual({ email: "email", dateOfBirth: "underage" });
  });

  it("compares the dates also when a field fails in a way that stops zod's own refinements", () => {
    // An unknown choice, and a cell left empty in a spreadsheet (no value at all), end zod's checks of the object.
    expect(observerErrors({ sex: "unknown", dateOfBirth: "2010-01-01" })).toEqual({ sex: "invalid", dateOfBirth: "underage" });
    expect(observerErrors({ role: undefined, departureOn: "2026-03-01" })).toEqual({ role: "required", departureOn: "departureNotAfterArrival" });
  });

  it("reports a malformed date of birth as such, never as an age", () => {
    expect(observerErrors({ email: "anna@", dateOfBirth: "2010-02-30" })).toEqual({ email: "email", dateOfBirth: "dateFormat" });
    // Every message, not only the first one per field that a form shows.
    const result = observerFormSchema(election).safeParse({ ...observer, dateOfBirth: "2010-02-30" });
    expect(result.error?.issues.map((issue) => `${issue.path.join(".")}:${issue.message}`)).toEqual(["dateOfBirth:dateFormat"]);
  });

  it("compares the passport and the stay while other fields are wrong", () => {
    expect(observerErrors({ passportNumber: "no", passportExpiresOn: "2026-03-10", arrivalOn: "2026-03-18", departureOn: "2026-03-12" })).toEqual({
      passportNumber: "passportFormat",
      passportExpiresOn: "passportExpiresBeforeDeparture",
      departureOn: "departureNotAfterArrival",
    });
    expect(observerErrors({ surname: "Мюллер", arrivalOn: "2026-02-01" })).toEqual({ surname: "latinOnly", arrivalOn: "arrivalOutsideObservation" });
  });

  it("leaves out the rules whose dates are themselves wrong", () => {
    // Without a departure day there is nothing to put the arrival or the passport's expiry against.
    expect(observerErrors({ departureOn: "", arrivalOn: "2026-03-20", passportExpiresOn: "2026-03-19" })).toEqual({ departureOn: "required" });
    expect(observerErrors({ arrivalOn: "2026-13-01", departureOn: "2026-03-01" })).toEqual({ arrivalOn: "dateFormat" });
  });

  it("is not held up by a warning meant for staff", () => {
    expect(observerErrors({ passportExpiresOn: "2026-04-01" })).toEqual({});
  });

  it("says what is missing, and nothing more, for an empty form or no object at all", () => {
    expect(Object.values(observerErrors(Object.fromEntries(Object.keys(observer).map((key) => [key, ""]))))).not.toContain("underage");
    const nothing = observerFormSchema(election).safeParse(undefined);
    expect(nothing.success || fieldErrorsOf(nothing.error)).toEqual({ form: "invalid" });
  });
});

const mission = {
  name: "OSCE/ODIHR Election Assessment Mission",
  type: "election_assessment_mission",
  plannedArrivalOn: "2026-03-01",
  plannedDepartureOn: "2026-03-20",
  regions: ["ashgabat"],
  contactPerson: "Anna Müller",
  phone: "+48 22 520 06 00",
  email: "office@odihr.example.org",
  workingLanguages: ["en"],
};

describe("missionDetailsFormSchema", () => {
  const errors = (changes: Partial<typeof mission>) => {
    const result = missionDetailsFormSchema(election).safeParse({ ...mission, ...changes });
    return result.success ? {} : fieldErrorsOf(result.error);
  };

  it("reports a malformed phone number and planned dates outside the observation window in the same round", () => {
    expect(errors({ phone: "12 34", plannedArrivalOn: "2026-01-01", plannedDepartureOn: "2026-03-30" })).toEqual({
      phone: "phoneFormat",
      plannedArrivalOn: "arrivalOutsideObservation",
      plannedDepartureOn: "departureOutsideObservation",
    });
  });

  it("does not compare a planned date that is itself malformed", () => {
    expect(errors({ phone: "12 34", plannedArrivalOn: "2026-03-32", plannedDepartureOn: "2026-02-20" })).toEqual({
      phone: "phoneFormat",
      plannedArrivalOn: "dateFormat",
    });
  });
});
