import { fileResponse } from "@/lib/files/download";
import { readFileForDownload } from "@/lib/files/store";
import { getActor, needsSecondFactorEnrolment } from "@/lib/identity/session";
import { isUuid } from "@/lib/accreditation/scope";
import { publishingNow } from "@/lib/statements/clock";
import { isPublicAttachment, mayDownloadAttachment } from "@/lib/statements/public";

export const dynamic = "force-dynamic";

/**
 * A statement's PDF: anyone's once a version holding it is public (its embargo passed); before
 * that only its organization's coordinators and, once submitted, staff (with their second factor). Anything else is a 404,
 * so nobody learns that an embargoed file exists.
 */
export async function GET(_request: Request, { params }: RouteContext<"/api/statements/attachments/[fileId]">) {
  const { fileId: unverifiedId } = await params;
  if (!isUuid(unverifiedId)) return new Response("Not found", { status: 404 });
  let allowed = await isPublicAttachment(unverifiedId, publishingNow());
  if (!allowed) {
    const actor = await getActor();
    allowed = actor !== null && !needsSecondFactorEnrolment(actor) && (await mayDownloadAttachment(actor, unverifiedId));
  }
  const file = allowed ? await readFileForDownload(unverifiedId) : null;
  if (!file) return new Response("Not found", { status: 404 });
  return fileResponse(file);
}
