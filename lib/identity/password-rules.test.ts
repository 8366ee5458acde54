import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/forms";
import { isCommonPassword } from "./common-passwords";
import { containsEmailName, newPasswordSchema } from "./password-rules";

const errorsOf = (password: string, passwordConfirmation = password, email?: string) => {
  const parsed = newPasswordSchema(email).safeParse({ password, passwordConfirmation });
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
};

describe("password rules", () => {
  it("needs at least 12 characters", () => {
    expect(errorsOf("elevenchars")).toEqual({ password: "passwordTooShort" });
    expect(errorsOf("twelve chars")).toEqual({});
  });

  it("refuses a password containing the name part of the email, whatever its case", () => {
    expect(errorsOf("my Kowalska password", undefined, "kowalska@osce.example")).toEqual({ password: "passwordContainsEmail" });
    expect(errorsOf("a fine long passphrase", undefined, "kowalska@osce.example")).toEqual({});
    // Very short name parts would forbid too much.
    expect(containsEmailName("xy is here and long", "xy@example.org")).toBe(false);
  });

  it("reports a confirmation that does not match at the confirmation field", () => {
    expect(errorsOf("a fine long passphrase", "a fine long passphrasE")).toEqual({ passwordConfirmation: "passwordMismatch" });
  });

  it("knows common passwords, case-insensitively", () => {
    expect(isCommonPassword("password1234")).toBe(true);
    expect(isCommonPassword("QWERTYUIOP")).toBe(true);
    expect(isCommonPassword("teal kettle under Merv")).toBe(false);
  });
});
