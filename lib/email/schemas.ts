import { z } from "zod";
import { emailStatuses } from "@/db/schema/email";

/**
 * The Outbox page's filters, read from the URL. They only narrow a list, so a value that makes
 * no sense (a status that does not exist) is dropped rather than refused.
 */
export const outboxFiltersSchema = z.object({
  status: z.enum(emailStatuses).optional().catch(undefined),
  recipient: z
    .string()
    .trim()
    .max(254)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
});
export type OutboxFilters = z.infer<typeof outboxFiltersSchema>;

/** Outbox ids are UUIDs; anything else in the URL is a page that does not exist. */
export const outboxEmailIdSchema = z.uuid();
