import { z } from "zod";
import { isCountryCode } from "./countries";
import { isCalendarDay } from "@/lib/dates";

/**
 * Field builders shared by the accreditation schemas. Every input is a string, as a form or a
 * spreadsheet cell gives it; messages are keys of the `validation` namespace.
 */

/** A letter of the Latin script, accented ones included (é, ş, ž, ø, ß…). */
const LATIN_LETTER = String.raw`(?:(?=\p{L})\p{Script=Latin})\p{M}*`;
const CYRILLIC_LETTER = String.raw`(?:(?=\p{L})\p{Script=Cyrillic})\p{M}*`;

/** Words of letters joined by single spaces, hyphens or apostrophes: "O'Neill", "Smith-Jones", "van der Berg". */
function namePattern(letter: string) {
  return new RegExp(String.raw`^(?:${letter})+(?:[ '-](?:${letter})+)*$`, "u");
}
export const latinNamePattern = namePattern(LATIN_LETTER);
export const cyrillicNamePattern = namePattern(CYRILLIC_LETTER);

/** One spelling of a typed name: composed accents (and no full-width forms), straight apostrophes, single spaces. */
export function cleanName(value: string): string {
  return value
    .normalize("NFKC")
    .replace(/[’ʼ`´]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

/** PostgreSQL text cannot hold NUL: a field with one is refused, or storing it would fail (a 500). */
export const hasNoNul = (value: string) => !value.includes("\u0000");

export function requiredText(maxLength: number) {
  return z.string({ error: "required" }).trim().min(1, "required").max(maxLength, "tooLong").refine(hasNoNul, "invalid");
}

export function requiredLatinName(maxLength: number) {
  return z
    .string({ error: "required" })
    .transform(cleanName)
    .pipe(z.string().min(1, "required").max(maxLength, "tooLong").regex(latinNamePattern, "latinOnly"));
}

export function optionalCyrillicName(maxLength: number) {
  return z
    .string()
    .optional()
    .transform((value) => cleanName(value ?? ""))
    .pipe(
      z
        .string()
        .max(maxLength, "tooLong")
        .refine((value) => value === "" || cyrillicNamePattern.test(value), "cyrillicOnly"),
    )
    .transform((value) => value || undefined);
}

export function requiredChoice<const Values extends readonly [string, ...string[]]>(values: Values) {
  return z
    .string({ error: "required" })
    .trim()
    .min(1, "required")
    .pipe(z.enum(values, { error: "invalid" }));
}

/** One or more distinct choices, e.g. deployment regions ticked in a list of checkboxes. */
export function choices<const Values extends readonly [string, ...string[]]>(values: Values) {
  return z
    .array(z.enum(values, { error: "invalid" }), { error: "chooseAtLeastOne" })
    .min(1, "chooseAtLeastOne")
    .transform((list) => [...new Set(list)]);
}

export function isoDate() {
  return z
    .string({ error: "required" })
    .trim()
    .min(1, "required")
    .refine(isCalendarDay, "dateFormat");
}

export function countryCode() {
  return z
    .string({ error: "required" })
    .trim()
    .min(1, "required")
    .transform((value) => value.toUpperCase())
    .refine(isCountryCode, "countryCode");
}

/** Passport numbers are compared as printed without spaces and in capitals. */
export function normalizePassportNumber(value: string): string {
  // NUL too: a search term is compared as a passport number, and PostgreSQL refuses NUL in text.
  return value.replace(/[\s\u0000]+/g, "").toUpperCase();
}

export function passportNumber() {
  return z
    .string({ error: "required" })
    .transform(normalizePassportNumber)
    .pipe(z.string().min(1, "required").regex(/^[A-Z0-9]{5,20}$/, "passportFormat"));
}

export function requiredEmail() {
  return z.string({ error: "required" }).trim().min(1, "required").max(254, "tooLong").pipe(z.email("email"));
}

export function optionalEmail() {
  return z
    .string()
    .optional()
    .transform((value) => (value ?? "").trim())
    .pipe(
      z
        .string()
        .max(254, "tooLong")
        .refine((value) => value === "" || z.email().safeParse(value).success, "email"),
    )
    .transform((value) => value || undefined);
}

/**
 * An international number: "+" (or "00"), country code, subscriber number; spaces, dots, dashes
 * and brackets are dropped ("+993 (12) 34-56-78" → "+99312345678").
 */
export function phoneNumber() {
  return z
    .string({ error: "required" })
    .transform((value) => value.replace(/[\s().-]/g, "").replace(/^00/, "+"))
    .pipe(z.string().min(1, "required").regex(/^\+[1-9]\d{6,14}$/, "phoneFormat"));
}
