import { hasLocale } from "next-intl";
import { routing } from "@/i18n/routing";
import { buildCsvTemplate, buildImportTemplate } from "@/lib/accreditation/import";
import { contentDisposition } from "@/lib/files/download";
import { can } from "@/lib/identity/permissions";
import { getActor } from "@/lib/identity/session";

export const dynamic = "force-dynamic";

const types = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
} as const;

/** The observer list template, its header row in the coordinator's language. */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return new Response(null, { status: 401 });
  if (!can(actor.role, "apply:accreditation")) return new Response(null, { status: 403 });
  const params = new URL(request.url).searchParams;
  const unverifiedLocale = params.get("locale");
  const locale = hasLocale(routing.locales, unverifiedLocale) ? unverifiedLocale : routing.defaultLocale;
  const format = params.get("format") === "csv" ? "csv" : "xlsx";
  const body = format === "csv" ? buildCsvTemplate(locale) : await buildImportTemplate(locale);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": types[format],
      "Content-Disposition": contentDisposition("attachment", `observers-${locale}.${format}`),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
