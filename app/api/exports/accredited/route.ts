import { accreditedCsv, accreditedXlsx, getElectionForExport, listAccreditedForExport } from "@/lib/accreditation/review/exports";
import { exportRequestSchema } from "@/lib/accreditation/review/schemas";
import { recordAuditEvent } from "@/lib/audit/record";
import { todayInAshgabat } from "@/lib/dates";
import { contentDisposition } from "@/lib/files/download";
import { can } from "@/lib/identity/permissions";
import { getActor, needsSecondFactorEnrolment } from "@/lib/identity/session";
import { clientIp } from "@/lib/request-context";

export const dynamic = "force-dynamic";

const types = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
} as const;

const refusal = (status: 400 | 401 | 403 | 404) =>
  new Response(null, { status, headers: { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } });

/**
 * The accredited observers of an election as XLSX or CSV, for the commission's staff. The actor
 * is checked here; the query is validated whole (an unknown or repeated parameter is a 400 that
 * says nothing more), and every file sent is an audit event without the passports it holds.
 */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return refusal(401);
  if (!can(actor.role, "export:accredited") || needsSecondFactorEnrolment(actor)) return refusal(403);

  const params = new URL(request.url).searchParams;
  const names = [...params.keys()];
  if (new Set(names).size !== names.length) return refusal(400);
  const parsed = exportRequestSchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) return refusal(400);
  const { election: electionId, organization, region, role, format, locale } = parsed.data;

  const election = await getElectionForExport(actor, electionId);
  if (!election) return refusal(404);
  const filters = { electionId, organizationId: organization, region, role };
  const rows = await listAccreditedForExport(actor, filters);
  const body = format === "csv" ? accreditedCsv(rows, locale) : await accreditedXlsx(rows, locale);

  await recordAuditEvent({
    actor,
    action: "observers.exported",
    entityType: "election",
    entityId: election.id,
    ip: await clientIp(),
    details: {
      electionId: election.id,
      filters: { organizationId: organization ?? null, region: region ?? null, role: role ?? null },
      format,
      locale,
      rowCount: rows.length,
    },
  });

  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": types[format],
      "Content-Length": String(body.length),
      "Content-Disposition": contentDisposition("attachment", `accredited-${election.code}-${todayInAshgabat()}.${format}`),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}
