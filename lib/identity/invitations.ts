import "server-only";
import { and, desc, eq, gt, isNull, lte, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { invitations, organizations, users } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/record";
import { enqueueEmail } from "@/lib/email/outbox";
import { invitationEmail } from "@/lib/email/templates/invitation";
import { getEnv } from "@/lib/env";
import { isUuid } from "@/lib/accreditation/scope";
import { offsetOf, type ListQuery } from "@/lib/listing";
import type { FieldErrors } from "@/lib/forms";
import type { Transaction } from "@/db";
import { hashPassword } from "./password";
import { can } from "./permissions";
import type { Actor } from "./session";
import { hashLinkToken, isWellFormedToken, newLinkToken } from "./tokens";
import type { InvitationInput } from "./invitation-schemas";

const VALID_FOR_MS = 7 * 24 * 60 * 60_000;

export type InvitationStatus = "pending" | "accepted" | "expired" | "revoked";

function statusOf(row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now = new Date()): InvitationStatus {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  return row.expiresAt <= now ? "expired" : "pending";
}

// Defence in depth: the actions authorize first, and the data functions refuse again.
function assertMayInvite(actor: Actor) {
  if (!can(actor.role, "invite:users")) throw new Error("Refused: only administrators invite users");
}

/** Creates the token, the row, the email and the audit event together; returns field errors instead when refused. */
async function issue(
  tx: Transaction,
  actor: Actor,
  input: InvitationInput & { resend?: boolean; replaces: string[] },
  ip: string | null,
) {
  const { token, tokenHash } = newLinkToken();
  const expiresAt = new Date(Date.now() + VALID_FOR_MS);
  const organizationId = input.role === "coordinator" ? (input.organizationId ?? null) : null;
  const [row] = await tx
    .insert(invitations)
    .values({ email: input.email.toLowerCase(), role: input.role, organizationId, locale: input.locale, tokenHash, invitedBy: actor.id, expiresAt })
    .returning({ id: invitations.id });
  const organization = organizationId
    ? (await tx.select({ tk: organizations.nameTk, ru: organizations.nameRu, en: organizations.nameEn }).from(organizations).where(eq(organizations.id, organizationId)))[0]
    : undefined;
  const url = `${getEnv().SITE_URL}/${input.locale}/invitation/${token}`;
  await enqueueEmail(tx, {
    // The address as the account will have it.
    to: input.email.toLowerCase(),
    locale: input.locale,
    template: "invitation",
    content: invitationEmail(input.locale, { inviterName: actor.name, organizationName: organization?.[input.locale] ?? null, role: input.role, url, expiresAt }),
  });
  await writeAuditEvent(tx, {
    actor,
    action: "invitation.sent",
    entityType: "invitation",
    entityId: row!.id,
    ip,
    details: {
      role: input.role,
      organizationId,
      locale: input.locale,
      ...(input.resend ? { resend: true } : {}),
      // The links this one made useless, so the trail explains why they read "revoked".
      ...(input.replaces.length > 0 ? { replaces: input.replaces } : {}),
    },
  });
  return row!.id;
}

/** One open link per address: a newer invitation makes the older ones useless. Returns their ids. */
async function revokeOpenInvitationsTo(tx: Transaction, email: string) {
  const revoked = await tx
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(and(eq(invitations.email, email.toLowerCase()), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });
  return revoked.map((r) => r.id);
}

export async function inviteUser(actor: Actor, input: InvitationInput, ip: string | null): Promise<{ id: string } | { fieldErrors: FieldErrors }> {
  assertMayInvite(actor);
  return getDb().transaction(async (tx): Promise<{ id: string } | { fieldErrors: FieldErrors }> => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, input.email.toLowerCase())).limit(1);
    if (existing) return { fieldErrors: { email: "accountExists" } };
    if (input.role === "coordinator") {
      const [organization] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, input.organizationId!)).limit(1);
      if (!organization) return { fieldErrors: { organizationId: "organizationRequired" } };
    }
    const replaces = await revokeOpenInvitationsTo(tx, input.email);
    return { id: await issue(tx, actor, { ...input, replaces }, ip) };
  });
}

/** The address an invitation went to, for the notice after sending it; null for an unknown id. */
export async function invitedAddress(actor: Actor, unverifiedId: string): Promise<string | null> {
  assertMayInvite(actor);
  if (!isUuid(unverifiedId)) return null;
  const [row] = await getDb().select({ email: invitations.email }).from(invitations).where(eq(invitations.id, unverifiedId));
  return row?.email ?? null;
}

