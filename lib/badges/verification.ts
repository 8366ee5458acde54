import "server-only";
import { and, desc, eq, gt, isNotNull, isNull, lte, ne, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { badges, elections, missions, observers, organizations } from "@/db/schema";
import type { Locale } from "@/i18n/routing";
import { fileResponse } from "@/lib/files/download";
import { scaledPhoto } from "@/lib/files/scaled-photo";
import { readFileDescription } from "@/lib/files/store";
import { isLimited, limitKeys, recordFailure } from "@/lib/identity/rate-limit";
import { getBadgeKeys } from "./keys";
import { signRevocationList } from "./revocation-list";
import { verifyBadgeToken, type BadgeClaims } from "./token";
import { windowStatus } from "./window";

/**
 * What anyone may learn about a badge. The signature says who issued it; the database says
 * whether it still stands (a revocation wins over everything); the clock says whether it is in
 * its window. The clock is a parameter so tests can stand at any moment.
 */

export type BadgeStatus = "valid" | "revoked" | "expired" | "notYetValid";
export type BadgeVerification =
  | { status: "notGenuine" }
  | { status: "notFound" }
  | {
      status: BadgeStatus;
      badgeId: string;
      claims: BadgeClaims;
      organizationName: string;
      electionTitle: string;
      /** The photo is shown (and served) only while the badge is valid. */
      photo: boolean;
    };

const BADGE_ID = /^[A-Za-z0-9_-]{22}$/;

const organizationName = { tk: organizations.nameTk, ru: organizations.nameRu, en: organizations.nameEn } as const;
const electionTitle = { tk: elections.titleTk, ru: elections.titleRu, en: elections.titleEn } as const;

async function standingOf(badgeId: string, locale: Locale) {
  const [row] = await getDb()
    .select({
      revokedAt: badges.revokedAt,
      observerStatus: observers.status,
      hasPhoto: isNotNull(observers.photoFileId),
      organizationName: organizationName[locale],
      electionTitle: electionTitle[locale],
    })
    .from(badges)
    .innerJoin(observers, eq(observers.id, badges.observerId))
    .innerJoin(missions, eq(missions.id, observers.missionId))
    .innerJoin(organizations, eq(organizations.id, missions.organizationId))
    .innerJoin(elections, eq(elections.id, missions.electionId))
    .where(eq(badges.id, badgeId));
  return row ?? null;
}

/** A token as scanned from a badge's QR code. */
export async function verifyBadge(unverifiedToken: string, locale: Locale, now: Date = new Date()): Promise<BadgeVerification> {
  const check = await verifyBadgeToken(unverifiedToken.trim(), getBadgeKeys().keySet);
  if (!check.ok) return { status: "notGenuine" };
  const standing = await standingOf(check.claims.jti, locale);
  // Signed by us but unknown to the database (another installation's key, or a lost row): not ours to vouch for.
  if (!standing) return { status: "notGenuine" };
  const status: BadgeStatus = standing.revokedAt || standing.observerStatus !== "accredited" ? "revoked" : windowStatus(check.claims, now);
  return {
    status,
    badgeId: check.claims.jti,
    claims: check.claims,
    organizationName: standing.organizationName,
    electionTitle: standing.electionTitle,
    photo: status === "valid" && Boolean(standing.hasPhoto),
  };
}

const comparable = (name: string) => name.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("en");

/**
 * By accreditation number and surname (case does not matter), for a badge whose code cannot be
 * read. The observer's latest badge is checked as if scanned. A wrong pair says only "not found".
 */
export async function lookUpBadge(unverifiedNumber: string, unverifiedSurname: string, locale: Locale, now: Date = new Date()): Promise<BadgeVerification> {
  const number = unverifiedNumber.trim().toUpperCase();
  if (!number || number.length > 40 || !unverifiedSurname.trim() || unverifiedSurname.length > 200) return { status: "notFound" };
  const [row] = await getDb()
    .select({ surname: observers.surname, token: badges.token })
    .from(observers)
    .innerJoin(badges, eq(badges.observerId, observers.id))
    .where(eq(observers.accreditationNumber, number))
    // The current badge, or the most recent one when none is current.
    .orderBy(sql`${badges.revokedAt} is not null`, desc(badges.issuedAt))
    .limit(1);
  if (!row || comparable(row.surname) !== comparable(unverifiedSurname)) return { status: "notFound" };
  return verifyBadge(row.token, locale, now);
}

export type LookupResult = BadgeVerification | { status: "limited" };

/**
 * The lookup as the public page makes it: every pair that finds nothing counts against the
 * address (in the database, so every process agrees), and a locked address is told to wait, so
 * numbers and surnames cannot be guessed in bulk.
 */
export async function lookUpBadgeFrom(ip: string | null, unverifiedNumber: string, unverifiedSurname: string, locale: Locale, now: Date = new Date()): Promise<LookupResult> {
  const keys = limitKeys("badge-lookup", { ip });
  if (await isLimited(keys)) return { status: "limited" };
  const result = await lookUpBadge(unverifiedNumber, unverifiedSurname, locale, now);
  if (result.status === "notFound") await recordFailure(keys);
  return result;
}

/** The photo of a currently valid badge, small: anyone who holds its id sees what the badge shows. */
export async function badgePhotoResponse(unverifiedBadgeId: string, now: Date = new Date()) {
  const notFound = () => new Response(null, { status: 404, headers: { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });
  if (!BADGE_ID.test(unverifiedBadgeId)) return notFound();
  const [row] = await getDb()
    .select({ fileId: observers.photoFileId })
    .from(badges)
    .innerJoin(observers, eq(observers.id, badges.observerId))
    .where(
      and(
        eq(badges.id, unverifiedBadgeId),
        isNull(badges.revokedAt),
        eq(observers.status, "accredited"),
        lte(badges.validFrom, now),
        gt(badges.validUntil, now),
      ),
    );
  const file = row?.fileId ? await readFileDescription(row.fileId) : null;
  if (!file) return notFound();
  const small = await scaledPhoto(file, 240);
  return fileResponse({ ...file, content: small, byteSize: small.length, sha256: `${file.sha256}-badge`, originalName: "photo.jpg" });
}

/**
 * The signed list for offline checks: every revoked badge, and every badge of an observer no
 * longer accredited, that would otherwise still be in its window (an ended one fails on its own).
 */
export async function signedRevocationList(now: Date = new Date()) {
  const rows = await getDb()
    .select({ id: badges.id })
    .from(badges)
    .innerJoin(observers, eq(observers.id, badges.observerId))
    .where(and(gt(badges.validUntil, now), or(isNotNull(badges.revokedAt), ne(observers.status, "accredited"))))
    .orderBy(badges.id);
  return signRevocationList({ iat: Math.floor(now.getTime() / 1000), revoked: rows.map((r) => r.id) }, getBadgeKeys().current);
}
