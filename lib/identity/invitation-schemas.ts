import { z } from "zod";
import { hasNoNul } from "@/lib/accreditation/schema-fields";
import { newPasswordSchema } from "./password-rules";

export const invitableRoles = ["coordinator", "reviewer", "admin"] as const;

export const invitationSchema = z
  .object({
    email: z.string().trim().min(1, "required").max(254, "tooLong").pipe(z.email("email")),
    role: z.enum(invitableRoles, "required"),
    organizationId: z.string().trim().optional(),
    locale: z.enum(["tk", "ru", "en"], "required"),
  })
  .superRefine((value, ctx) => {
    // A coordinator acts for exactly one organization; anything but an organization's id is refused here, before a query.
    if (value.role === "coordinator" && !z.uuid().safeParse(value.organizationId).success) {
      ctx.addIssue({ code: "custom", path: ["organizationId"], message: "organizationRequired" });
    }
  });
export type InvitationInput = z.infer<typeof invitationSchema>;

/** What the invitee chooses; the password rules need the invited address. */
export function acceptanceSchema(email?: string) {
  return z
    .object({
      name: z.string().trim().min(1, "required").max(120, "tooLong").refine(hasNoNul, "invalid"),
      preferredLocale: z.enum(["tk", "ru", "en"], "required"),
    })
    .and(newPasswordSchema(email));
}
