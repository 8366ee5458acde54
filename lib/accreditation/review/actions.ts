"use server";

import { refresh } from "next/cache";
import { notFound } from "next/navigation";
import { z } from "zod";
import { redirect } from "@/i18n/navigation";
import { fieldErrorsOf, type FormState } from "@/lib/forms";
import { localeFromForm } from "@/lib/i18n/locale";
import { authorizeAction } from "@/lib/identity/session";
import { refreshPublicPages } from "@/lib/public/cache";
import { clientIp } from "@/lib/request-context";
import { observerPhoto } from "../uploads";
import { correctAccreditedObserver } from "./corrections";
import { approveApplication, decideObservers, rejectApplication, requestChanges, type DecisionRefusal } from "./decisions";
import { observerCorrectionSchema, observerReasonSchema, rejectionSchema, reviewCommentSchema, seenObserverSchema } from "./schemas";
import { sealQueueSearch } from "./sealed-search";

/**
 * The reviewers' Server Actions. Each authorizes itself, validates with the form's schema, and
 * passes the version the reviewer saw, so a decision never overwrites a change it did not see.
 */

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "").slice(0, 5000);
const versionOf = (formData: FormData) => z.coerce.number().int().min(1).catch(0).parse(formData.get("version"));
const reviewPath = (missionId: string) => `/commission/applications/${missionId}`;

function refusal(result: { refusal: DecisionRefusal | "unchanged"; undecidableObserverIds?: string[] }, values?: Record<string, string>): FormState {
  if (result.refusal === "notFound") notFound();
  // Someone else's decision came first: the page re-renders with it in the same response, under the message.
  if (result.refusal === "changed") refresh();
  // The form names the observers that cannot take the decision (it knows their names).
  const undecidable = result.undecidableObserverIds && { undecidable: result.undecidableObserverIds.join(" ") };
  return { status: "error", fieldErrors: {}, formError: result.refusal, ...((values || undecidable) && { values: { ...values, ...undecidable } }) };
}

function done(missionId: string, formData: FormData, notice: string, count?: number): FormState {
  // Approvals, rejections, accreditations and revocations change the public register.
  refreshPublicPages();
  redirect({ href: { pathname: reviewPath(missionId), query: { notice, ...(count !== undefined && { count: String(count) }) } }, locale: localeFromForm(formData) });
  return { status: "idle" };
}

/** The application-level decisions: request changes, approve, reject. */
export async function decideApplicationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await authorizeAction("review:applications");
  const missionId = text(formData, "missionId");
  const version = versionOf(formData);
  const ip = await clientIp();
  switch (text(formData, "intent")) {
    case "requestChanges": {
      const values = { comment: text(formData, "comment") };
      const parsed = reviewCommentSchema.safeParse(values);
      if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
      const result = await requestChanges(actor, missionId, version, { comment: parsed.data.comment, observerIds: [] }, ip);
      return result.ok ? done(missionId, formData, "changesRequested") : refusal(result, values);
    }
    case "approve": {
      const result = await approveApplication(actor, missionId, version, ip);
      return result.ok ? done(missionId, formData, "approved") : refusal(result);
    }
    case "reject": {
      const values = { reason: text(formData, "reason") };
      const parsed = rejectionSchema.safeParse(values);
      if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
      const result = await rejectApplication(actor, missionId, version, parsed.data.reason, ip);
      return result.ok ? done(missionId, formData, "rejected") : refusal(result, values);
    }
    default:
      return { status: "error", fieldErrors: {}, formError: "notAllowed" };
  }
}

/** Decisions on the observers ticked in the list: accredit, refuse, revoke, or comment and send back. */
export async function decideObserversAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const intent = text(formData, "intent");
  const actor = await authorizeAction(intent === "requestChanges" ? "review:applications" : "decide:observer");
  const missionId = text(formData, "missionId");
  const values = { reasonCode: text(formData, "reasonCode"), reason: text(formData, "reason"), comment: text(formData, "comment") };
  const seen = formData.getAll("observer").flatMap((value) => {
    const parsed = seenObserverSchema.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  });
  if (seen.length === 0) return { status: "error", fieldErrors: {}, formError: "noneSelected", values };
  const ip = await clientIp();

  if (intent === "requestChanges") {
    const parsed = reviewCommentSchema.safeParse(values);
    if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
    const result = await requestChanges(actor, missionId, versionOf(formData), { comment: parsed.data.comment, observerIds: seen.map((s) => s.observerId) }, ip);
    return result.ok ? done(missionId, formData, "changesRequested") : refusal(result, values);
  }
  if (intent === "accredit") {
    const result = await decideObservers(actor, missionId, seen, { kind: "accredit" }, ip, versionOf(formData));
    return result.ok ? done(missionId, formData, "accredited", result.count) : refusal(result, values);
  }
  if (intent === "refuse" || intent === "revoke") {
    const parsed = observerReasonSchema.safeParse(values);
    if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
    const result = await decideObservers(actor, missionId, seen, { kind: intent, ...parsed.data }, ip, versionOf(formData));
    return result.ok ? done(missionId, formData, intent === "refuse" ? "refused" : "revoked", result.count) : refusal(result, values);
  }
  return { status: "error", fieldErrors: {}, formError: "notAllowed", values };
}

/**
 * The commission's correction of an accredited observer's name or photo: the badge is re-issued
 * and the coordinators are told to print the new one.
 */
export async function correctObserverAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await authorizeAction("decide:observer");
  const missionId = text(formData, "missionId");
  const values = { surname: text(formData, "surname"), givenNames: text(formData, "givenNames"), cyrillicName: text(formData, "cyrillicName") };
  const seen = seenObserverSchema.safeParse(text(formData, "observer"));
  if (!seen.success) notFound();
  const parsed = observerCorrectionSchema.safeParse(values);
  const photo = await observerPhoto(formData);
  if (!parsed.success || "fieldErrors" in photo) {
    const fieldErrors = { ...(parsed.success ? {} : fieldErrorsOf(parsed.error)), ...("fieldErrors" in photo ? photo.fieldErrors : {}) };
    return { status: "error", fieldErrors, values };
  }
  const result = await correctAccreditedObserver(actor, missionId, seen.data, parsed.data, photo.photo, await clientIp());
  return result.ok ? done(missionId, formData, "corrected") : refusal(result, values);
}

/**
 * The queue's filters, posted rather than sent as a GET form: the search term goes into the URL
 * sealed (AES-GCM with the portal's secrets key), so a passport number never appears in an address
 * or in the logs that keep addresses, while the link still works for the reviewer who has it.
 */
export async function filterQueueAction(formData: FormData) {
  await authorizeAction("review:applications");
  const search = text(formData, "q").trim().slice(0, 100);
  const query: Record<string, string> = {};
  for (const name of ["view", "election", "organization"] as const) {
    const value = text(formData, name).slice(0, 64);
    if (value) query[name] = value;
  }
  if (formData.get("overdue") === "1") query.overdue = "1";
  if (search) query.s = sealQueueSearch(search);
  redirect({ href: { pathname: "/commission/applications", query }, locale: localeFromForm(formData) });
}
