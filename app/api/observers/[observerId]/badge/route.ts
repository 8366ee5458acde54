import { recordAuditEvent } from "@/lib/audit/record";
import { renderBadge } from "@/lib/badges/pdf";
import { badgeLabels, badgePdfTitle } from "@/lib/badges/pdf-labels";
import { badgePdfResponse, badgeRefusal, getBadgeForPrinting, titleLocale } from "@/lib/badges/printing";
import { can } from "@/lib/identity/permissions";
import { getActor, needsSecondFactorEnrolment } from "@/lib/identity/session";
import { auditRefusedAccess } from "@/lib/observers/own-record";
import { clientIp } from "@/lib/request-context";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * The printable badge of one accredited observer: for the coordinators of the observer's
 * organization, for the observer themselves, and for staff. The actor is checked here and again in the query; another
 * organization's observer, or one without a current badge, is a 404 that reveals nothing.
 */
export async function GET(request: Request, { params }: RouteContext<"/api/observers/[observerId]/badge">) {
  const actor = await getActor();
  if (!actor) return badgeRefusal(401);
  const mayPrint = can(actor.role, "apply:accreditation") || can(actor.role, "complete:own-record") || can(actor.role, "review:applications");
  if (!mayPrint || needsSecondFactorEnrolment(actor)) return badgeRefusal(403);
  const { observerId } = await params;
  const badge = await getBadgeForPrinting(actor, observerId);
  if (!badge) {
    // An observer asking for a badge that is not theirs (or not yet issued) is noted for the commission.
    if (can(actor.role, "complete:own-record")) await auditRefusedAccess(actor, "badge", observerId, await clientIp());
    return badgeRefusal(404);
  }

  const { mission, holder } = badge;
  const bytes = await renderBadge(mission, holder, badgeLabels, badgePdfTitle(titleLocale(request), { number: holder.accreditationNumber }));
  await recordAuditEvent({
    actor,
    action: "badge.downloaded",
    entityType: "mission",
    entityId: mission.id,
    ip: await clientIp(),
    details: { badgeId: holder.badgeId },
  });
  return badgePdfResponse(bytes, `badge-${holder.accreditationNumber}.pdf`);
}
