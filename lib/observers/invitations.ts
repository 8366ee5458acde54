import "server-only";
import { and, desc, eq, isNull, ne, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db";
import { elections, missions, observerInvitations, observers, organizations, users } from "@/db/schema";
import { isUuid, lockOwnMission, organizationOf, type Coordinator } from "@/lib/accreditation/scope";
import { writeAuditEvent } from "@/lib/audit/record";
import { enqueueEmail } from "@/lib/email/outbox";
import { getEnv } from "@/lib/env";
import { hashPassword, verifyPassword } from "@/lib/identity/password";
import { hashLinkToken, isWellFormedToken, newLinkToken } from "@/lib/identity/tokens";
import { INVITATION_VALID_FOR_MS, isUsable, unusableReason } from "./invitation-state";
import { observerInvitationEmail } from "./emails";

type Ip = string | null;
type Locale = "tk" | "ru" | "en";
export type InvitationRefusal = "notFound" | "noEmail" | "alreadyJoined" | "withdrawn";
const refused = (refusal: InvitationRefusal) => ({ ok: false as const, refusal });

/** The coordinator's own observer, locked, with what an invitation needs. */
async function lockInvitee(tx: Transaction, actor: Coordinator, unverifiedMissionId: string, unverifiedObserverId: string) {
  const mission = await lockOwnMission(tx, actor, unverifiedMissionId);
  if (!mission || !isUuid(unverifiedObserverId)) return null;
  const [observer] = await tx
    .select({ id: observers.id, email: observers.email, userId: observers.userId, status: observers.status, surname: observers.surname, givenNames: observers.givenNames })
    .from(observers)
    .where(and(eq(observers.id, unverifiedObserverId), eq(observers.missionId, mission.id)))
    .for("update");
  return observer ? { mission, observer } : null;
}

/**
 * One open link per observer: a newer one makes the older ones useless, as does a new address or
 * the observer's withdrawal (lib/accreditation/observer-changes.ts). Returns their ids.
 */
export async function revokeOpenLinks(tx: Transaction, observerId: string) {
  const revoked = await tx
    .update(observerInvitations)
    .set({ revokedAt: new Date() })
    .where(and(eq(observerInvitations.observerId, observerId), isNull(observerInvitations.acceptedAt), isNull(observerInvitations.revokedAt)))
    .returning({ id: observerInvitations.id });
  return revoked.map((r) => r.id);
}

/**
 * Sends (or sends again) an observer their own link, in the language the coordinator chose:
 * the row, the email and the audit event in one transaction; any earlier link stops working.
 */
export async function inviteObserver(actor: Coordinator, unverifiedMissionId: string, unverifiedObserverId: string, locale: Locale, ip: Ip) {
  return getDb().transaction(async (tx) => {
    const found = await lockInvitee(tx, actor, unverifiedMissionId, unverifiedObserverId);
    if (!found) return refused("notFound");
    const { mission, observer } = found;
    if (!observer.email) return refused("noEmail");
    if (observer.userId) return refused("alreadyJoined");
    if (observer.status === "withdrawn") return refused("withdrawn");
    const replaces = await revokeOpenLinks(tx, observer.id);
    const { token, tokenHash } = newLinkToken();
    const expiresAt = new Date(Date.now() + INVITATION_VALID_FOR_MS);
    const [row] = await tx
      .insert(observerInvitations)
      .values({ observerId: observer.id, email: observer.email.toLowerCase(), locale, tokenHash, invitedBy: actor.id, expiresAt })
      .returning({ id: observerInvitations.id });
    const [organization] = await tx
      .select({ tk: organizations.nameTk, ru: organizations.nameRu, en: organizations.nameEn })
      .from(organizations)
      .innerJoin(missions, eq(missions.organizationId, organizations.id))
      .where(eq(missions.id, mission.id));
    await enqueueEmail(tx, {
      to: observer.email.toLowerCase(),
      locale,
      template: "observer-invitation",
      content: observerInvitationEmail(locale, {
        observerName: `${observer.givenNames} ${observer.surname}`,
        organizationName: organization?.[locale] ?? "",
        electionTitle: mission.election.titles[locale],
        url: `${getEnv().SITE_URL}/${locale}/observer-invitation/${token}`,
        expiresAt,
      }),
    });
    await writeAuditEvent(tx, {
      actor,
      action: "observer.invited",
      entityType: "observer",
      entityId: observer.id,
      ip,
      details: { missionId: mission.id, invitationId: row!.id, locale, ...(replaces.length > 0 && { replaces }) },
    });
    return { ok: true as const, resent: replaces.length > 0 };
  });
}

/** Makes the observer's open link useless; false when there was none. */
export async function revokeObserverInvitation(actor: Coordinator, unverifiedMissionId: string, unverifiedObserverId: string, ip: Ip) {
  return getDb().transaction(async (tx) => {
    const found = await lockInvitee(tx, actor, unverifiedMissionId, unverifiedObserverId);
    if (!found) return refused("notFound");
    const revoked = await revokeOpenLinks(tx, found.observer.id);
    if (revoked.length === 0) return { ok: true as const, revoked: false };
    await writeAuditEvent(tx, {
      actor,
      action: "observer.invitation_revoked",
      entityType: "observer",
      entityId: found.observer.id,
      ip,
      details: { missionId: found.mission.id, invitationIds: revoked },
    });
    return { ok: true as const, revoked: true };
  });
}

const linkColumns = {
  id: observerInvitations.id,
  observerId: observerInvitations.observerId,
  email: observerInvitations.email,
  locale: observerInvitations.locale,
  expiresAt: observerInvitations.expiresAt,
  openedAt: observerInvitations.openedAt,
  acceptedAt: observerInvitations.acceptedAt,
  revokedAt: observerInvitations.revokedAt,
};

/**
 * What the invitation page shows for a token, and whether the address already has an account.
 * The first visit of a usable link is noted ("opened" for the coordinator). Unknown tokens are null.
 */
export async function openObserverInvitation(token: string) {
  if (!isWellFormedToken(token)) return null;
  return getDb().transaction(async (tx) => {
    const [link] = await tx
      .select({
        ...linkColumns,
        surname: observers.surname,
        givenNames: observers.givenNames,
        missionName: missions.name,
        organization: { tk: organizations.nameTk, ru: organizations.nameRu, en: organizations.nameEn },
        election: { tk: elections.titleTk, ru: elections.titleRu, en: elections.titleEn },
      })
      .from(observerInvitations)
      .innerJoin(observers, eq(observers.id, observerInvitations.observerId))
      .innerJoin(missions, eq(missions.id, observers.missionId))
      .innerJoin(organizations, eq(organizations.id, missions.organizationId))
      .innerJoin(elections, eq(elections.id, missions.electionId))
      .where(eq(observerInvitations.tokenHash, hashLinkToken(token)))
      .limit(1);
    if (!link) return null;
    if (!isUsable(link)) return { ...link, usable: false as const, reason: unusableReason(link) };
    if (!link.openedAt) {
      await tx.update(observerInvitations).set({ openedAt: new Date() }).where(and(eq(observerInvitations.id, link.id), isNull(observerInvitations.openedAt)));
      await writeAuditEvent(tx, { actor: null, action: "observer.invitation_opened", entityType: "observer", entityId: link.observerId });
    }
    const [account] = await tx.select({ role: users.role }).from(users).where(eq(sql`lower(${users.email})`, link.email)).limit(1);
    return { ...link, usable: true as const, account: account ? (account.role === "observer" ? ("observer" as const) : ("other" as const)) : null };
  });
}

/** The invited address of a usable link (the password rules need it), or null. */
export async function usableInvitationEmail(token: string) {
  if (!isWellFormedToken(token)) return null;
  const [link] = await getDb().select(linkColumns).from(observerInvitations).where(eq(observerInvitations.tokenHash, hashLinkToken(token))).limit(1);
  return link && isUsable(link) ? link.email : null;
}

export type LinkOutcome = { ok: true; user: { id: string; email: string; role: "observer" } } | { ok: false; refusal: "unavailable" | "wrongPassword" | "otherRole" };

/** Locks a usable link by its token, with the observer it is for. */
async function lockUsableLink(tx: Transaction, token: string) {
  if (!isWellFormedToken(token)) return null;
  const [link] = await tx.select(linkColumns).from(observerInvitations).where(eq(observerInvitations.tokenHash, hashLinkToken(token))).for("update");
  return link && isUsable(link) ? link : null;
}

async function linkRecord(tx: Transaction, link: { id: string; observerId: string }, user: { id: string }, created: boolean, ip: Ip) {
  await tx.update(observerInvitations).set({ acceptedAt: new Date() }).where(eq(observerInvitations.id, link.id));
  // Withdrawn records stay unlinked: there is nothing left for the observer to do.
  await tx.update(observers).set({ userId: user.id, updatedAt: new Date() }).where(and(eq(observers.id, link.observerId), ne(observers.status, "withdrawn")));
  await writeAuditEvent(tx, {
    actor: { id: user.id, role: "observer" },
    action: "observer.account_linked",
    entityType: "observer",
    entityId: link.observerId,
    ip,
    details: { invitationId: link.id, newAccount: created },
  });
}

/** Creates the observer's account from a usable link, once (the row is locked), and links their record. */
export async function acceptObserverInvitation(token: string, password: string, ip: Ip): Promise<LinkOutcome> {
  const passwordHash = await hashPassword(password);
  return getDb().transaction(async (tx): Promise<LinkOutcome> => {
    const link = await lockUsableLink(tx, token);
    if (!link) return { ok: false, refusal: "unavailable" };
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, link.email)).limit(1);
    if (taken) return { ok: false, refusal: "unavailable" };
    const [observer] = await tx.select({ surname: observers.surname, givenNames: observers.givenNames }).from(observers).where(eq(observers.id, link.observerId));
    const [user] = await tx
      .insert(users)
      .values({
        name: `${observer!.givenNames} ${observer!.surname}`,
        email: link.email,
        role: "observer",
        preferredLocale: link.locale,
        passwordHash,
        passwordChangedAt: new Date(),
      })
      .returning({ id: users.id, email: users.email });
    await linkRecord(tx, link, user!, true, ip);
    return { ok: true, user: { ...user!, role: "observer" } };
  });
}

