import { describe, expect, it } from "vitest";
import { validObserverForm } from "@/test/observer-form-values";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import tk from "@/messages/tk.json";
import { fieldErrorsOf, validationKeys } from "@/lib/forms";
import { importCodes } from "./import";
import { intakeCodes } from "./intake-codes";
import { missionDetailsSchema } from "./mission-schema";
import { rejectionSchema, reviewCommentSchema } from "./review/schemas";
import { observerSchema } from "./observer-schema";

const valid = validObserverForm;

/** The message key the schema gives one field of an otherwise valid observer, or "ok". */
function observerError(field: keyof typeof valid, value: string | undefined) {
  const result = observerSchema.safeParse({ ...valid, [field]: value });
  return result.success ? "ok" : fieldErrorsOf(result.error)[field];
}

describe("observerSchema", () => {
  it("accepts a complete observer and returns it cleaned up", () => {
    const result = observerSchema.safeParse({
      ...valid,
      surname: "  O’Neill ",
      givenNames: "Zoë   Ann-Marie",
      nationality: "ie",
      passportNumber: "pa 123 4567",
    });
    expect(result.success && result.data).toEqual({
      ...valid,
      surname: "O'Neill",
      givenNames: "Zoë Ann-Marie",
      cyrillicName: undefined,
      nationality: "IE",
      passportNumber: "PA1234567",
      email: undefined,
    });
  });

  it("says which fields are missing", () => {
    const result = observerSchema.safeParse({});
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toEqual({
      surname: "required",
      givenNames: "required",
      sex: "required",
      dateOfBirth: "required",
      nationality: "required",
      passportNumber: "required",
      passportExpiresOn: "required",
      role: "required",
      arrivalOn: "required",
      departureOn: "required",
    });
  });

  it.each([
    ["Müller", "ok"],
    ["Ñúñez", "ok"],
    ["Jørgensen", "ok"],
    ["Şahinoğlu", "ok"],
    ["Ýazmuhammedowa", "ok"],
    ["O'Neill", "ok"],
    ["D’Angelo", "ok"],
    ["Smith-Jones", "ok"],
    ["van der Berg", "ok"],
    // A decomposed accent (e + combining acute) is composed, not refused.
    ["Rene\u0301", "ok"],
    ["Иванов", "latinOnly"],
    ["Smith2", "latinOnly"],
    ["J.", "latinOnly"],
    ["-Smith", "latinOnly"],
    ["Smith--Jones", "latinOnly"],
    ["Smith'", "latinOnly"],
    ["   ", "required"],
    ["A".repeat(80), "ok"],
    ["A".repeat(81), "tooLong"],
  ])("surname %j: %s", (value, expected) => {
    expect(observerError("surname", value)).toBe(expected);
  });

  it("composes accents and folds full-width letters typed with an East Asian keyboard", () => {
    expect(observerSchema.parse({ ...valid, surname: "Rene\u0301" }).surname).toBe("Ren\u00e9");
    expect(observerSchema.parse({ ...valid, surname: "Ｓｍｉｔｈ" }).surname).toBe("Smith");
  });

  it("applies the same rule to given names", () => {
    expect(observerError("givenNames", "Jean-Luc Émile")).toBe("ok");
    expect(observerError("givenNames", "Жан")).toBe("latinOnly");
    expect(observerError("givenNames", "B".repeat(81))).toBe("tooLong");
  });

  it.each([
    [undefined, "ok"],
    ["", "ok"],
    ["Мюллер Анна-Мария", "ok"],
    ["Ёлкина Дарья", "ok"],
    ["О'Нил", "ok"],
    ["Müller", "cyrillicOnly"],
    ["Иванов И.", "cyrillicOnly"],
    ["Я".repeat(161), "tooLong"],
  ])("Cyrillic name %j: %s", (value, expected) => {
    expect(observerError("cyrillicName", value)).toBe(expected);
  });

  it("keeps an optional Cyrillic name and drops a blank one", () => {
    expect(observerSchema.parse({ ...valid, cyrillicName: " Мюллер  Анна " }).cyrillicName).toBe("Мюллер Анна");
    expect(observerSchema.parse({ ...valid, cyrillicName: "   " }).cyrillicName).toBeUndefined();
  });

  it("takes sex and role only from their lists", () => {
    expect(observerError("sex", "male")).toBe("ok");
    expect(observerError("sex", "x")).toBe("invalid");
    expect(observerError("sex", "")).toBe("required");
    expect(observerError("role", "head_of_mission")).toBe("ok");
    expect(observerError("role", "observer")).toBe("invalid");
    expect(observerError("role", " ")).toBe("required");
  });

  it.each([
    ["2024-02-29", "ok"],
    ["2023-02-29", "dateFormat"],
    ["2026-04-31", "dateFormat"],
    ["2026-13-01", "dateFormat"],
    ["1985-4-3", "dateFormat"],
    ["23.04.1985", "dateFormat"],
    ["", "required"],
  ])("date %j: %s", (value, expected) => {
    for (const field of ["dateOfBirth", "passportExpiresOn", "arrivalOn", "departureOn"] as const) {
      expect(observerError(field, value)).toBe(expected);
    }
  });

  it.each([
    ["DE", "ok"],
    ["de", "ok"],
    ["XK", "ok"],
    ["ZZ", "countryCode"],
    ["EU", "countryCode"],
    ["DEU", "countryCode"],
    ["Germany", "countryCode"],
    ["", "required"],
  ])("nationality %j: %s", (value, expected) => {
    expect(observerError("nationality", value)).toBe(expected);
  });

  it.each([
    ["AB123", "ok"],
    ["A".repeat(20), "ok"],
    ["ab 12 34 56", "ok"],
    ["AB12", "passportFormat"],
    ["A".repeat(21), "passportFormat"],
    ["AB-123456", "passportFormat"],
    ["АВ123456", "passportFormat"],
    ["   ", "required"],
  ])("passport number %j: %s", (value, expected) => {
    expect(observerError("passportNumber", value)).toBe(expected);
  });

  it("takes an optional email", () => {
    expect(observerError("email", undefined)).toBe("ok");
    expect(observerError("email", "anna@example.org")).toBe("ok");
    expect(observerError("email", "anna@")).toBe("email");
    expect(observerSchema.parse({ ...valid, email: " anna@example.org " }).email).toBe("anna@example.org");
  });
});

