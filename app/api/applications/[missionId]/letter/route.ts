import { downloadLetter } from "@/lib/accreditation/downloads";

export const dynamic = "force-dynamic";

/** The application's request letter, for its organization's coordinators and, once submitted, for staff. */
export async function GET(_request: Request, { params }: RouteContext<"/api/applications/[missionId]/letter">) {
  return downloadLetter((await params).missionId);
}
