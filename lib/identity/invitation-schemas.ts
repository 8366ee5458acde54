import { z } from "zod";
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
    if (value.role === "coordinator" && !value.organizationId) {
      ctx.addIssue({ code: "custom", path: ["organizationId"], message: "organizationRequired" });
    }
  });
export type InvitationInput = z.infer<typeof invitationSchema>;

/** What the invitee chooses; the password rules need the invited address. */
export function acceptanceSchema(email?: string) {
  return z
    .object({
      name: z.string().trim().min(1, "required").max(120, "tooLong"),
      preferredLocale: z.enum(["tk", "ru", "en"], "required"),
    })
    .and(newPasswordSchema(email));
}