/** Revokes a pending invitation; false when it was no longer pending. */
export async function revokeInvitation(actor: Actor, invitationId: string, ip: string | null) {
  assertMayInvite(actor);
  return getDb().transaction(async (tx) => {
    const [revoked] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.id, invitationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id });
    if (!revoked) return false;
    await writeAuditEvent(tx, { actor, action: "invitation.revoked", entityType: "invitation", entityId: invitationId, ip });
    return true;
  });
}

/**
 * A fresh link for a pending, expired or revoked invitation; the old link stops working. Null when
 * there is nothing to resend: unknown, already accepted, or the address has an account meanwhile.
 */
export async function resendInvitation(actor: Actor, invitationId: string, ip: string | null) {
  assertMayInvite(actor);
  return getDb().transaction(async (tx) => {
    const [old] = await tx
      .select({ email: invitations.email, role: invitations.role, organizationId: invitations.organizationId, locale: invitations.locale, acceptedAt: invitations.acceptedAt })
      .from(invitations)
      .where(eq(invitations.id, invitationId))
      .for("update");
    if (!old || old.acceptedAt) return null;
    const [account] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, old.email)).limit(1);
    if (account) return null;
    const replaces = new Set([invitationId, ...(await revokeOpenInvitationsTo(tx, old.email))]);
    const role = old.role as InvitationInput["role"];
    return issue(
      tx,
      actor,
      { email: old.email, role, organizationId: old.organizationId ?? undefined, locale: old.locale, resend: true, replaces: [...replaces] },
      ip,
    );
  });
}

export async function listInvitations(actor: Actor, filter: { status?: InvitationStatus }, query: ListQuery) {
  assertMayInvite(actor);
  const now = sql`now()`;
  const byStatus = {
    pending: and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)),
    accepted: sql`${invitations.acceptedAt} is not null`,
    revoked: and(isNull(invitations.acceptedAt), sql`${invitations.revokedAt} is not null`),
    expired: and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), lte(invitations.expiresAt, now)),
  };
  const rows = await getDb()
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      organizationAcronym: organizations.acronym,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(invitations)
    .leftJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(filter.status ? byStatus[filter.status] : undefined)
    .orderBy(desc(invitations.createdAt))
    .limit(query.pageSize)
    .offset(offsetOf(query));
  return { rows: rows.map((r) => ({ ...r, status: statusOf(r) })), total: rows[0]?.total ?? 0 };
}

/** What the invitation page shows for a token; unknown tokens look the same however they were made. */
export async function findInvitation(token: string) {
  if (!isWellFormedToken(token)) return null;
  const [row] = await getDb()
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      locale: invitations.locale,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      organization: { tk: organizations.nameTk, ru: organizations.nameRu, en: organizations.nameEn },
    })
    .from(invitations)
    .leftJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(eq(invitations.tokenHash, hashLinkToken(token)))
    .limit(1);
  return row ? { ...row, status: statusOf(row) } : null;
}

/**
 * Creates the invitee's account from a pending invitation, once: the row is locked, so two
 * submissions of the same link cannot both succeed.
 */
export async function acceptInvitation(token: string, choice: { name: string; password: string; preferredLocale: "tk" | "ru" | "en" }, ip: string | null) {
  if (!isWellFormedToken(token)) return null;
  const passwordHash = await hashPassword(choice.password);
  return getDb().transaction(async (tx) => {
    const [invitation] = await tx
      .select({ id: invitations.id, email: invitations.email, role: invitations.role, organizationId: invitations.organizationId, expiresAt: invitations.expiresAt, acceptedAt: invitations.acceptedAt, revokedAt: invitations.revokedAt })
      .from(invitations)
      .where(eq(invitations.tokenHash, hashLinkToken(token)))
      .for("update");
    if (!invitation || statusOf(invitation) !== "pending") return null;
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, invitation.email)).limit(1);
    if (taken) return null;
    const [user] = await tx
      .insert(users)
      .values({
        name: choice.name,
        email: invitation.email,
        role: invitation.role,
        organizationId: invitation.organizationId,
        preferredLocale: choice.preferredLocale,
        passwordHash,
        passwordChangedAt: new Date(),
      })
      .returning({ id: users.id, role: users.role, email: users.email });
    await tx.update(invitations).set({ acceptedAt: new Date(), acceptedUserId: user!.id }).where(eq(invitations.id, invitation.id));
    await writeAuditEvent(tx, { actor: { id: user!.id, role: user!.role }, action: "invitation.accepted", entityType: "invitation", entityId: invitation.id, ip });
    return user!;
  });
}
