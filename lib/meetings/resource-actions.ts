"use server";

import { notFound } from "next/navigation";
import { z } from "zod";
import { redirect } from "@/i18n/navigation";
import { fieldErrorsOf, type FormState } from "@/lib/forms";
import { isCalendarDay } from "@/lib/dates";
import { localeFromForm } from "@/lib/i18n/locale";
import { authorizeAction } from "@/lib/identity/session";
import { clientIp } from "@/lib/request-context";
import {
  closedDayFields,
  closedDaySchema,
  officialFields,
  officialSchema,
  roomFields,
  roomSchema,
  workingHoursFields,
  workingHoursSchema,
} from "./resource-schemas";
import { addClosedDay, removeClosedDay, saveOfficial, saveRoom, saveWorkingHours } from "./resources";

const resourcesPath = "/commission/admin/meetings";

function unverifiedValues(formData: FormData, fields: readonly string[]) {
  return Object.fromEntries(fields.map((f) => [f, String(formData.get(f) ?? "").slice(0, 1000)]));
}

/** The id of the record being edited: absent when creating, a UUID when editing, anything else is not found. */
function editedId(formData: FormData): string | null {
  const unverified = formData.get("id");
  if (unverified === null || unverified === "") return null;
  const id = z.uuid().safeParse(unverified);
  if (!id.success) notFound();
  return id.data;
}

function backToResources(locale: string, notice: string): never {
  return redirect({ href: { pathname: resourcesPath, query: { notice } }, locale });
}

export async function saveOfficialAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await authorizeAction("manage:meeting-resources");
  const locale = localeFromForm(formData);
  const id = editedId(formData);
  const unverified = unverifiedValues(formData, officialFields);
  const parsed = officialSchema.safeParse(unverified);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values: unverified };
  if (!(await saveOfficial(actor, id, parsed.data, await clientIp()))) notFound();
  return backToResources(locale, "officialSaved");
}

export async function saveRoomAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await authorizeAction("manage:meeting-resources");
  const locale = localeFromForm(formData);
  const id = editedId(formData);
  const unverified = unverifiedValues(formData, roomFields);
  const parsed = roomSchema.safeParse(unverified);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values: unverified };
  if (!(await saveRoom(actor, id, parsed.data, await clientIp()))) notFound();
  return backToResources(locale, "roomSaved");
}

export async function saveWorkingHoursAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await authorizeAction("manage:meeting-resources");
  const unverified = unverifiedValues(formData, workingHoursFields);
  const parsed = workingHoursSchema.safeParse(unverified);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values: unverified };
  await saveWorkingHours(actor, parsed.data, await clientIp());
  return { status: "success" };
}

export async function addClosedDayAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await authorizeAction("manage:meeting-resources");
  const locale = localeFromForm(formData);
  const unverified = unverifiedValues(formData, closedDayFields);
  const parsed = closedDaySchema.safeParse(unverified);
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values: unverified };
  if (!(await addClosedDay(actor, parsed.data, await clientIp()))) {
    return { status: "error", fieldErrors: { day: "closedDayTaken" }, values: unverified };
  }
  return backToResources(locale, "closedDayAdded");
}

export async function removeClosedDayAction(formData: FormData): Promise<void> {
  const actor = await authorizeAction("manage:meeting-resources");
  const locale = localeFromForm(formData);
  const day = String(formData.get("day") ?? "");
  if (!isCalendarDay(day)) notFound();
  await removeClosedDay(actor, day, await clientIp());
  backToResources(locale, "closedDayRemoved");
}
