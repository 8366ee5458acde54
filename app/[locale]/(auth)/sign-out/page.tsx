import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { pageMetadata } from "@/lib/i18n/metadata";
import { signOutAction } from "@/lib/identity/actions";
import { getActor } from "@/lib/identity/session";
import { localeOf } from "@/lib/i18n/locale";

export const generateMetadata = pageMetadata("signOut", "title", "/sign-out");

/** A page of its own so signing out works from a bookmark or without JavaScript. */
export default async function SignOutPage({ params }: PageProps<"/[locale]/sign-out">) {
  const locale = await localeOf(params);
  const [t, actor] = await Promise.all([getTranslations("signOut"), getActor()]);
  return (
    <>
      <h1>{t("title")}</h1>
      {actor ? (
        <form action={signOutAction}>
          <p>{t("question", { name: actor.name })}</p>
          <input type="hidden" name="locale" value={locale} />
          <button type="submit" className="button">
            {t("submit")}
          </button>
        </form>
      ) : (
        <p>
          {t("alreadySignedOut")} <Link href="/sign-in">{t("signInAgain")}</Link>
        </p>
      )}
    </>
  );
}
