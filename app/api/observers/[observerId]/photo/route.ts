import { downloadPhoto } from "@/lib/accreditation/downloads";

export const dynamic = "force-dynamic";

/** An observer's photo, for the coordinator of the observer's organization only. */
export async function GET(_request: Request, { params }: RouteContext<"/api/observers/[observerId]/photo">) {
  return downloadPhoto((await params).observerId);
}