/**
 * One person may observe several elections: an observer who already has an account proves it
 * with their password, and this record joins it. Staff and coordinators keep their accounts to
 * their own work.
 */
export async function linkExistingAccount(token: string, password: string, ip: Ip): Promise<LinkOutcome> {
  return getDb().transaction(async (tx): Promise<LinkOutcome> => {
    const link = await lockUsableLink(tx, token);
    if (!link) return { ok: false, refusal: "unavailable" };
    const [account] = await tx
      .select({ id: users.id, email: users.email, role: users.role, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(sql`lower(${users.email})`, link.email))
      .limit(1);
    if (!account || account.disabledAt || !(await verifyPassword(account.passwordHash, password))) return { ok: false, refusal: "wrongPassword" };
    if (account.role !== "observer") return { ok: false, refusal: "otherRole" };
    await linkRecord(tx, link, account, false, ip);
    return { ok: true, user: { id: account.id, email: account.email, role: "observer" } };
  });
}

/** The latest link of each of these observers (for the coordinator's list and observer page). */
export function latestInvitationColumns() {
  return {
    expiresAt: observerInvitations.expiresAt,
    openedAt: observerInvitations.openedAt,
    acceptedAt: observerInvitations.acceptedAt,
    revokedAt: observerInvitations.revokedAt,
    locale: observerInvitations.locale,
  };
}

/** The coordinator's view of one of their observers' own access: the latest link, if any. */
export async function getObserverAccess(actor: Coordinator, unverifiedObserverId: string) {
  if (!isUuid(unverifiedObserverId)) return null;
  const [latest] = await getDb()
    .select(latestInvitationColumns())
    .from(observerInvitations)
    .innerJoin(observers, eq(observers.id, observerInvitations.observerId))
    .innerJoin(missions, eq(missions.id, observers.missionId))
    .where(and(eq(observerInvitations.observerId, unverifiedObserverId), eq(missions.organizationId, organizationOf(actor))))
    .orderBy(desc(observerInvitations.createdAt))
    .limit(1);
  return latest ?? null;
}
