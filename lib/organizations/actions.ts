"use server";

import { notFound } from "next/navigation";
import { z } from "zod";
import { redirect } from "@/i18n/navigation";
import { refreshPublicPages } from "@/lib/public/cache";
import { fieldErrorsOf, type FormState } from "@/lib/forms";
import { localeFromForm } from "@/lib/i18n/locale";
import { authorizeAction } from "@/lib/identity/session";
import { clientIp } from "@/lib/request-context";
import { createOrganization, updateOrganization } from "./mutations";
import { organizationFields, organizationSchema } from "./schemas";

function unverifiedValues(formData: FormData) {
  return Object.fromEntries(organizationFields.map((f) => [f, String(formData.get(f) ?? "").slice(0, 1000)]));
}

export async function createOrganizationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await authorizeAction("manage:organizations");
  const locale = localeFromForm(formData);
  const unverified = unverifiedValues(formData);
  const parsed = organizationSchema.safeParse(unverified);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values: unverified };
  await createOrganization(actor, parsed.data, await clientIp());
  redirect({ href: { pathname: "/commission/admin/organizations", query: { notice: "created" } }, locale });
  return { status: "idle" };
}

export async function updateOrganizationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await authorizeAction("manage:organizations");
  const locale = localeFromForm(formData);
  const organizationId = z.uuid().safeParse(formData.get("id"));
  if (!organizationId.success) notFound();
  const unverified = unverifiedValues(formData);
  const parsed = organizationSchema.safeParse(unverified);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values: unverified };
  const saved = await updateOrganization(actor, organizationId.data, parsed.data, await clientIp());
  if (!saved) notFound();
  // Organizations' names show in the public register.
  refreshPublicPages();
  redirect({ href: { pathname: "/commission/admin/organizations", query: { notice: "updated" } }, locale });
  return { status: "idle" };
}
