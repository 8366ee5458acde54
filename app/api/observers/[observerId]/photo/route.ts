import { downloadPhoto } from "@/lib/accreditation/downloads";

export const dynamic = "force-dynamic";

/** An observer's photo, for the coordinators of the observer's organization and for staff; `?size=thumb` for lists. */
export async function GET(request: Request, { params }: RouteContext<"/api/observers/[observerId]/photo">) {
  const thumbnail = new URL(request.url).searchParams.get("size") === "thumb";
  return downloadPhoto((await params).observerId, thumbnail);
}
