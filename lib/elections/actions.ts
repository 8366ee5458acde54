"use server";

import { notFound } from "next/navigation";
import { z } from "zod";
import { redirect } from "@/i18n/navigation";
import { fieldErrorsOf, type FormState } from "@/lib/forms";
import { localeFromForm } from "@/lib/i18n/locale";
import { authorizeAction } from "@/lib/identity/session";
import { refreshPublicPages } from "@/lib/public/cache";
import { clientIp } from "@/lib/request-context";
import { createElection, updateElection, type ElectionSaveResult } from "./mutations";
import { electionFields, electionSchema } from "./schemas";

function unverifiedValues(formData: FormData) {
  return Object.fromEntries(electionFields.map((f) => [f, String(formData.get(f) ?? "").slice(0, 1000)]));
}

function afterSave(result: ElectionSaveResult, values: Record<string, string>, locale: string, notice: "created" | "updated"): FormState {
  if (!result.ok && result.error === "notFound") notFound();
  if (!result.ok) return { status: "error", fieldErrors: { code: "electionCodeTaken" }, values };
  // Titles, dates, publication and the names setting all show on the public pages.
  refreshPublicPages();
  redirect({ href: { pathname: "/commission/admin/elections", query: { notice } }, locale });
  return { status: "idle" };
}

export async function createElectionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await authorizeAction("manage:elections");
  const locale = localeFromForm(formData);
  const unverified = unverifiedValues(formData);
  const parsed = electionSchema.safeParse(unverified);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values: unverified };
  return afterSave(await createElection(actor, parsed.data, await clientIp()), unverified, locale, "created");
}

export async function updateElectionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await authorizeAction("manage:elections");
  const locale = localeFromForm(formData);
  const electionId = z.uuid().safeParse(formData.get("id"));
  if (!electionId.success) notFound();
  const unverified = unverifiedValues(formData);
  const parsed = electionSchema.safeParse(unverified);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values: unverified };
  return afterSave(await updateElection(actor, electionId.data, parsed.data, await clientIp()), unverified, locale, "updated");
}
