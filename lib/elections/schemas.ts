import { z } from "zod";
import { hasNoNul } from "@/lib/accreditation/schema-fields";
import { electionStatuses, electionTypes } from "@/db/schema/elections";
import { ashgabatInstant, isCalendarDay } from "@/lib/dates";
import { calendarProblems, type ElectionCalendar } from "./rules";

const DAY_AND_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;

/** The instant of an Ashgabat wall-clock "yyyy-mm-ddThh:mm" (a datetime-local field), or null. */
export function instantOfAshgabatDateTime(value: string): Date | null {
  const match = DAY_AND_TIME.exec(value);
  if (!match || !isCalendarDay(match[1]!)) return null;
  const [hours, minutes] = match[2]!.split(":").map(Number);
  if (hours! > 23 || minutes! > 59) return null;
  return ashgabatInstant(match[1]!, match[2]!);
}

const day = z.string().trim().min(1, "required").refine(isCalendarDay, "date");
const dayAndTime = z
  .string()
  .trim()
  .min(1, "required")
  .refine((v) => instantOfAshgabatDateTime(v) !== null, "dateTime");
const title = z.string().trim().min(1, "required").max(300, "tooLong").refine(hasNoNul, "invalid");

/** The calendar of whatever the form holds, leaving out fields that are not valid yet. */
function calendarOf(unverified: Record<string, unknown>): ElectionCalendar {
  const text = (key: string) => (typeof unverified[key] === "string" ? (unverified[key] as string).trim() : "");
  const dayOf = (key: string) => (isCalendarDay(text(key)) ? text(key) : undefined);
  const instantOf = (key: string) => instantOfAshgabatDateTime(text(key)) ?? undefined;
  return {
    electionDay: dayOf("electionDay"),
    accreditationOpensAt: instantOf("accreditationOpensAt"),
    accreditationClosesAt: instantOf("accreditationClosesAt"),
    observationStartsOn: dayOf("observationStartsOn"),
    observationEndsOn: dayOf("observationEndsOn"),
  };
}

/**
 * The election form, on the client and in the Server Action. Accreditation times are Ashgabat
 * wall-clock times ("yyyy-mm-ddThh:mm"). The calendar rules run even while other fields are
 * wrong, so every problem shows at once. The code's uniqueness is checked on the server.
 */
export const electionSchema = z
  .object({
    code: z.string().trim().toUpperCase().min(1, "required").max(16, "tooLong").regex(/^[A-Z0-9-]+$/, "electionCode"),
    type: z.enum(electionTypes, "choose"),
    titleTk: title,
    titleRu: title,
    titleEn: title,
    electionDay: day,
    accreditationOpensAt: dayAndTime,
    accreditationClosesAt: dayAndTime,
    observationStartsOn: day,
    observationEndsOn: day,
    /** Working days the commission has to decide after each submission (1 to 60). */
    decisionWorkingDays: z
      .string()
      .trim()
      .min(1, "required")
      .refine((v) => /^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 60, "workingDays"),
    status: z.enum(electionStatuses, "choose"),
    /** A ticked box posts "yes"; react-hook-form gives true or false. */
    publishObserverNames: z.union([z.literal("yes"), z.literal(""), z.boolean()]).optional(),
  })
  .superRefine(
    (value, ctx) => {
      for (const problem of calendarProblems(calendarOf(value))) {
        ctx.addIssue({ code: "custom", path: [problem.field], message: problem.key });
      }
    },
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  );
export type ElectionInput = z.infer<typeof electionSchema>;

export const electionFields = [
  "code",
  "type",
  "titleTk",
  "titleRu",
  "titleEn",
  "electionDay",
  "accreditationOpensAt",
  "accreditationClosesAt",
  "observationStartsOn",
  "observationEndsOn",
  "decisionWorkingDays",
  "status",
  "publishObserverNames",
] as const;

/** Whether the form asks the public register to list observers by name. */
export const observerNamesPublished = (input: Pick<ElectionInput, "publishObserverNames">) =>
  input.publishObserverNames === "yes" || input.publishObserverNames === true;

/** The list's status filter: all, drafts or published. */
export const electionStatusFilterSchema = z.enum(electionStatuses).optional().catch(undefined);
/** The admin list's "code or title" search: anything unusable simply searches for nothing. */
export const electionSearchSchema = z.string().trim().max(100).optional().catch(undefined).transform((text) => text || undefined);
