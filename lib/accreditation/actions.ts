"use server";

import { refresh } from "next/cache";
import { notFound } from "next/navigation";
import { redirect } from "@/i18n/navigation";
import { refreshPublicPages } from "@/lib/public/cache";
import { readZipPhotos, zipEntryErrorMessages, zipErrorMessages } from "@/lib/files/zip-photos";
import { fieldErrorsOf, validFields, type FormState } from "@/lib/forms";
import { localeFromForm } from "@/lib/i18n/locale";
import { authorizeAction } from "@/lib/identity/session";
import { clientIp } from "@/lib/request-context";
import { attachLetter, saveMissionDetails, startApplication, submitApplication, withdrawApplication, type Refusal } from "./applications";
import { parseObserverFile, reportedErrors } from "./import";
import { missionDetailsFormSchema, observerFormSchema } from "./election-form-schemas";
import { addObserver, attachZipPhotos, importObservers, photoTargets, removeObserver, savedDataErrors, savedDataFields, updateObserver } from "./observer-changes";
import { observerFields, observerSchema } from "./observer-schema";
import { getOwnElectionDates } from "./queries";
import type { Coordinator } from "./scope";
import { chosenFile, observerPhoto, uploaded } from "./uploads";
import type { ImportState, PhotoImportState } from "./action-states";

/**
 * The coordinator's Server Actions. Each one authenticates and authorizes itself, validates with
 * the form's schema, and leaves the organization scoping to the data functions it calls.
 */

const applicationPath = (missionId: string, step = "") => `/portal/applications/${missionId}${step}`;

/** A refused change: an id that is not this organization's is "not found"; the rest is said in the form. */
function refusalState(refusal: Refusal, values?: Record<string, string>): FormState {
  if (refusal === "notFound") notFound();
  return { status: "error", fieldErrors: {}, formError: refusal, ...(values && { values }) };
}

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "").slice(0, 2000);

/** The election the application's dates are checked against; another organization's id is "not found". */
async function ownElectionDates(actor: Coordinator, missionId: string) {
  const election = await getOwnElectionDates(actor, missionId);
  if (!election) notFound();
  return election;
}

export async function startApplicationAction(formData: FormData) {
  const actor = await authorizeAction("apply:accreditation");
  const locale = localeFromForm(formData);
  const result = await startApplication(actor, text(formData, "electionId"), await clientIp());
  if (!result.ok) {
    if (result.refusal === "notFound") notFound();
    redirect({ href: { pathname: `/portal/elections/${text(formData, "electionId")}/apply`, query: { notice: "windowClosed" } }, locale });
    return;
  }
  redirect({ href: applicationPath(result.missionId, result.created ? "/mission" : ""), locale });
}

export async function saveMissionDetailsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await authorizeAction("apply:accreditation");
  const locale = localeFromForm(formData);
  const missionId = text(formData, "missionId");
  const values = {
    name: text(formData, "name"),
    type: text(formData, "type"),
    plannedArrivalOn: text(formData, "plannedArrivalOn"),
    plannedDepartureOn: text(formData, "plannedDepartureOn"),
    contactPerson: text(formData, "contactPerson"),
    phone: text(formData, "phone"),
    email: text(formData, "email"),
  };
  const lists = { regions: formData.getAll("regions").map(String), workingLanguages: formData.getAll("workingLanguages").map(String) };
  const keep = { ...values, regions: lists.regions.join(","), workingLanguages: lists.workingLanguages.join(",") };
  const parsed = missionDetailsFormSchema(await ownElectionDates(actor, missionId)).safeParse({ ...values, ...lists });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values: keep };
  const result = await saveMissionDetails(actor, missionId, parsed.data, await clientIp());
  if (!result.ok) {
    if ("refusal" in result) return refusalState(result.refusal, keep);
    return { status: "error", fieldErrors: result.fieldErrors, values: keep };
  }
  redirect({ href: applicationPath(missionId, "/letter"), locale });
  return { status: "idle" };
}

export async function attachLetterAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await authorizeAction("apply:accreditation");
  const locale = localeFromForm(formData);
  const missionId = text(formData, "missionId");
  const letter = await uploaded(formData, "letter");
  if (!letter) return { status: "error", fieldErrors: { letter: "required" } };
  const result = await attachLetter(actor, missionId, letter, await clientIp());
  if (!result.ok) return "refusal" in result ? refusalState(result.refusal) : { status: "error", fieldErrors: result.fieldErrors };
  redirect({ href: applicationPath(missionId, "/observers"), locale });
  return { status: "idle" };
}

function observerValues(formData: FormData) {
  return Object.fromEntries(observerFields.map((field) => [field, text(formData, field)]));
}