const mission = {
  name: "OSCE/ODIHR Election Assessment Mission",
  type: "election_assessment_mission",
  plannedArrivalOn: "2026-03-01",
  plannedDepartureOn: "2026-03-20",
  regions: ["ashgabat", "mary"],
  contactPerson: "Anna Müller",
  phone: "+48 22 520 06 00",
  email: "office@odihr.example.org",
  workingLanguages: ["en", "ru"],
};

function missionError(field: keyof typeof mission, value: unknown) {
  const result = missionDetailsSchema.safeParse({ ...mission, [field]: value });
  return result.success ? "ok" : fieldErrorsOf(result.error)[field];
}

describe("missionDetailsSchema", () => {
  it("accepts complete details, the phone number normalized", () => {
    expect(missionDetailsSchema.parse(mission)).toEqual({ ...mission, phone: "+48225200600" });
  });

  it.each([
    ["+993 12 34-56-78", "ok"],
    ["+993 (12) 34.56.78", "ok"],
    ["00993 12 345678", "ok"],
    ["+1234567", "ok"],
    ["+1234567890123456", "phoneFormat"],
    ["+123456", "phoneFormat"],
    ["12 34 56 78", "phoneFormat"],
    ["+0993123456", "phoneFormat"],
    ["+993 12 34 56 78 ext. 5", "phoneFormat"],
    ["", "required"],
  ])("phone %j: %s", (value, expected) => {
    expect(missionError("phone", value)).toBe(expected);
  });

  it("needs at least one known region and one known working language, without repeats", () => {
    expect(missionError("regions", [])).toBe("chooseAtLeastOne");
    expect(missionError("regions", undefined)).toBe("chooseAtLeastOne");
    expect(missionError("workingLanguages", [])).toBe("chooseAtLeastOne");
    expect(missionDetailsSchema.safeParse({ ...mission, regions: ["kabul"] }).success).toBe(false);
    expect(missionDetailsSchema.safeParse({ ...mission, workingLanguages: ["xx"] }).success).toBe(false);
    expect(missionDetailsSchema.parse({ ...mission, regions: ["mary", "mary", "lebap"] }).regions).toEqual(["mary", "lebap"]);
  });

  it("checks the other fields", () => {
    expect(missionError("name", "")).toBe("required");
    expect(missionError("name", "M".repeat(201))).toBe("tooLong");
    expect(missionError("type", "tourism")).toBe("invalid");
    expect(missionError("plannedArrivalOn", "2026-02-30")).toBe("dateFormat");
    expect(missionError("contactPerson", " ")).toBe("required");
    expect(missionError("email", "office")).toBe("email");
  });
});

describe("validation messages", () => {
  it.each([
    ["en", en],
    ["ru", ru],
    ["tk", tk],
  ])("%s has a message for every key the accreditation rules give", (_, catalog) => {
    const keys = [...validationKeys, ...intakeCodes, ...importCodes];
    expect(keys.filter((key) => !(key in catalog.validation))).toEqual([]);
  });
});

describe("free text fields", () => {
  // Found by the fuzzer (npm run test:fuzz): PostgreSQL text cannot hold NUL, so a field with one failed to store, a 500.
  it("refuse NUL as invalid, before anything is stored", () => {
    expect(fieldErrorsOf(reviewCommentSchema.safeParse({ comment: "Please\u0000 check" }).error!)).toEqual({ comment: "invalid" });
    expect(fieldErrorsOf(rejectionSchema.safeParse({ reason: "\u0000" }).error!)).toEqual({ reason: "invalid" });
    expect(reviewCommentSchema.safeParse({ comment: "Please check the passport scan" }).success).toBe(true);
  });
});
