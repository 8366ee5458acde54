import fc from "fast-check";

/**
 * Inputs a form field must survive: what a browser can send (any string, however long or odd) and what
 * a hand-made request can send instead (numbers, arrays, objects where a string is expected).
 * Shared by the schema properties (test/form-schemas.property.test.ts) and the HTTP fuzzer (scripts/fuzz-http.ts).
 */

/** Characters that break naive length checks, comparisons, rendering or database encodings. */
const awkwardCharacters = [
  "\u202E", // right-to-left override
  "\u200F", // right-to-left mark
  "\u200D", // zero-width joiner
  "\u200B", // zero-width space
  "\uFEFF", // byte order mark
  "\u0301", // combining acute accent
  "\u0000", // NUL, refused by PostgreSQL text
  "\uD800", // lone high surrogate
  "\uDC00", // lone low surrogate
  "\u{1F469}\u200D\u{1F469}\u200D\u{1F467}", // a family emoji joined by ZWJ
  "\u0131", // dotless i, which upper-cases to an ASCII I
  "\uFF10", // full-width zero
  "\r\n",
  "\t",
  "%00",
  "'",
  '"',
  "<script>",
  "${",
  "../",
];

/** Values that look like numbers or dates but are not what a parser expects. */
const trickyLiterals = [
  "",
  " ",
  "0000-00-00",
  "2026-02-29",
  "9999-12-31T23:59",
  "1e309",
  "-1e309",
  "NaN",
  "Infinity",
  "-0",
  "0x10",
  "１２",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "9007199254740993",
  "-9223372036854775809",
];

const awkwardCharacter = fc.constantFrom(...awkwardCharacters);

/** A string a browser could send: short or huge, made of ordinary and awkward characters. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...trickyLiterals) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.oneof(fc.string({ unit: "binary", minLength: 1, maxLength: 1 }), awkwardCharacter), maxLength: 60 }) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...trickyLiterals), awkwardCharacter, fc.string({ maxLength: 10 })).map((parts) => parts.join("")) },
  // Just over the usual limits, and over the largest (a statement body's 200,000); repeated so generation stays cheap.
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("a", "\u0301", "\u202E", "é", "\u{1F600}"), fc.constantFrom(201, 1_001, 4_001, 200_001)).map(([unit, count]) => unit.repeat(count)) },
);

/** Any value a hand-made request could carry where a string is expected. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  fc.constantFrom(null, undefined, true, false, 0, -0, Number.NaN, Number.POSITIVE_INFINITY, 1e308, Number.MAX_SAFE_INTEGER + 2),
  fc.double(),
  fc.bigInt(),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), hostileString, { maxKeys: 3 }),
  fc.date({ noInvalidDate: false }),
);

/**
 * A form's fields filled with hostile values. A browser posts every field of the form and nothing else;
 * a hand-made request (`handMade`) may leave any out and add stray ones.
 */
export function hostileForm<Value>(fields: readonly string[], value: fc.Arbitrary<Value>, handMade = false): fc.Arbitrary<Partial<Record<string, Value>>> {
  const form = fc.record(Object.fromEntries(fields.map((field) => [field, value])), handMade ? { requiredKeys: [] } : {});
  if (!handMade) return form;
  const stray = fc.dictionary(fc.constantFrom("__proto__", "constructor", "extra", "$ACTION_ID"), value, { maxKeys: 2 });
  return fc.tuple(form, stray).map(([known, unknown]) => ({ ...unknown, ...known }));
}
