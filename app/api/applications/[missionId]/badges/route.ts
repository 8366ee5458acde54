import { recordAuditEvent } from "@/lib/audit/record";
import { renderBadgeSheet } from "@/lib/badges/pdf";
import { badgeLabels, badgePdfTitle } from "@/lib/badges/pdf-labels";
import { badgePdfResponse, badgeRefusal, listMissionBadgesForPrinting, titleLocale } from "@/lib/badges/printing";
import { can } from "@/lib/identity/permissions";
import { getActor, needsSecondFactorEnrolment } from "@/lib/identity/session";
import { clientIp } from "@/lib/request-context";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * Every current badge of a mission on A4 sheets with crop marks, for the commission's staff to
 * print. The personal data of a whole mission leaves the system: each download is an audit event.
 */
export async function GET(request: Request, { params }: RouteContext<"/api/applications/[missionId]/badges">) {
  const actor = await getActor();
  if (!actor) return badgeRefusal(401);
  if (!can(actor.role, "review:applications") || needsSecondFactorEnrolment(actor)) return badgeRefusal(403);
  const found = await listMissionBadgesForPrinting(actor, (await params).missionId);
  if (!found) return badgeRefusal(404);

  const { mission, holders } = found;
  const locale = titleLocale(request);
  const title = badgePdfTitle(locale, { organization: mission.organizationAcronym, election: mission.electionTitles[locale] });
  const bytes = await renderBadgeSheet(mission, holders, badgeLabels, title);
  await recordAuditEvent({
    actor,
    action: "badges.printed",
    entityType: "mission",
    entityId: mission.id,
    ip: await clientIp(),
    details: { count: holders.length, badges: holders.map((holder) => holder.badgeId) },
  });
  // "OSCE/ODIHR" has a slash no file name may.
  return badgePdfResponse(bytes, `badges-${mission.organizationAcronym.replace(/[^\p{L}\p{N}]+/gu, "-")}-${mission.electionCode}.pdf`);
}
