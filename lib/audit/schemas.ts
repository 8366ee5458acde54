import { z } from "zod";
import { hasNoNul } from "@/lib/accreditation/schema-fields";
import { isCalendarDay } from "@/lib/dates";
import { auditActions } from "./actions";

/** An empty field of the filter form means "any". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

/**
 * The audit log's filters, from the GET form on the page. An entity ID is searched only with its
 * type, because the index on entities starts with the type.
 */
export const auditFiltersSchema = z
  .object({
    actor: optional(z.string().trim().max(254, "tooLong").pipe(z.email("email"))),
    action: optional(z.enum(auditActions, "invalid")),
    entityType: optional(z.string().trim().max(100, "tooLong").refine(hasNoNul, "invalid")),
    entityId: optional(z.string().trim().max(200, "tooLong").refine(hasNoNul, "invalid")),
    from: optional(z.string().refine(isCalendarDay, "invalid")),
    to: optional(z.string().refine(isCalendarDay, "invalid")),
  })
  .superRefine((f, ctx) => {
    if (f.entityId && !f.entityType) ctx.addIssue({ code: "custom", path: ["entityType"], message: "entityTypeWithId" });
    if (f.from && f.to && f.to < f.from) ctx.addIssue({ code: "custom", path: ["to"], message: "endBeforeStart" });
  });

export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export const auditFilterFields = ["actor", "action", "entityType", "entityId", "from", "to"] as const;
export type AuditFilterField = (typeof auditFilterFields)[number];

/** The form's values from untrusted search parameters: the first of each, "" when absent. */
export function auditFilterInput(unverified: Record<string, string | string[] | undefined>): Record<AuditFilterField, string> {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  const entries = auditFilterFields.map((field) => [field, first(unverified[field])] as const);
  return Object.fromEntries(entries) as Record<AuditFilterField, string>;
}
