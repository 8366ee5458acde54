import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { getDb } from "@/db";
import { missions, observers } from "@/db/schema";
import { fileResponse } from "@/lib/files/download";
import { scaledPhoto } from "@/lib/files/scaled-photo";
import { readFileDescription, readFileForDownload } from "@/lib/files/store";
import { can } from "@/lib/identity/permissions";
import { getActor, needsSecondFactorEnrolment, type Actor } from "@/lib/identity/session";
import { auditRefusedAccess, ownRecordPhotoFileId } from "@/lib/observers/own-record";
import { clientIp } from "@/lib/request-context";
import { ownLetterFileId, ownPhotoFileId } from "./queries";
import { isUuid } from "./scope";

const refusal = (status: 401 | 403 | 404) =>
  new Response(null, { status, headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });

/** Staff read the files of every application once submitted; before that they are the coordinator's alone. */
async function submittedLetterFileId(unverifiedMissionId: string) {
  if (!isUuid(unverifiedMissionId)) return null;
  const [row] = await getDb()
    .select({ fileId: missions.letterFileId })
    .from(missions)
    .where(and(eq(missions.id, unverifiedMissionId), isNotNull(missions.submittedAt)));
  return row?.fileId ?? null;
}

async function submittedPhotoFileId(unverifiedObserverId: string) {
  if (!isUuid(unverifiedObserverId)) return null;
  const [row] = await getDb()
    .select({ fileId: observers.photoFileId })
    .from(observers)
    .innerJoin(missions, eq(missions.id, observers.missionId))
    .where(and(eq(observers.id, unverifiedObserverId), isNotNull(missions.submittedAt)));
  return row?.fileId ?? null;
}

/**
 * A file of an application: for its organization's coordinators (found only through a row their
 * organization owns) and for the commission's staff once the application is submitted. The actor
 * is checked here, in the route; anything not theirs is a 404, so ids reveal nothing.
 */
async function download(
  find: { own: (actor: Actor) => Promise<string | null>; staff: () => Promise<string | null>; observer: (actor: Actor) => Promise<string | null>; target: string },
  thumbnail = false,
) {
  const actor = await getActor();
  if (!actor) return refusal(401);
  if (needsSecondFactorEnrolment(actor)) return refusal(403);
  const fileId = can(actor.role, "apply:accreditation")
    ? await find.own(actor)
    : can(actor.role, "review:applications")
      ? await find.staff()
      : can(actor.role, "complete:own-record")
        ? await find.observer(actor)
        : undefined;
  if (fileId === undefined) return refusal(403);
  const notFound = async () => {
    // An observer reaching beyond their own photo is noted for the commission.
    if (can(actor.role, "complete:own-record")) await auditRefusedAccess(actor, find.target, null, await clientIp());
    return refusal(404);
  };
  if (!thumbnail) {
    const file = fileId ? await readFileForDownload(fileId) : null;
    return file ? fileResponse(file) : notFound();
  }
  const file = fileId ? await readFileDescription(fileId) : null;
  if (!file) return notFound();
  // Lists show hundreds of faces: 120 px wide is enough and a fraction of the bytes.
  const small = await scaledPhoto(file, 120);
  return fileResponse({ ...file, content: small, byteSize: small.length, sha256: `${file.sha256}-thumb` });
}

// An observer never sees the application's letter.
export const downloadLetter = (unverifiedMissionId: string) =>
  download({
    own: (actor) => ownLetterFileId(actor, unverifiedMissionId),
    staff: () => submittedLetterFileId(unverifiedMissionId),
    observer: async () => null,
    target: `letter:${unverifiedMissionId.slice(0, 64)}`,
  });

export const downloadPhoto = (unverifiedObserverId: string, thumbnail: boolean) =>
  download(
    {
      own: (actor) => ownPhotoFileId(actor, unverifiedObserverId),
      staff: () => submittedPhotoFileId(unverifiedObserverId),
      observer: (actor) => ownRecordPhotoFileId(actor, unverifiedObserverId),
      target: `photo:${unverifiedObserverId.slice(0, 64)}`,
    },
    thumbnail,
  );
