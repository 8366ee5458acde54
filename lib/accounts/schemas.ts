import { z } from "zod";

const userId = z.string().trim().min(1).max(64);

/** The hidden fields of an account action's form on the staff list: whose account, and what to do. */
export const staffAccountActionSchema = z.object({
  userId,
  operation: z.enum(["disable", "enable", "resetSecondFactor", "makeAdmin", "makeReviewer"]),
});

/** The same on coordinator lists: coordinators' second factors are their own business. */
export const coordinatorAccountActionSchema = z.object({ userId, operation: z.enum(["disable", "enable"]) });

export type AccountOperation = z.infer<typeof staffAccountActionSchema>["operation"];

export const accountStatusFilters = ["active", "disabled"] as const;

/** The account lists' filters, read from untrusted search parameters. */
export const accountFiltersSchema = z.object({
  q: z.string().trim().max(100).catch(""),
  status: z.enum(accountStatusFilters).optional().catch(undefined),
  organization: z.uuid().optional().catch(undefined),
});
export type AccountFilters = z.infer<typeof accountFiltersSchema>;

/** The filters in force, for the sorting and paging links to keep. */
export function accountFilterParams(filters: AccountFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])));
}

export type AccountOutcome = "disabled" | "enabled" | "secondFactorReset" | "madeAdmin" | "madeReviewer" | "unchanged";
export type AccountError = "self" | "notFound" | "notEnrolled";

/** What an account action answers; the row's form shows it (the list itself is refreshed). */
export type AccountActionState = { status: "idle" } | { status: "done"; outcome: AccountOutcome } | { status: "error"; error: AccountError };
