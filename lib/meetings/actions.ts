"use server";

import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { formatInstant } from "@/lib/i18n/format";
import { fieldErrorsOf, type FormState } from "@/lib/forms";
import { localeFromForm } from "@/lib/i18n/locale";
import { can } from "@/lib/identity/permissions";
import { authorizeAction, authorizeSignedIn } from "@/lib/identity/session";
import { clientIp } from "@/lib/request-context";
import { refreshPublicPages } from "@/lib/public/cache";
import { createFeedAddress } from "./feed";
import { publishMeetingSummary, recordMeetingOutcome, withdrawMeetingSummary } from "./outcome";
import { requestMeeting } from "./requests";
import { acceptProposal, askForNewTime, cancelMeeting, confirmMeeting, declineProposal, proposeTimes, type SchedulingRefusal } from "./scheduling";
import {
  answerProposalSchema,
  askNewTimeSchema,
  cancelMeetingSchema,
  meetingRecordSchema,
  meetingSummarySchema,
  withdrawSummarySchema,
  confirmMeetingSchema,
  meetingRequestFields,
  meetingRequestSchema,
  proposeTimesSchema,
  windowFields,
  windowInstants,
} from "./schemas";

/** A coordinator's request for a meeting; on success, the meeting's page. */
export async function requestMeetingAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await authorizeAction("request:meetings");
  const locale = localeFromForm(formData);
  const unverified = Object.fromEntries(meetingRequestFields.filter((f) => f !== "officialIds").map((f) => [f, String(formData.get(f) ?? "").slice(0, 5000)]));
  const unverifiedOfficials = formData.getAll("officialIds").map(String).slice(0, 20);
  const parsed = meetingRequestSchema.safeParse({ ...unverified, officialIds: unverifiedOfficials });
  const sent = { ...unverified, officialIds: unverifiedOfficials.join(",") };
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values: sent };
  const result = await requestMeeting(actor, parsed.data, await clientIp());
  if (!result.ok) return { status: "error", fieldErrors: result.fieldErrors, values: sent };
  return redirect({ href: { pathname: `/portal/meetings/${result.id}`, query: { notice: "requested" } }, locale });
}

/** What a scheduling form shows when the change was refused: field errors, or a sentence for the whole form. */
async function refusalState(result: SchedulingRefusal, locale: Locale, values: Record<string, string>): Promise<FormState> {
  const t = await getTranslations({ locale, namespace: "meetings.refusals" });
  if (result.reason === "badTime") {
    return { status: "error", fieldErrors: Object.fromEntries(result.problems.map((p) => [windowFields[p.index]!, p.problem])), values };
  }
  if (result.reason === "conflict") {
    const conflicts = result.conflicts.map((c) => t("conflict", { resource: c.resource, topic: c.topic, time: formatInstant(c.startsAt, locale) }));
    return { status: "error", fieldErrors: {}, formError: [...new Set(conflicts)].join(" "), values };
  }
  if (result.reason === "notFound") notFound();
  if (result.reason === "reasonRequired") return { status: "error", fieldErrors: { reason: "required" }, values };
  return { status: "error", fieldErrors: {}, formError: t(result.reason), values };
}

function schedulingValues(formData: FormData) {
  const fields = ["meetingId", "version", "windowId", "roomId", "intent", "rescheduling", ...windowFields];
  const values = Object.fromEntries(fields.map((f) => [f, String(formData.get(f) ?? "").slice(0, 100)]));
  // A reason is kept whole, so the schema can name one that is too long.
  const reason = String(formData.get("reason") ?? "").slice(0, 2000);
  return { values: { ...values, reason }, officialIds: formData.getAll("officialIds").map(String).slice(0, 20) };
}

function backToMeeting(pathname: string, meetingId: string, notice: string, locale: Locale): never {
  return redirect({ href: { pathname: `${pathname}/${meetingId}`, query: { notice } }, locale });
}

export async function confirmMeetingAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await authorizeAction("schedule:meetings");
  const locale = localeFromForm(formData);
  const { values, officialIds } = schedulingValues(formData);
  const parsed = confirmMeetingSchema.safeParse({ ...values, officialIds });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
  const { meetingId, version, windowId, ...resources } = parsed.data;
  const result = await confirmMeeting(actor, meetingId, version, windowId, resources, await clientIp(), locale);
  if (!result.ok) return refusalState(result, locale, values);
  return backToMeeting("/commission/meetings", meetingId, "confirmed", locale);
}

export async function proposeTimesAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await authorizeAction("schedule:meetings");
  const locale = localeFromForm(formData);
  const { values, officialIds } = schedulingValues(formData);
  const parsed = proposeTimesSchema.safeParse({ ...values, officialIds });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
  const { meetingId, version, roomId } = parsed.data;
  const times = windowInstants(parsed.data).map((w) => w.startsAt);
  const result = await proposeTimes(actor, meetingId, version, times, { roomId, officialIds: parsed.data.officialIds }, await clientIp(), locale, parsed.data.reason);
  if (!result.ok) return refusalState(result, locale, values);
  return backToMeeting("/commission/meetings", meetingId, "proposed", locale);
}

