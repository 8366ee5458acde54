import { z } from "zod";
import { hasNoNul } from "@/lib/accreditation/schema-fields";
import { instantOfAshgabatDateTime } from "@/lib/elections/schemas";
import { originalLanguages, statementKinds, statementLanguages, type StatementLanguage } from "./vocabulary";

const title = z.string().trim().max(300, "tooLong").refine(hasNoNul, "invalid");
const body = z.string().max(200_000, "tooLong").refine(hasNoNul, "invalid");

/** The fields of a translation into one portal language: both empty (none) or both filled. */
export const translationFields = (language: StatementLanguage) => ({ title: `${language}Title`, body: `${language}Body` }) as const;

/**
 * The statement form, on the client and in the Server Action: the original (language, title,
 * Markdown body), optional translations into the portal languages, and an optional embargo as
 * Ashgabat wall-clock time. The mission is checked on the server (approved, the coordinator's).
 */
export const statementDraftSchema = z
  .object({
    missionId: z.string().trim().min(1, "choose"),
    kind: z.enum(statementKinds, "choose"),
    originalLanguage: z.enum(originalLanguages, "choose"),
    otherLanguageName: z.string().trim().max(60, "tooLong").refine(hasNoNul, "invalid"),
    title: title.min(1, "required"),
    body: body.refine((v) => v.trim().length > 0, "required"),
    embargoAt: z
      .string()
      .trim()
      .refine((v) => v === "" || instantOfAshgabatDateTime(v) !== null, "dateTime"),
    tkTitle: title,
    tkBody: body,
    ruTitle: title,
    ruBody: body,
    enTitle: title,
    enBody: body,
  })
  .superRefine((form, ctx) => {
    if (form.originalLanguage === "other" && !form.otherLanguageName) ctx.addIssue({ code: "custom", path: ["otherLanguageName"], message: "required" });
    for (const language of statementLanguages) {
      const fields = translationFields(language);
      const hasTitle = form[fields.title].length > 0;
      const hasBody = form[fields.body].trim().length > 0;
      if (!hasTitle && !hasBody) continue;
      if (language === form.originalLanguage) ctx.addIssue({ code: "custom", path: [fields.title], message: "translationOfOriginal" });
      else if (!hasTitle) ctx.addIssue({ code: "custom", path: [fields.title], message: "required" });
      else if (!hasBody) ctx.addIssue({ code: "custom", path: [fields.body], message: "required" });
    }
  });

export type StatementDraftInput = z.infer<typeof statementDraftSchema>;
export const statementDraftFields = Object.keys(statementDraftSchema.shape) as (keyof StatementDraftInput)[];

/** The words of a draft as rows: the original first, then each translation given. */
export function textsOf(input: StatementDraftInput) {
  const original = { language: input.originalLanguage, isOriginal: true, title: input.title, body: input.body };
  const translations = statementLanguages
    .filter((language) => language !== input.originalLanguage && input[translationFields(language).title].length > 0)
    .map((language) => ({ language, isOriginal: false, title: input[translationFields(language).title], body: input[translationFields(language).body] }));
  return [original, ...translations];
}

/** The embargo instant of a valid form, or null when none was given. */
export const embargoOf = (input: Pick<StatementDraftInput, "embargoAt">) => (input.embargoAt ? instantOfAshgabatDateTime(input.embargoAt) : null);

/** Staff's decision on a submitted version: the revision they read, and a reason when they return it. */
export const publishDecisionSchema = z.object({
  versionId: z.string().trim().min(1, "invalid").refine(hasNoNul, "invalid"),
  revision: z.coerce.number().int().min(1, "invalid"),
});
export const returnDecisionSchema = publishDecisionSchema.extend({
  reason: z.string().trim().min(1, "required").max(2000, "tooLong").refine(hasNoNul, "invalid"),
});
