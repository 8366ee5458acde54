"use server";

import { refresh } from "next/cache";
import { authorizeAction } from "@/lib/identity/session";
import { clientIp } from "@/lib/request-context";
import { changeStaffRole, disableAccount, enableAccount, resetSecondFactor, type AccountActionResult } from "./mutations";
import { coordinatorAccountActionSchema, staffAccountActionSchema, type AccountActionState } from "./schemas";

function stateOf(result: AccountActionResult): AccountActionState {
  if (!result.ok) return { status: "error", error: result.error };
  // The list re-renders with the account's new status in the same response.
  refresh();
  return { status: "done", outcome: result.outcome };
}

/** Disable, enable, reset the second factor of or change the role of a reviewer or administrator. */
export async function manageStaffAccountAction(_previous: AccountActionState, formData: FormData): Promise<AccountActionState> {
  const actor = await authorizeAction("manage:staff");
  const parsed = staffAccountActionSchema.safeParse({ userId: formData.get("userId"), operation: formData.get("operation") });
  if (!parsed.success) return { status: "error", error: "notFound" };
  const { userId, operation } = parsed.data;
  const ip = await clientIp();
  if (operation === "disable") return stateOf(await disableAccount(actor, "staff", userId, ip));
  if (operation === "enable") return stateOf(await enableAccount(actor, "staff", userId, ip));
  if (operation === "makeAdmin") return stateOf(await changeStaffRole(actor, userId, "admin", ip));
  if (operation === "makeReviewer") return stateOf(await changeStaffRole(actor, userId, "reviewer", ip));
  return stateOf(await resetSecondFactor(actor, userId, ip));
}

/** Disable or enable a mission coordinator. */
export async function manageCoordinatorAccountAction(_previous: AccountActionState, formData: FormData): Promise<AccountActionState> {
  const actor = await authorizeAction("manage:coordinators");
  const parsed = coordinatorAccountActionSchema.safeParse({ userId: formData.get("userId"), operation: formData.get("operation") });
  if (!parsed.success) return { status: "error", error: "notFound" };
  const { userId, operation } = parsed.data;
  const ip = await clientIp();
  if (operation === "disable") return stateOf(await disableAccount(actor, "coordinators", userId, ip));
  return stateOf(await enableAccount(actor, "coordinators", userId, ip));
}
