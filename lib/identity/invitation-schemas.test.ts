import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/forms";
import { acceptanceSchema, invitationSchema } from "./invitation-schemas";

const errorsOf = (input: Record<string, unknown>) => {
  const parsed = invitationSchema.safeParse(input);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
};

describe("the invitation form", () => {
  it("accepts a coordinator with an organization, and staff without one", () => {
    expect(errorsOf({ email: "anna@osce.example", role: "coordinator", organizationId: randomUUID(), locale: "en" })).toEqual({});
    expect(errorsOf({ email: " merdan@cec.example ", role: "reviewer", locale: "tk" })).toEqual({});
    expect(errorsOf({ email: "not an address", role: "admin", organizationId: "", locale: "ru" })).toEqual({ email: "email" });
  });

  it("needs an organization for a coordinator, and only an organization's id will do", () => {
    for (const organizationId of [undefined, "", "   ", "OSCE/ODIHR", "1; drop table users"]) {
      expect(errorsOf({ email: "anna@osce.example", role: "coordinator", organizationId, locale: "en" })).toEqual({ organizationId: "organizationRequired" });
    }
  });

  it("offers only the roles that can be invited, and the three languages", () => {
    expect(errorsOf({ email: "a@b.example", role: "observer", locale: "en" })).toEqual({ role: "required" });
    expect(errorsOf({ email: "a@b.example", role: "reviewer", locale: "de" })).toEqual({ locale: "required" });
    expect(errorsOf({ email: "", role: "", locale: "" })).toEqual({ email: "required", role: "required", locale: "required" });
  });
});

describe("the acceptance form", () => {
  const valid = { name: "Anna Kowalska", preferredLocale: "en", password: "teal kettle under Merv", passwordConfirmation: "teal kettle under Merv" };
  const acceptanceErrors = (input: Record<string, unknown>, email = "anna.kowalska@osce.example") => {
    const parsed = acceptanceSchema(email).safeParse(input);
    return parsed.success ? {} : fieldErrorsOf(parsed.error);
  };

  it("takes a name, a language and a password that follows the rules", () => {
    expect(acceptanceErrors(valid)).toEqual({});
    expect(acceptanceErrors({ ...valid, name: "  " })).toEqual({ name: "required" });
    expect(acceptanceErrors({ ...valid, preferredLocale: "fr" })).toEqual({ preferredLocale: "required" });
  });

  it("applies the password rules against the invited address", () => {
    const containing = "my ANNA.KOWALSKA passphrase";
    expect(acceptanceErrors({ ...valid, password: containing, passwordConfirmation: containing })).toEqual({ password: "passwordContainsEmail" });
    expect(acceptanceErrors({ ...valid, password: containing, passwordConfirmation: containing }, "someone.else@osce.example")).toEqual({});
    expect(acceptanceErrors({ ...valid, password: "short", passwordConfirmation: "short" })).toEqual({ password: "passwordTooShort" });
    expect(acceptanceErrors({ ...valid, passwordConfirmation: "something else entirely" })).toEqual({ passwordConfirmation: "passwordMismatch" });
  });
});
