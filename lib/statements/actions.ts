"use server";

import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { checkPdf } from "@/lib/files/letter";
import { fieldErrorsOf, type FieldErrors, type FormState } from "@/lib/forms";
import { localeFromForm } from "@/lib/i18n/locale";
import { authorizeAction } from "@/lib/identity/session";
import { refreshPublicPages } from "@/lib/public/cache";
import { clientIp } from "@/lib/request-context";
import { publishingNow } from "./clock";
import { createStatement, startCorrection, submitVersion, updateDraft, type CheckedAttachment } from "./drafting";
import { publishVersion, returnVersion, type PublishMode } from "./publishing";
import { publishDecisionSchema, returnDecisionSchema, statementDraftFields, statementDraftSchema } from "./schemas";
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_VERSION } from "./vocabulary";

/** PDF attachments of the form, each checked by its bytes; a refusal is the attachments field's error. */
async function checkedAttachments(formData: FormData): Promise<{ attachments: CheckedAttachment[] } | { fieldErrors: FieldErrors }> {
  const names = formData.getAll("attachments").filter((f): f is File => f instanceof File && f.size > 0);
  if (names.length > ATTACHMENTS_PER_VERSION) return { fieldErrors: { attachments: "tooManyAttachments" } };
  const attachments: CheckedAttachment[] = [];
  for (const file of names) {
    if (file.size > ATTACHMENT_MAX_BYTES) return { fieldErrors: { attachments: "attachmentTooLarge" } };
    const buffer = Buffer.from(await file.arrayBuffer());
    const checked = checkPdf(buffer, ATTACHMENT_MAX_BYTES);
    if (!checked.ok) return { fieldErrors: { attachments: checked.error === "tooLarge" ? "attachmentTooLarge" : "attachmentNotPdf" } };
    attachments.push({ buffer, name: file.name });
  }
  return { attachments };
}

async function refusalMessage(locale: Locale, refusal: string) {
  const t = await getTranslations({ locale, namespace: "statements.refusals" });
  return t(refusal as "notEditable");
}

/** A new statement (versionId empty) or changes to a draft or returned version; on success, the statement's page. */
export async function saveStatementAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await authorizeAction("draft:statements");
  const locale = localeFromForm(formData);
  const values = Object.fromEntries(statementDraftFields.map((f) => [f, String(formData.get(f) ?? "").slice(0, 200_001)]));
  const parsed = statementDraftSchema.safeParse(values);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
  const files = await checkedAttachments(formData);
  if ("fieldErrors" in files) return { status: "error", fieldErrors: files.fieldErrors, values };
  const versionId = String(formData.get("versionId") ?? "");
  const ip = await clientIp();
  const result = versionId
    ? await updateDraft(actor, versionId, parsed.data, files.attachments, formData.getAll("removeAttachment").map(String).slice(0, 20), ip)
    : await createStatement(actor, parsed.data, files.attachments, ip);
  if (!result.ok && "fieldErrors" in result) return { status: "error", fieldErrors: result.fieldErrors, values };
  if (!result.ok) {
    if (result.refusal === "notFound") notFound();
    return { status: "error", fieldErrors: {}, formError: await refusalMessage(locale, result.refusal), values };
  }
  return redirect({ href: { pathname: `/portal/statements/${result.statementId}`, query: { notice: "saved" } }, locale });
}

export async function submitStatementAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await authorizeAction("draft:statements");
  const locale = localeFromForm(formData);
  const result = await submitVersion(actor, String(formData.get("versionId") ?? ""), await clientIp());
  if (!result.ok) {
    if (result.refusal === "notFound") notFound();
    return { status: "error", fieldErrors: {}, formError: await refusalMessage(locale, result.refusal) };
  }
  return redirect({ href: { pathname: `/portal/statements/${result.statementId}`, query: { notice: "submitted" } }, locale });
}

export async function startCorrectionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await authorizeAction("draft:statements");
  const locale = localeFromForm(formData);
  const statementId = String(formData.get("statementId") ?? "");
  const result = await startCorrection(actor, statementId, await clientIp());
  if (!result.ok) {
    if (result.refusal === "notFound") notFound();
    return { status: "error", fieldErrors: {}, formError: await refusalMessage(locale, result.refusal) };
  }
  return redirect({ href: `/portal/statements/${statementId}/edit`, locale });
}

/** Staff publish now or for the embargo time (the button pressed says which), or return with a reason. */
export async function decideStatementAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await authorizeAction("publish:statement");
  const locale = localeFromForm(formData);
  const intent = String(formData.get("intent") ?? "");
  const values = { versionId: String(formData.get("versionId") ?? ""), revision: String(formData.get("revision") ?? ""), reason: String(formData.get("reason") ?? "").slice(0, 2001) };
  const ip = await clientIp();
  if (intent === "return") {
    const parsed = returnDecisionSchema.safeParse(values);
    if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
    const result = await returnVersion(actor, parsed.data.versionId, parsed.data.revision, parsed.data.reason, ip);
    if (!result.ok) {
      if (result.refusal === "notFound") notFound();
      return { status: "error", fieldErrors: {}, formError: await refusalMessage(locale, result.refusal), values };
    }
    return redirect({ href: { pathname: `/commission/statements/${parsed.data.versionId}`, query: { notice: "returned" } }, locale });
  }
  const parsed = publishDecisionSchema.safeParse(values);
  if (!parsed.success || (intent !== "now" && intent !== "embargo")) return { status: "error", fieldErrors: parsed.success ? {} : fieldErrorsOf(parsed.error), values };
  const result = await publishVersion(actor, parsed.data.versionId, parsed.data.revision, intent as PublishMode, ip, publishingNow());
  if (!result.ok) {
    if (result.refusal === "notFound") notFound();
    return { status: "error", fieldErrors: {}, formError: await refusalMessage(locale, result.refusal), values };
  }
  refreshPublicPages();
  return redirect({ href: { pathname: `/commission/statements/${parsed.data.versionId}`, query: { notice: intent === "now" ? "published" : "scheduled" } }, locale });
}
