"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { manageCoordinatorAccountAction, manageStaffAccountAction } from "@/lib/accounts/actions";
import type { AccountActionState, AccountOperation } from "@/lib/accounts/schemas";

type Props = {
  scope: "staff" | "coordinators";
  userId: string;
  name: string;
  disabled: boolean;
  /** Staff only: whether there is a second factor to reset. */
  secondFactor?: boolean;
  /** Staff only: the current role, to offer the other one. */
  role?: "reviewer" | "admin";
};

const idle: AccountActionState = { status: "idle" };

/**
 * The actions of one account's row, each behind a confirmation. One state for the row, so the
 * outcome stays visible after the list re-renders with the new status.
 */
export function AccountActions({ scope, userId, name, disabled, secondFactor, role }: Props) {
  const t = useTranslations("accounts");
  const [state, formAction, pending] = useActionState(scope === "staff" ? manageStaffAccountAction : manageCoordinatorAccountAction, idle);

  const operation = (op: AccountOperation, label: string, title: string, body: string, confirm: string, warning: boolean) => (
    <form action={formAction}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="operation" value={op} />
      <ConfirmDialog
        trigger={
          <>
            {label}
            <span className="visually-hidden"> ({name})</span>
          </>
        }
        triggerClassName={warning ? "button button--small button--warning" : "button button--small button--secondary"}
        title={title}
        body={body}
        confirmLabel={confirm}
        cancelLabel={t("cancel")}
      />
    </form>
  );

  return (
    <>
      <div className="row-actions" aria-busy={pending}>
        {disabled
          ? operation("enable", t("enable"), t("enableTitle", { name }), t("enableBody"), t("confirmEnable"), false)
          : operation("disable", t("disable"), t("disableTitle", { name }), t("disableBody"), t("confirmDisable"), true)}
        {scope === "staff" &&
          secondFactor &&
          operation("resetSecondFactor", t("resetSecondFactor"), t("resetTitle", { name }), t("resetBody"), t("confirmReset"), true)}
        {scope === "staff" &&
          role === "reviewer" &&
          operation("makeAdmin", t("makeAdmin"), t("makeAdminTitle", { name }), t("makeAdminBody"), t("confirmMakeAdmin"), false)}
        {scope === "staff" &&
          role === "admin" &&
          operation("makeReviewer", t("makeReviewer"), t("makeReviewerTitle", { name }), t("makeReviewerBody"), t("confirmMakeReviewer"), false)}
      </div>
      {state.status === "done" && (
        <p className="row-note" role="status">
          {t(`outcomes.${state.outcome}`, { name })}
        </p>
      )}
      {state.status === "error" && (
        <p className="row-note notice--error" role="alert">
          {t(`errors.${state.error}`, { name })}
        </p>
      )}
    </>
  );
}
