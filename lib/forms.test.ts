import { describe, expect, it } from "vitest";
import { z } from "zod";
import { signInSchema } from "@/lib/identity/schemas";
import { fieldErrorsOf, validationKeys } from "./forms";

function errorOf(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error("expected the value to be rejected");
  return result.error;
}

describe("fieldErrorsOf", () => {
  it("keeps messages that are validation keys", () => {
    const schema = z.object({
      a: z.string().min(1, "required"),
      b: z.string().email("email"),
      c: z.string().max(2, "tooLong"),
      d: z.string().refine(() => false, "invalid"),
    });
    expect(fieldErrorsOf(errorOf(schema, { a: "", b: "nope", c: "long", d: "x" }))).toEqual({
      a: "required",
      b: "email",
      c: "tooLong",
      d: "invalid",
    });
  });

  it("keeps the intake checks' keys, which a form's comparisons of its fields give", () => {
    const schema = z.object({ dateOfBirth: z.string().refine(() => false, "underage") });
    expect(fieldErrorsOf(errorOf(schema, { dateOfBirth: "2010-01-01" }))).toEqual({ dateOfBirth: "underage" });
  });

  it("maps any other message, including zod's defaults, to 'invalid'", () => {
    const schema = z.object({
      custom: z.string().min(3, "Too short!"),
      typed: z.number(),
      missing: z.string(),
      near: z.string().min(1, "Required"),
    });
    expect(fieldErrorsOf(errorOf(schema, { custom: "x", typed: "1", near: "" }))).toEqual({
      custom: "invalid",
      typed: "invalid",
      missing: "invalid",
      near: "invalid",
    });
  });

  it("joins nested paths with dots", () => {
    const schema = z.object({
      person: z.object({ email: z.string().min(1, "required") }),
      items: z.array(z.object({ name: z.string().max(1, "tooLong") })),
    });
    expect(fieldErrorsOf(errorOf(schema, { person: { email: "" }, items: [{ name: "a" }, { name: "ab" }] }))).toEqual({
      "person.email": "required",
      "items.1.name": "tooLong",
    });
  });

  it("keeps the first error of each field", () => {
    const schema = z.object({
      name: z.string().min(5, "tooLong").max(1, "required"),
    });
    const error = errorOf(schema, { name: "abc" });
    expect(error.issues.map((i) => i.message)).toEqual(["tooLong", "required"]);
    expect(fieldErrorsOf(error)).toEqual({ name: "tooLong" });
  });

  it("keeps the first error even when a later one for the same field is a known key", () => {
    const error = new z.ZodError([
      { code: "custom", path: ["x"], message: "something else", input: "" },
      { code: "custom", path: ["x"], message: "required", input: "" },
    ]);
    expect(fieldErrorsOf(error)).toEqual({ x: "invalid" });
  });

  it("reports errors without a path under 'form'", () => {
    const schema = z
      .object({ a: z.string(), b: z.string() })
      .refine((v) => v.a === v.b, { message: "required" });
    expect(fieldErrorsOf(errorOf(schema, { a: "1", b: "2" }))).toEqual({ form: "required" });
  });

  it("only ever answers validation keys", () => {
    const schema = z.object({ a: z.string().min(10, "whatever"), b: z.boolean(), c: z.string().email("email") });
    for (const key of Object.values(fieldErrorsOf(errorOf(schema, { a: "", b: 1, c: "x" })))) {
      expect(validationKeys).toContain(key);
    }
  });
});

describe("signInSchema", () => {
  it("accepts a valid sign-in and trims the email", () => {
    expect(signInSchema.parse({ email: "  anna@portal.example \n", password: " secret " })).toEqual({
      email: "anna@portal.example",
      password: " secret ",
    });
  });

  it.each([
    [{ email: "", password: "x" }, { email: "required" }],
    [{ email: "   ", password: "x" }, { email: "required" }],
    [{ email: "anna@portal.example", password: "" }, { password: "required" }],
    [{ email: "", password: "" }, { email: "required", password: "required" }],
    [{ email: "not-an-email", password: "x" }, { email: "email" }],
    [{ email: "anna@", password: "x" }, { email: "email" }],
    [{ email: "a b@portal.example", password: "x" }, { email: "email" }],
    [{ email: `${"a".repeat(250)}@x.org`, password: "x" }, { email: "tooLong" }],
    [{ email: "anna@portal.example", password: "p".repeat(257) }, { password: "tooLong" }],
  ])("rejects %j with %j", (input, expected) => {
    expect(fieldErrorsOf(errorOf(signInSchema, input))).toEqual(expected);
  });

  it("accepts the longest allowed password and an email of exactly 254 characters", () => {
    const email = `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(57)}.org`;
    expect(email).toHaveLength(254);
    expect(signInSchema.safeParse({ email, password: "p".repeat(256) }).success).toBe(true);
  });

  it("measures the email's length after trimming", () => {
    const email = `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(57)}.org`;
    expect(signInSchema.safeParse({ email: `  ${email}  `, password: "x" }).success).toBe(true);
  });

  it("rejects missing fields and wrong types without throwing", () => {
    expect(fieldErrorsOf(errorOf(signInSchema, {}))).toEqual({ email: "invalid", password: "invalid" });
    expect(fieldErrorsOf(errorOf(signInSchema, { email: 1, password: null }))).toEqual({ email: "invalid", password: "invalid" });
  });
});
