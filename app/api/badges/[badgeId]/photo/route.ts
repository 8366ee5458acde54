import { badgePhotoResponse } from "@/lib/badges/verification";

export const dynamic = "force-dynamic";

/** The photo of a badge that is valid now, for the public verification page; anything else is a 404. */
export async function GET(_request: Request, { params }: RouteContext<"/api/badges/[badgeId]/photo">) {
  return badgePhotoResponse((await params).badgeId);
}
