import { z } from "zod";
import { routing } from "@/i18n/routing";
import { observerSchema } from "../observer-schema";
import { requiredChoice, requiredText } from "../schema-fields";
import { decisionReasons, deploymentRegions, observerRoles } from "../vocabulary";

/** The commission's words that the coordinator reads: a comment, a reason. */
export const reviewCommentSchema = z.object({ comment: requiredText(4000) });

/** A refusal or a revocation: a reason from the list, and the reviewer's explanation. */
export const observerReasonSchema = z.object({ reasonCode: requiredChoice(decisionReasons), reason: requiredText(1000) });

export const rejectionSchema = z.object({ reason: requiredText(2000) });

/** "id:version" as each row's checkbox sends it: the observer and the version the reviewer saw. */
export const seenObserverSchema = z
  .string()
  .regex(/^[0-9a-f-]{36}:\d{1,9}$/i)
  .transform((value) => {
    const [observerId, version] = value.split(":");
    return { observerId: observerId!, version: Number(version) };
  });

/** An empty field of a GET form means "any". */
const anyWhenEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

/**
 * What an export of accredited observers is filtered by, from the staff page's GET form: the
 * election is required, the organization, deployment region and role narrow it down.
 */
export const exportFiltersSchema = z.object({
  election: z.string({ error: "required" }).min(1, "required").pipe(z.uuid({ error: "choose" })),
  organization: anyWhenEmpty(z.uuid({ error: "choose" })),
  region: anyWhenEmpty(z.enum(deploymentRegions, { error: "choose" })),
  role: anyWhenEmpty(z.enum(observerRoles, { error: "choose" })),
});
export const exportFilterFields = ["election", "organization", "region", "role"] as const;

export const exportFormats = ["xlsx", "csv"] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** The download's query: the filters, the file's format and language, and nothing else. */
export const exportRequestSchema = z.strictObject({
  ...exportFiltersSchema.shape,
  format: z.enum(exportFormats),
  locale: z.enum(routing.locales),
});

/** A staff correction of an accredited observer's name: the same rules as the coordinator's form. */
export const observerCorrectionSchema = observerSchema.pick({ surname: true, givenNames: true, cyrillicName: true });
export type ObserverCorrection = z.output<typeof observerCorrectionSchema>;
