import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { routing } from "@/i18n/routing";
import "./globals.css";

/**
 * What Next renders when no locale's layout can answer with its own not-found page: a form posted
 * without JavaScript whose Server Action finds nothing or refuses (Next shows its not-found page
 * then, whatever the status), and paths no route matches. The request's language is not known
 * here, so the page speaks all three, from the same catalogues as the locale pages.
 */
async function texts() {
  return Promise.all(
    routing.locales.map(async (locale) => {
      const t = await getTranslations({ locale, namespace: "errors" });
      return { locale, title: t("notFoundTitle"), body: t("notFoundBody"), home: t("backHome") };
    }),
  );
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await texts()).map((text) => text.title).join(" · ") };
}

export default async function GlobalNotFound() {
  return (
    <html lang={routing.defaultLocale}>
      <body>
        <main id="main" className="container">
          {(await texts()).map(({ locale, title, body, home }, index) => (
            <section key={locale} lang={locale}>
              {index === 0 ? <h1>{title}</h1> : <h2>{title}</h2>}
              <p>{body}</p>
              <p>
                <a href={`/${locale}`}>{home}</a>
              </p>
            </section>
          ))}
        </main>
      </body>
    </html>
  );
}
