import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorsOf } from "@/lib/forms";
import en from "@/messages/en.json";
import { fieldsOf, formSchemas } from "./form-schemas";
import { hostileForm, hostileString, hostileValue } from "./hostile-input";

const RUNS = 1_000;

const validationMessages = new Set(Object.keys(en.validation));

/**
 * Inputs no person types: ids, versions and choices the page itself fills in, and a checkbox. Only a
 * hand-made request gets them wrong, and "invalid" (what fieldErrorsOf makes of zod's own message) is
 * the right answer there.
 */
const filledInByThePage = new Set([
  "userId", "operation", "meetingId", "version", "windowId", "roomId", "officialIds", "versionId", "revision",
  "intent", "format", "locale", "election", "organization", "region", "role", "publishObserverNames",
]);
/** Schemas of values no person types (a checkbox's value, an id in a URL), or whose page words its own messages (verify). */
const withoutTypedFields = new Set(["seenObserverSchema", "outboxEmailIdSchema", "lookupFormSchema"]);

/**
 * Schemas whose text never reaches a table, so NUL may pass them: searches (containsPattern drops
 * it) and a password (only its hash is stored).
 */
const nulNeverStored = new Set(["accountFiltersSchema", "electionSearchSchema", "outboxFiltersSchema", "organizationSearchSchema", "existingAccountSchema"]);

/** What a form shows for a refused input: one message per known field, each a translated validation message. */
function expectTranslatedRefusal(error: z.ZodError, fields: string[]) {
  for (const [field, key] of Object.entries(fieldErrorsOf(error))) {
    expect(validationMessages, `${field}: ${key}`).toContain(key);
    if (fields.length > 0) expect([...fields, "form"], field).toContain(field.split(".")[0]);
  }
}

describe.each(formSchemas)("%s, given 1,000 hostile inputs", (name, schema) => {
  const fields = fieldsOf(schema);
  const parse = (input: unknown) => {
    const result = schema.safeParse(input);
    if (!result.success) expectTranslatedRefusal(result.error, fields);
  };

  it("answers every form a browser could post with translated field messages, or success without NUL", () => {
    // Only strings, as FormData gives them: a field a person types must get a message the schema chose, not zod's default.
    const input = fields.length > 0 ? hostileForm(fields, hostileString) : hostileString;
    fc.assert(
      fc.property(input, (value) => {
        const result = schema.safeParse(value);
        // PostgreSQL text cannot hold NUL: storing what a schema let through would fail with a 500.
        if (result.success) return void (nulNeverStored.has(name) || expect(JSON.stringify(result.data) ?? "", "NUL passed the schema").not.toContain("\\u0000"));
        expectTranslatedRefusal(result.error, fields);
        if (withoutTypedFields.has(name)) return;
        for (const issue of result.error.issues) {
          if (filledInByThePage.has(String(issue.path[0]))) continue;
          expect(validationMessages, `${issue.path.join(".")}: ${issue.message}`).toContain(issue.message);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("never throws on values of the wrong type, and refuses them with translated messages", () => {
    const input = fields.length > 0 ? fc.oneof(hostileForm(fields, hostileValue, true), hostileValue) : hostileValue;
    fc.assert(fc.property(input, (value) => void parse(value)), { numRuns: RUNS });
  });
});
