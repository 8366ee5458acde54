import { hasLocale } from "next-intl";
import { routing } from "@/i18n/routing";
import { contentDisposition } from "@/lib/files/download";
import { cachedPublicRegister } from "@/lib/public/cache";
import { registerCsv } from "@/lib/public/register-csv";
import { electionKeyOf } from "@/lib/public/register";

/**
 * The public register of an election as CSV, in the language asked for (the portal's default
 * otherwise). Public data only, read from the same cache as the register page.
 */
export async function GET(request: Request, { params }: RouteContext<"/api/elections/[election]/register">) {
  const key = electionKeyOf((await params).election);
  const register = key ? await cachedPublicRegister(key) : null;
  if (!register) return new Response(null, { status: 404, headers: { "Cache-Control": "no-store" } });
  const unverifiedLocale = new URL(request.url).searchParams.get("locale");
  const locale = hasLocale(routing.locales, unverifiedLocale) ? unverifiedLocale : routing.defaultLocale;
  const body = registerCsv(register, locale);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Length": String(body.length),
      "Content-Disposition": contentDisposition("attachment", `register-${register.election.code}-${locale}.csv`),
      // Public, but a decision must show at the next download.
      "Cache-Control": "public, no-cache",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
