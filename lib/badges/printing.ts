import "server-only";
import { and, asc, eq, inArray, isNotNull, isNull, type SQL } from "drizzle-orm";
import { hasLocale } from "next-intl";
import { getDb } from "@/db";
import { badges, elections, files, missions, observers, organizations } from "@/db/schema";
import { routing, type Locale } from "@/i18n/routing";
import { isUuid, organizationOf, type Coordinator } from "@/lib/accreditation/scope";
import { contentDisposition } from "@/lib/files/download";
import { assertPermission } from "@/lib/identity/authorize";
import { can } from "@/lib/identity/permissions";
import { printedVerificationUrl } from "./links";
import { badgePhoto, type BadgeHolder, type BadgeMission } from "./pdf";

/**
 * What the printed badges are drawn from: an accredited observer's current badge, for the
 * coordinators of the observer's organization and for staff; a mission's current badges, for
 * staff only. The where-clause is built from the verified actor, so another organization's ids
 * find nothing.
 */

const missionColumns = {
  missionId: missions.id,
  missionName: missions.name,
  organizationAcronym: organizations.acronym,
  organizationName: organizations.nameEn,
  electionCode: elections.code,
  titleTk: elections.titleTk,
  titleRu: elections.titleRu,
  titleEn: elections.titleEn,
  validFrom: elections.observationStartsOn,
  validUntil: elections.observationEndsOn,
};

const holderColumns = {
  badgeId: badges.id,
  accreditationNumber: observers.accreditationNumber,
  surname: observers.surname,
  givenNames: observers.givenNames,
  cyrillicName: observers.cyrillicName,
  role: observers.role,
  token: badges.token,
  photoFileId: observers.photoFileId,
};

/** Current badges of accredited observers, with their mission, organization and election. */
const currentBadges = (where: SQL | undefined) =>
  getDb()
    .select({ ...missionColumns, ...holderColumns })
    .from(badges)
    .innerJoin(observers, and(eq(observers.id, badges.observerId), eq(observers.status, "accredited")))
    .innerJoin(missions, eq(missions.id, observers.missionId))
    .innerJoin(organizations, eq(organizations.id, missions.organizationId))
    .innerJoin(elections, eq(elections.id, missions.electionId))
    .where(and(isNull(badges.revokedAt), where))
    .orderBy(asc(observers.accreditationNumber));
type BadgeRow = Awaited<ReturnType<typeof currentBadges>>[number];

function badgeMission(row: BadgeRow): BadgeMission & { id: string; electionCode: string } {
  return {
    id: row.missionId,
    electionCode: row.electionCode,
    organizationAcronym: row.organizationAcronym,
    organizationName: row.organizationName,
    missionName: row.missionName,
    electionTitles: { tk: row.titleTk, ru: row.titleRu, en: row.titleEn },
    validFrom: row.validFrom,
    validUntil: row.validUntil,
  };
}

const PHOTO_CHUNK = 100;

/** A promise that may never be awaited (the PDF failed before its badge): its failure must not become an unhandled rejection. */
function awaitedLater<T>(promise: Promise<T>) {
  promise.catch(() => undefined);
  return promise;
}

/**
 * Stored photos are up to 1200 px. They are read a hundred at a time and shrunk to print size, one
 * hundred after the other, so a whole mission never sits in memory; each holder's photo is a
 * promise the renderer awaits, so the shrinking (in sharp's threads) runs while earlier badges are drawn.
 */
function badgeHolders(rows: BadgeRow[]): (BadgeHolder & { badgeId: string })[] {
  const fileIds = rows.flatMap((row) => (row.photoFileId ? [row.photoFileId] : []));
  const chunks: Promise<Map<string, Buffer>>[] = [];
  for (let start = 0; start < fileIds.length; start += PHOTO_CHUNK) {
    const ids = fileIds.slice(start, start + PHOTO_CHUNK);
    const previous = chunks.at(-1) ?? Promise.resolve(new Map());
    chunks.push(
      awaitedLater(
        previous.then(async () => {
          const stored = await getDb().select({ id: files.id, content: files.content }).from(files).where(inArray(files.id, ids));
          return new Map(await Promise.all(stored.map(async (file) => [file.id, await badgePhoto(file.content)] as const)));
        }),
      ),
    );
  }
  const chunkOf = new Map(fileIds.map((id, index) => [id, chunks[Math.floor(index / PHOTO_CHUNK)]!]));
  return rows.map((row) => ({
    badgeId: row.badgeId,
    accreditationNumber: row.accreditationNumber!,
    surname: row.surname,
    givenNames: row.givenNames,
    cyrillicName: row.cyrillicName,
    role: row.role,
    verificationUrl: printedVerificationUrl(row.token),
    photo: row.photoFileId ? awaitedLater(chunkOf.get(row.photoFileId)!.then((photos) => photos.get(row.photoFileId!) ?? null)) : null,
  }));
}

/** Whose badges an actor may print: their organization's (coordinators), their own (observers), or null for staff. */
function printingScope(actor: Coordinator) {
  if (can(actor.role, "apply:accreditation")) return eq(missions.organizationId, organizationOf(actor));
  if (can(actor.role, "complete:own-record")) return eq(observers.userId, actor.id);
  assertPermission(actor, "review:applications");
  return undefined;
}

/**
 * The current badge of one accredited observer: a coordinator's own organization's, the
 * observer's own, or any submitted application's for staff. Null for anything else, whether it
 * exists or not.
 */
export async function getBadgeForPrinting(actor: Coordinator, unverifiedObserverId: string) {
  const scope = printingScope(actor);
  if (!isUuid(unverifiedObserverId)) return null;
  const [row] = await currentBadges(and(eq(observers.id, unverifiedObserverId), scope ?? isNotNull(missions.submittedAt)));
  if (!row) return null;
  return { mission: badgeMission(row), holder: badgeHolders([row])[0]! };
}

/** Every current badge of a mission, for staff to print. Null when it has none. */
export async function listMissionBadgesForPrinting(actor: Coordinator, unverifiedMissionId: string) {
  assertPermission(actor, "review:applications");
  if (!isUuid(unverifiedMissionId)) return null;
  const rows = await currentBadges(and(eq(missions.id, unverifiedMissionId), isNotNull(missions.submittedAt)));
  if (rows.length === 0) return null;
  return { mission: badgeMission(rows[0]!), holders: badgeHolders(rows) };
}

/** A badge PDF as sent: saved, never cached by anyone, named by accreditation number. */
export function badgePdfResponse(bytes: Uint8Array, fileName: string) {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(bytes.length),
      "Content-Disposition": contentDisposition("attachment", fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}

export const badgeRefusal = (status: 401 | 403 | 404) =>
  new Response(null, { status, headers: { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } });

/** The language of the PDF's title: the page the link was on, else the default. */
export const titleLocale = (request: Request): Locale => {
  const requested = new URL(request.url).searchParams.get("locale");
  return hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
};
