import type { MetadataRoute } from "next";
import { routing } from "@/i18n/routing";
import { getEnv } from "@/lib/env";
import { cachedPublicElections } from "@/lib/public/cache";
import { cachedStatementSitemap } from "@/lib/statements/cache";

// Read at request time: elections are published while the portal runs (and the build has no database).
export const dynamic = "force-dynamic";

/** Every public page in every language, each with its hreflang alternates. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const site = getEnv().SITE_URL;
  const [elections, statements] = await Promise.all([cachedPublicElections(), cachedStatementSitemap()]);
  const paths = [
    "",
    "/elections",
    ...elections.flatMap((e) => [`/elections/${e.code}`, `/elections/${e.code}/register`]),
    "/statements",
    ...statements.map((s) => `/statements/${s.id}`),
  ];
  const url = (locale: string, path: string) => new URL(`/${locale}${path}`, site).toString();
  return paths.flatMap((path) =>
    routing.locales.map((locale) => ({
      url: url(locale, path),
      alternates: { languages: Object.fromEntries(routing.locales.map((l) => [l, url(l, path)])) },
    })),
  );
}
