import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/forms";
import { ownDetailsFormSchema, ownDetailsSchema } from "./schemas";

const dates = { election: { electionDay: "2026-03-15", observationStartsOn: "2026-02-13", observationEndsOn: "2026-03-25" }, departureOn: "2026-03-16" };

const details = {
  surname: "Petrova",
  givenNames: "Olga",
  cyrillicName: "Петрова Ольга",
  sex: "female",
  dateOfBirth: "1979-03-02",
  nationality: "KZ",
  passportNumber: "N1234567",
  passportExpiresOn: "2031-06-30",
};

/** Every message the form shows for these values, one per field, as the Server Action answers them. */
function errors(changes: Partial<Record<keyof typeof details, string>>, recordDates = dates) {
  const result = ownDetailsFormSchema(recordDates).safeParse({ ...details, ...changes });
  return result.success ? {} : fieldErrorsOf(result.error);
}

describe("ownDetailsFormSchema", () => {
  it("accepts valid details as the plain schema does", () => {
    expect(ownDetailsFormSchema(dates).parse(details)).toEqual(ownDetailsSchema.parse(details));
  });

  it("reports an empty field, an underage observer and a passport expiring before departure in the same round", () => {
    expect(errors({ givenNames: "", dateOfBirth: "2010-01-01", passportExpiresOn: "2026-03-10" })).toEqual({
      givenNames: "required",
      dateOfBirth: "underage",
      passportExpiresOn: "passportExpiresBeforeDeparture",
    });
    expect(errors({ surname: "Петрова", sex: "unknown", dateOfBirth: "2027-01-01" })).toEqual({
      surname: "latinOnly",
      sex: "invalid",
      dateOfBirth: "dateOfBirthAfterElection",
    });
  });

  it("reports a malformed date as such, never as an age", () => {
    expect(errors({ givenNames: "", dateOfBirth: "2010-02-30" })).toEqual({ givenNames: "required", dateOfBirth: "dateFormat" });
  });

  it("leaves the coordinator's stay to the coordinator", () => {
    // A departure outside the observation window is not the observer's to fix on this form.
    expect(errors({}, { ...dates, departureOn: "2026-04-30" })).toEqual({});
  });
});