export async function answerProposalAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await authorizeAction("request:meetings");
  const locale = localeFromForm(formData);
  const { values } = schedulingValues(formData);
  const parsed = answerProposalSchema.safeParse(values);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
  const { meetingId, version, intent, windowId } = parsed.data;
  if (intent === "accept" && !windowId) return { status: "error", fieldErrors: { windowId: "choose" }, values };
  const ip = await clientIp();
  const result = intent === "accept" ? await acceptProposal(actor, meetingId, version, windowId, ip) : await declineProposal(actor, meetingId, version, ip);
  if (!result.ok) return refusalState(result, locale, values);
  return backToMeeting("/portal/meetings", meetingId, intent === "accept" ? "accepted" : "declined", locale);
}

/** Either side cancels: a coordinator their organization's meeting, staff any. */
export async function cancelMeetingAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const staff = can((await authorizeSignedIn()).role, "schedule:meetings");
  const actor = await authorizeAction(staff ? "schedule:meetings" : "request:meetings");
  const side = staff ? "/commission/meetings" : "/portal/meetings";
  const locale = localeFromForm(formData);
  const values = Object.fromEntries(["meetingId", "version", "reason"].map((f) => [f, String(formData.get(f) ?? "").slice(0, 2000)]));
  const parsed = cancelMeetingSchema.safeParse(values);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
  const { meetingId, version, reason } = parsed.data;
  const result = await cancelMeeting(actor, meetingId, version, reason, await clientIp());
  if (!result.ok) return refusalState(result, locale, values);
  return backToMeeting(side, meetingId, "cancelled", locale);
}

/** The coordinator asks for a new time, giving new preferred times. */
export async function askNewTimeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await authorizeAction("request:meetings");
  const locale = localeFromForm(formData);
  const values = Object.fromEntries(["meetingId", "version", "reason", ...windowFields].map((f) => [f, String(formData.get(f) ?? "").slice(0, 2000)]));
  const parsed = askNewTimeSchema.safeParse(values);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
  const { meetingId, version, reason } = parsed.data;
  const times = windowInstants(parsed.data).map((w) => w.startsAt);
  const result = await askForNewTime(actor, meetingId, version, reason, times, await clientIp());
  if (!result.ok) return refusalState(result, locale, values);
  return backToMeeting("/portal/meetings", meetingId, "newTimeRequested", locale);
}

/** Makes a new private calendar address for the signed-in coordinator or staff member; shown once. */
export async function createFeedAddressAction(): Promise<FormState> {
  const staff = can((await authorizeSignedIn()).role, "schedule:meetings");
  const actor = await authorizeAction(staff ? "schedule:meetings" : "request:meetings");
  return { status: "success", items: [await createFeedAddress(actor, await clientIp())] };
}

/** Staff record whether the meeting was held, who took part and the internal minutes. */
export async function recordMeetingOutcomeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await authorizeAction("schedule:meetings");
  const locale = localeFromForm(formData);
  const values = Object.fromEntries(["meetingId", "version", "outcome", "participants", "minutes"].map((f) => [f, String(formData.get(f) ?? "").slice(0, 25000)]));
  const parsed = meetingRecordSchema.safeParse(values);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await recordMeetingOutcome(actor, parsed.data, await clientIp());
  if (!result.ok) return refusalState(result, locale, values);
  return backToMeeting("/commission/meetings", parsed.data.meetingId, "recorded", locale);
}

/** Staff publish (or correct) the public summary of a held meeting in three languages. */
export async function publishSummaryAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await authorizeAction("schedule:meetings");
  const locale = localeFromForm(formData);
  const values = Object.fromEntries(["meetingId", "version", "summaryTk", "summaryRu", "summaryEn"].map((f) => [f, String(formData.get(f) ?? "").slice(0, 5000)]));
  const parsed = meetingSummarySchema.safeParse(values);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await publishMeetingSummary(actor, parsed.data, await clientIp());
  if (!result.ok) return refusalState(result, locale, values);
  refreshPublicPages();
  return backToMeeting("/commission/meetings", parsed.data.meetingId, "summaryPublished", locale);
}

export async function withdrawSummaryAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await authorizeAction("schedule:meetings");
  const locale = localeFromForm(formData);
  const values = Object.fromEntries(["meetingId", "version"].map((f) => [f, String(formData.get(f) ?? "").slice(0, 100)]));
  const parsed = withdrawSummarySchema.safeParse(values);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await withdrawMeetingSummary(actor, parsed.data.meetingId, parsed.data.version, await clientIp());
  if (!result.ok) return refusalState(result, locale, values);
  refreshPublicPages();
  return backToMeeting("/commission/meetings", parsed.data.meetingId, "summaryWithdrawn", locale);
}
