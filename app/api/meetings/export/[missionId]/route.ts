import { z } from "zod";
import { routing } from "@/i18n/routing";
import { recordAuditEvent } from "@/lib/audit/record";
import { todayInAshgabat } from "@/lib/dates";
import { contentDisposition } from "@/lib/files/download";
import { can } from "@/lib/identity/permissions";
import { getActor, needsSecondFactorEnrolment } from "@/lib/identity/session";
import { heldMeetingsOfMission, heldMeetingsXlsx } from "@/lib/meetings/export";
import { clientIp } from "@/lib/request-context";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };
const refusal = (status: 400 | 401 | 403 | 404) => new Response(null, { status, headers: noStore });
const querySchema = z.strictObject({ locale: z.enum(routing.locales) });

/**
 * The meetings held with a mission as XLSX, for the mission's coordinators and for staff. Another
 * organization's mission is a 404, as everywhere; every file sent is an audit event.
 */
export async function GET(request: Request, { params }: RouteContext<"/api/meetings/export/[missionId]">) {
  const actor = await getActor();
  if (!actor) return refusal(401);
  if (!(can(actor.role, "request:meetings") || can(actor.role, "schedule:meetings")) || needsSecondFactorEnrolment(actor)) return refusal(403);
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return refusal(400);
  const { locale } = parsed.data;
  const found = await heldMeetingsOfMission(actor, (await params).missionId, locale);
  if (!found) return refusal(404);
  const body = await heldMeetingsXlsx(found.rows, locale);
  await recordAuditEvent({
    actor,
    action: "meetings.exported",
    entityType: "mission",
    entityId: found.mission.id,
    ip: await clientIp(),
    details: { locale, rowCount: found.rows.length },
  });
  return new Response(new Uint8Array(body), {
    headers: {
      ...noStore,
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Length": String(body.length),
      "Content-Disposition": contentDisposition("attachment", `meetings-${found.mission.acronym}-${found.mission.electionCode}-${todayInAshgabat()}.xlsx`),
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}
