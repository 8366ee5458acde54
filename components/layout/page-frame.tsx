import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/identity/session";
import { AccountNav } from "./account-nav";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

/**
 * Skip link, header, main and footer around a page. Public pages (`session` left as "inBrowser") are the same
 * for everyone, so they can be rendered once and cached: they must not read the session here.
 */
export async function PageFrame({ children, session = "inBrowser" }: { children: ReactNode; session?: "inBrowser" | "onServer" }) {
  const t = await getTranslations("layout");
  const account = session === "onServer" ? <AccountNav role={(await getActor())?.role ?? null} /> : <AccountNav />;
  return (
    <>
      <a href="#main" className="skip-link">
        {t("skipToContent")}
      </a>
      <SiteHeader account={account} />
      <main id="main" tabIndex={-1}>
        <div className="container">{children}</div>
      </main>
      <SiteFooter />
    </>
  );
}
