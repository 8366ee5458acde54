import { z } from "zod";
import { hasNoNul } from "@/lib/accreditation/schema-fields";
import { interpreterLanguages, meetingDurations } from "@/db/schema/meetings";
import { instantOfAshgabatDateTime } from "@/lib/elections/schemas";

const dayAndTime = z
  .string()
  .trim()
  .refine((v) => v === "" || instantOfAshgabatDateTime(v) !== null, "dateTime");

/** Up to three times as Ashgabat wall-clock "yyyy-mm-ddThh:mm": the first is required, none twice. */
function windowsOf<T extends Record<"window1" | "window2" | "window3", string>>(value: T, ctx: z.RefinementCtx) {
  if (!value.window1) ctx.addIssue({ code: "custom", path: ["window1"], message: "required" });
  const seen = new Set<string>();
  for (const key of ["window1", "window2", "window3"] as const) {
    if (!value[key]) continue;
    if (seen.has(value[key])) ctx.addIssue({ code: "custom", path: [key], message: "windowTwice" });
    seen.add(value[key]);
  }
}

export const windowFields = ["window1", "window2", "window3"] as const;

/**
 * A mission's request for a meeting, on the client and in the Server Action. The rules that need
 * the database (the mission's application, working hours, closed days, the observation window)
 * run on the server (lib/meetings/requests.ts).
 */
export const meetingRequestSchema = z
  .object({
    missionId: z.uuid("choose"),
    topic: z.string().trim().min(1, "required").max(200, "tooLong").refine(hasNoNul, "invalid"),
    agenda: z.string().trim().min(1, "required").max(4000, "tooLong").refine(hasNoNul, "invalid"),
    officialIds: z.array(z.uuid()).max(10).default([]),
    delegationSize: z
      .string()
      .trim()
      .min(1, "required")
      .refine((v) => /^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= 100, "delegationSize"),
    interpreterLanguage: z.enum(interpreterLanguages, "choose"),
    durationMinutes: z.enum(meetingDurations.map(String) as [string, ...string[]], "choose"),
    window1: dayAndTime,
    window2: dayAndTime,
    window3: dayAndTime,
  })
  .superRefine(windowsOf);
export type MeetingRequestInput = z.infer<typeof meetingRequestSchema>;
export const meetingRequestFields = ["missionId", "topic", "agenda", "officialIds", "delegationSize", "interpreterLanguage", "durationMinutes", ...windowFields] as const;

/** The instants of the windows given, in order. */
export function windowInstants(input: Record<(typeof windowFields)[number], string>): { field: (typeof windowFields)[number]; startsAt: Date }[] {
  return windowFields.flatMap((field) => {
    const startsAt = input[field] ? instantOfAshgabatDateTime(input[field]) : null;
    return startsAt ? [{ field, startsAt }] : [];
  });
}

const version = z.coerce.number().int().min(1);
const reasonText = z.string().trim().max(1000, "tooLong").refine(hasNoNul, "invalid");
const reason = reasonText.min(1, "required");

/** Staff confirm one of the meeting's times with a room and officials. */
export const confirmMeetingSchema = z.object({
  meetingId: z.uuid(),
  version,
  windowId: z.uuid("choose"),
  roomId: z.uuid("choose"),
  officialIds: z.array(z.uuid()).max(10).default([]),
});

/**
 * Staff propose one to three other times with a room and officials. Moving a confirmed meeting
 * (`rescheduling`, which the form sets) needs a reason for the mission; the change checks it again.
 */
export const proposeTimesSchema = z
  .object({
    meetingId: z.uuid(),
    version,
    window1: dayAndTime,
    window2: dayAndTime,
    window3: dayAndTime,
    roomId: z.uuid("choose"),
    officialIds: z.array(z.uuid()).max(10).default([]),
    rescheduling: z.enum(["", "1"], "invalid").default(""),
    reason: reasonText.default(""),
  })
  .superRefine((value, ctx) => {
    windowsOf(value, ctx);
    if (value.rescheduling && !value.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "required" });
  });

/** The coordinator's answer to the commission's proposal: accept one time, or decline them all. */
export const answerProposalSchema = z.object({
  meetingId: z.uuid(),
  version,
  intent: z.enum(["accept", "decline"]),
  windowId: z.string().default(""),
});

/** Either side cancels a meeting, saying why. */
export const cancelMeetingSchema = z.object({ meetingId: z.uuid(), version, reason });

/** The coordinator asks for a new time: why, and one to three new preferred times. */
export const askNewTimeSchema = z
  .object({ meetingId: z.uuid(), version, reason, window1: dayAndTime, window2: dayAndTime, window3: dayAndTime })
  .superRefine(windowsOf);

export const meetingOutcomes = ["held", "not_held"] as const;

/** After the meeting, staff say whether it was held and keep who took part and the internal minutes. */
export const meetingRecordSchema = z.object({
  meetingId: z.uuid(),
  version,
  outcome: z.enum(meetingOutcomes, "choose"),
  participants: z.string().trim().max(4000, "tooLong").refine(hasNoNul, "invalid"),
  minutes: z.string().trim().max(20000, "tooLong").refine(hasNoNul, "invalid"),
});
export type MeetingRecordInput = z.infer<typeof meetingRecordSchema>;

const summaryText = z.string().trim().min(1, "required").max(3000, "tooLong").refine(hasNoNul, "invalid");

/** The public summary of a held meeting, in all three languages. */
export const meetingSummarySchema = z.object({ meetingId: z.uuid(), version, summaryTk: summaryText, summaryRu: summaryText, summaryEn: summaryText });
export type MeetingSummaryInput = z.infer<typeof meetingSummarySchema>;

/** Withdrawing a published summary names only the meeting. */
export const withdrawSummarySchema = z.object({ meetingId: z.uuid(), version });
