"use client";

import { useActionState, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { createFeedAddressAction } from "@/lib/meetings/actions";
import { idleFormState } from "@/lib/forms";

/**
 * The user's private calendar address: made (or replaced) on request and shown once in a field
 * to copy into calendar software, since only its hash is kept.
 */
export function CalendarFeed({ existsSince }: { existsSince: string | null }) {
  const t = useTranslations("meetingChanges");
  const [state, formAction, busy] = useActionState(createFeedAddressAction, idleFormState);
  const [copied, setCopied] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const address = state.status === "success" ? state.items?.[0] : undefined;
  const copy = async () => {
    field.current?.select();
    await navigator.clipboard?.writeText(address ?? "").catch(() => undefined);
    setCopied(true);
  };
  return (
    <section aria-labelledby="feed-heading">
      <h2 id="feed-heading">{t("feedHeading")}</h2>
      <p>{t("feedLead")}</p>
      {address ? (
        <div className="field">
          <label htmlFor="feed-address">{t("feedAddress")}</label>
          <p className="field__hint" id="feed-address-hint">
            {t("feedOnce")}
          </p>
          <input id="feed-address" ref={field} type="text" readOnly value={address} aria-describedby="feed-address-hint" onFocus={(e) => e.currentTarget.select()} />
          <p>
            <button type="button" className="button button--secondary" onClick={copy}>
              {t("copy")}
            </button>{" "}
            <span role="status">{copied ? t("copied") : ""}</span>
          </p>
        </div>
      ) : (
        existsSince && <p>{t("feedExists", { date: existsSince })}</p>
      )}
      <form action={formAction}>
        <button type="submit" className="button button--secondary" disabled={busy}>
          {existsSince || address ? t("feedReplace") : t("feedCreate")}
        </button>
      </form>
    </section>
  );
}
