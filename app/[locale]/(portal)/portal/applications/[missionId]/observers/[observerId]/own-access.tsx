import { getTranslations } from "next-intl/server";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { SelectField } from "@/components/forms/field";
import { Notice } from "@/components/forms/notice";
import type { Locale } from "@/i18n/routing";
import type { Actor } from "@/lib/identity/session";
import { formatInstant } from "@/lib/i18n/format";
import { inviteObserverAction, revokeObserverInvitationAction } from "@/lib/observers/actions";
import { ownAccessState } from "@/lib/observers/invitation-state";
import { getObserverAccess } from "@/lib/observers/invitations";
import { ownLanguageNames, ownLanguageOptions } from "@/lib/i18n/own-language-names";

const notices = ["invited", "resent", "revoked", "nothingToRevoke"] as const;
const problems = ["noEmail", "alreadyJoined", "withdrawn", "invalidLanguage"] as const;

type Observer = { id: string; surname: string; givenNames: string; email: string | null; hasAccount: boolean; selfCompletedAt: Date | null; status: string };

/**
 * The coordinator invites an observer to complete their own record: the state of their access
 * (invited, opened, account created, completed), a language for the email, a new link, revoking it.
 */
export async function OwnAccess({ actor, locale, missionId, observer, notice }: { actor: Actor; locale: Locale; missionId: string; observer: Observer; notice?: string }) {
  const [t, latest] = await Promise.all([getTranslations("observerAccess.coordinator"), getObserverAccess(actor, observer.id)]);
  const state = ownAccessState(observer, latest);
  const name = `${observer.surname}, ${observer.givenNames}`;
  const open = state === "invited" || state === "opened";
  const invitable = observer.email && !observer.hasAccount && observer.status !== "withdrawn";
  const hidden = (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="missionId" value={missionId} />
      <input type="hidden" name="observerId" value={observer.id} />
    </>
  );
  return (
    <section aria-labelledby="own-access">
      <h2 id="own-access">{t("heading")}</h2>
      {notices.find((n) => n === notice) && <Notice>{t(`notices.${notice as (typeof notices)[number]}`)}</Notice>}
      {problems.find((n) => n === notice) && (
        <p className="notice notice--error" role="alert">
          {t(`notices.${notice as (typeof problems)[number]}`)}
        </p>
      )}
      <p>{t("lead")}</p>
      <p>
        <strong>{t("state", { state: t(`states.${state}`) })}</strong>
      </p>
      {latest && open && <p>{t("linkInfo", { language: ownLanguageNames[latest.locale], date: formatInstant(latest.expiresAt, locale) })}</p>}
      {!observer.email && <p>{t("noEmail")}</p>}
      {invitable && (
        <form action={inviteObserverAction}>
          {hidden}
          <SelectField
            id="emailLocale"
            name="emailLocale"
            label={t("language")}
            options={ownLanguageOptions}
            defaultValue={latest?.locale ?? locale}
          />
          <button type="submit" className="button">
            {state === "notInvited" ? t("send") : t("resend")}
          </button>
        </form>
      )}
      {open && (
        <form action={revokeObserverInvitationAction}>
          {hidden}
          <ConfirmDialog
            trigger={t("revoke")}
            triggerClassName="button button--secondary"
            title={t("revokeConfirmTitle", { name })}
            body={t("revokeConfirmBody")}
            confirmLabel={t("revoke")}
            cancelLabel={t("cancel")}
          />
        </form>
      )}
    </section>
  );
}
