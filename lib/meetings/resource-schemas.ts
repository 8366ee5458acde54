import { z } from "zod";
import { hasNoNul } from "@/lib/accreditation/schema-fields";
import { isCalendarDay } from "@/lib/dates";

const text = z.string().trim().min(1, "required").max(300, "tooLong").refine(hasNoNul, "invalid");
/** A checkbox: true in the browser's form state, "on" when a ticked box is posted (absent otherwise). */
const ticked = z.union([z.boolean(), z.string()]).transform((v) => v === true || v === "on");

/** An official of the commission, on the client and in the Server Action. */
export const officialSchema = z.object({
  nameTk: text,
  nameRu: text,
  nameEn: text,
  positionTk: text,
  positionRu: text,
  positionEn: text,
  active: ticked,
});
export type OfficialInput = z.infer<typeof officialSchema>;
export const officialFields = ["nameTk", "nameRu", "nameEn", "positionTk", "positionRu", "positionEn", "active"] as const;

/** A meeting room. */
export const roomSchema = z.object({
  nameTk: text,
  nameRu: text,
  nameEn: text,
  capacity: z
    .string()
    .trim()
    .min(1, "required")
    .refine((v) => /^\d{1,4}$/.test(v) && Number(v) >= 1 && Number(v) <= 1000, "roomCapacity"),
  active: ticked,
});
export type RoomInput = z.infer<typeof roomSchema>;
export const roomFields = ["nameTk", "nameRu", "nameEn", "capacity", "active"] as const;

export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const clock = z.string().trim().refine((v) => v === "" || TIME.test(v), "timeFormat");

/**
 * The working week: for each ISO weekday an opening and a closing time (hh:mm, Ashgabat), both
 * empty for a closed day. Fields are named opens1…opens7 and closes1…closes7.
 */
export const workingHoursSchema = z
  .object(Object.fromEntries(weekdays.flatMap((d) => [[`opens${d}`, clock], [`closes${d}`, clock]])) as Record<`opens${number}` | `closes${number}`, typeof clock>)
  .superRefine((value, ctx) => {
    for (const d of weekdays) {
      const opens = value[`opens${d}`] ?? "";
      const closes = value[`closes${d}`] ?? "";
      if (!TIME.test(opens) && opens !== "") continue;
      if (!TIME.test(closes) && closes !== "") continue;
      if ((opens === "") !== (closes === "")) ctx.addIssue({ code: "custom", path: [opens ? `closes${d}` : `opens${d}`], message: "bothTimesOrNone" });
      else if (opens && closes <= opens) ctx.addIssue({ code: "custom", path: [`closes${d}`], message: "closesBeforeOpens" });
    }
  });
export type WorkingHoursInput = z.infer<typeof workingHoursSchema>;
export const workingHoursFields = weekdays.flatMap((d) => [`opens${d}`, `closes${d}`]);

/** A day the commission is closed, with its reason in the three languages. */
export const closedDaySchema = z.object({
  day: z.string().trim().min(1, "required").refine(isCalendarDay, "date"),
  reasonTk: text,
  reasonRu: text,
  reasonEn: text,
});
export type ClosedDayInput = z.infer<typeof closedDaySchema>;
export const closedDayFields = ["day", "reasonTk", "reasonRu", "reasonEn"] as const;
