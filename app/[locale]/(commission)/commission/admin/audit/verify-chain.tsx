"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { verifyAuditChainAction } from "@/lib/audit/chain-actions";
import type { ChainVerdict } from "@/lib/audit/verify";
import styles from "./audit.module.css";

/** "Verify chain": walks the whole chain on the server and announces the verdict politely. */
export function VerifyChain() {
  const t = useTranslations("audit");
  const [verdict, formAction, pending] = useActionState<ChainVerdict | null>(verifyAuditChainAction, null);
  return (
    <form action={formAction}>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("verifying") : t("verify")}
      </button>
      {/* Present before the verdict arrives, so screen readers announce the change. */}
      <div role="status" className={verdict ? (verdict.ok ? styles.intact : styles.broken) : undefined}>
        {verdict?.ok === true && <p>{t("intact", { count: verdict.count })}</p>}
        {verdict?.ok === false && (
          <p>
            <strong>{t("broken", { seq: verdict.brokenSeq })}</strong> {t(`breaks.${verdict.reason}`)}
          </p>
        )}
      </div>
    </form>
  );
}
