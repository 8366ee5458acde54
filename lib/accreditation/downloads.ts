import "server-only";
import { fileResponse } from "@/lib/files/download";
import { readFileForDownload } from "@/lib/files/store";
import { can } from "@/lib/identity/permissions";
import { getActor } from "@/lib/identity/session";
import { ownLetterFileId, ownPhotoFileId } from "./queries";

const refusal = (status: 401 | 403 | 404) =>
  new Response(null, { status, headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });

/**
 * A file of an application, for its organization's coordinator: the actor is checked here, in the
 * route, and the file is found only through a row the actor's organization owns. Anything else is
 * a 404, so ids of other organizations' files reveal nothing.
 */
async function downloadOwn(findFileId: (actor: NonNullable<Awaited<ReturnType<typeof getActor>>>) => Promise<string | null>) {
  const actor = await getActor();
  if (!actor) return refusal(401);
  if (!can(actor.role, "apply:accreditation")) return refusal(403);
  const fileId = await findFileId(actor);
  const file = fileId ? await readFileForDownload(fileId) : null;
  return file ? fileResponse(file) : refusal(404);
}

export const downloadLetter = (unverifiedMissionId: string) => downloadOwn((actor) => ownLetterFileId(actor, unverifiedMissionId));

export const downloadPhoto = (unverifiedObserverId: string) => downloadOwn((actor) => ownPhotoFileId(actor, unverifiedObserverId));
