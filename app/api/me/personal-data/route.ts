import { recordAuditEvent } from "@/lib/audit/record";
import { can } from "@/lib/identity/permissions";
import { getActor } from "@/lib/identity/session";
import { personalDataOf, whoHandledMyData } from "@/lib/observers/privacy";
import { clientIp } from "@/lib/request-context";

export const dynamic = "force-dynamic";

const refusal = (status: 401 | 403) => new Response(null, { status, headers: { "Cache-Control": "no-store" } });

/** The signed-in observer's personal data as JSON (their right of access), with who handled it. */
export async function GET() {
  const actor = await getActor();
  if (!actor) return refusal(401);
  if (!can(actor.role, "complete:own-record")) return refusal(403);
  const [data, handledBy] = await Promise.all([personalDataOf(actor), whoHandledMyData(actor)]);
  await recordAuditEvent({ actor, action: "observer.data_exported", entityType: "user", entityId: actor.id, ip: await clientIp() });
  return new Response(JSON.stringify({ exportedAt: new Date().toISOString(), ...data, handledBy }, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="my-personal-data.json"',
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