export async function saveObserverAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await authorizeAction("apply:accreditation");
  const locale = localeFromForm(formData);
  const missionId = text(formData, "missionId");
  const observerId = text(formData, "observerId");
  const values = observerValues(formData);
  const parsed = observerFormSchema(await ownElectionDates(actor, missionId)).safeParse(values);
  const photo = await observerPhoto(formData);
  if (!parsed.success || "fieldErrors" in photo) {
    const fieldErrors = {
      ...(await savedDataErrors(actor, missionId, parsed.success ? parsed.data : validFields(observerSchema, values, savedDataFields), observerId || null)),
      ...(parsed.success ? {} : fieldErrorsOf(parsed.error)),
      ...("fieldErrors" in photo ? photo.fieldErrors : {}),
    };
    return { status: "error", fieldErrors, values };
  }
  const ip = await clientIp();
  const result = observerId
    ? await updateObserver(actor, missionId, observerId, parsed.data, photo.photo, ip)
    : await addObserver(actor, missionId, parsed.data, photo.photo, ip);
  if (!result.ok) {
    if ("refusal" in result) return refusalState(result.refusal, values);
    return { status: "error", fieldErrors: result.fieldErrors, values };
  }
  redirect({ href: { pathname: applicationPath(missionId, "/observers"), query: { notice: observerId ? "observerSaved" : "observerAdded" } }, locale });
  return { status: "idle" };
}

export async function removeObserverAction(formData: FormData) {
  const actor = await authorizeAction("apply:accreditation");
  const locale = localeFromForm(formData);
  const missionId = text(formData, "missionId");
  const result = await removeObserver(actor, missionId, text(formData, "observerId"), await clientIp());
  if (!result.ok && result.refusal === "notFound") notFound();
  const notice = result.ok ? (result.outcome === "removed" ? "observerRemoved" : "observerWithdrawn") : "notEditable";
  // A withdrawn observer leaves the public register.
  if (result.ok && result.outcome === "withdrawn") refreshPublicPages();
  redirect({ href: { pathname: applicationPath(missionId, "/observers"), query: { notice } }, locale });
}

/** The import report's rows, at most this many: a file with thousands of errors is fixed from the top. */
const MAX_REPORTED_ERRORS = 500;

export async function importObserversAction(_previous: ImportState, formData: FormData): Promise<ImportState> {
  const actor = await authorizeAction("apply:accreditation");
  const locale = localeFromForm(formData);
  const missionId = text(formData, "missionId");
  // An empty file is read like any other, so the report can say it holds no observers.
  const file = await chosenFile(formData, "file");
  if (!file) return { status: "error", errors: [{ row: null, heading: null, code: "noFileChosen" }], total: 1 };
  const parsed = await parseObserverFile(file.bytes, await ownElectionDates(actor, missionId));
  const result = parsed.ok ? await importObservers(actor, missionId, parsed, await clientIp()) : parsed;
  if (!result.ok) {
    if ("refusal" in result) {
      if (result.refusal === "notFound") notFound();
      return { status: "refused", refusal: result.refusal };
    }
    return { status: "error", errors: reportedErrors(result.errors.slice(0, MAX_REPORTED_ERRORS), parsed.headings, locale), total: result.errors.length };
  }
  redirect({ href: { pathname: applicationPath(missionId, "/observers"), query: { notice: "imported", count: String(result.imported) } }, locale });
  return { status: "idle" };
}

export async function importPhotosAction(_previous: PhotoImportState, formData: FormData): Promise<PhotoImportState> {
  const actor = await authorizeAction("apply:accreditation");
  const missionId = text(formData, "missionId");
  const file = await uploaded(formData, "archive");
  if (!file) return { status: "error", error: "required" };
  const targets = await photoTargets(actor, missionId);
  if (!targets.ok) {
    if (targets.refusal === "notFound") notFound();
    return { status: "refused", refusal: targets.refusal };
  }
  const read = await readZipPhotos(file.bytes, targets.passports);
  if (!read.ok) return { status: "error", error: zipErrorMessages[read.error] };
  const saved = await attachZipPhotos(actor, missionId, read.entries, await clientIp());
  if (!saved.ok) {
    if (saved.refusal === "notFound") notFound();
    return { status: "refused", refusal: saved.refusal };
  }
  // The page counts the observers still without a photo: render it anew beside the report.
  refresh();
  return {
    status: "done",
    attached: saved.attached,
    // The file names only: they are passport numbers, which the coordinator sent and may see.
    rejected: read.entries.flatMap((entry) => (entry.ok ? [] : [{ fileName: entry.fileName, code: zipEntryErrorMessages[entry.error] }])),
  };
}

export async function submitApplicationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await authorizeAction("apply:accreditation");
  const locale = localeFromForm(formData);
  const missionId = text(formData, "missionId");
  const result = await submitApplication(actor, missionId, await clientIp());
  if (!result.ok) {
    if (result.refusal === "incomplete") return { status: "error", fieldErrors: {}, formError: "incomplete" };
    return refusalState(result.refusal);
  }
  redirect({ href: { pathname: applicationPath(missionId), query: { notice: "submitted" } }, locale });
  return { status: "idle" };
}

export async function withdrawApplicationAction(formData: FormData) {
  const actor = await authorizeAction("apply:accreditation");
  const locale = localeFromForm(formData);
  const missionId = text(formData, "missionId");
  const result = await withdrawApplication(actor, missionId, await clientIp());
  if (!result.ok && result.refusal === "notFound") notFound();
  if (result.ok) refreshPublicPages();
  redirect({ href: { pathname: applicationPath(missionId), query: { notice: result.ok ? "withdrawn" : "notEditable" } }, locale });
}

