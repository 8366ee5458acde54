import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { fieldErrorsOf } from "@/lib/forms";
import { changePasswordSchema, forgotPasswordSchema } from "./schemas";

/** The schemas the password forms and their Server Actions share. */

const errorsOf = (schema: z.ZodType, input: Record<string, unknown>) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
};

describe("the forgotten-password form", () => {
  it("takes an address, trimmed, and names a missing or mistyped one", () => {
    expect(forgotPasswordSchema.parse({ email: " anna@osce.example " })).toEqual({ email: "anna@osce.example" });
    expect(errorsOf(forgotPasswordSchema, { email: "" })).toEqual({ email: "required" });
    expect(errorsOf(forgotPasswordSchema, { email: "anna at osce" })).toEqual({ email: "email" });
  });
});

describe("the change-password form", () => {
  const schema = changePasswordSchema("kowalska@osce.example");
  const valid = { currentPassword: "old one", password: "teal kettle under Merv", passwordConfirmation: "teal kettle under Merv" };

  it("takes the current password and a new one that follows the rules", () => {
    expect(errorsOf(schema, valid)).toEqual({});
    expect(errorsOf(schema, { ...valid, password: "my Kowalska password", passwordConfirmation: "my Kowalska password" })).toEqual({ password: "passwordContainsEmail" });
  });

  it("names a missing current password and a mismatched confirmation in the same round", () => {
    expect(errorsOf(schema, { ...valid, currentPassword: "", passwordConfirmation: "teal kettle under Merw" })).toEqual({
      currentPassword: "required",
      passwordConfirmation: "passwordMismatch",
    });
  });
});
