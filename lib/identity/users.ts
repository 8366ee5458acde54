import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { organizations, userSessions, users } from "@/db/schema";
import { sessionTouchDue } from "./sessions";

/** The user and the session row a cookie names, in one query: re-read on every request. */
export async function getSessionState(userId: string, sessionId: string | undefined) {
  const [row] = await getDb()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      organizationId: users.organizationId,
      preferredLocale: users.preferredLocale,
      disabledAt: users.disabledAt,
      sessionVersion: users.sessionVersion,
      totpEnabledAt: users.totpEnabledAt,
      session: {
        id: userSessions.id,
        createdAt: userSessions.createdAt,
        lastSeenAt: userSessions.lastSeenAt,
        revokedAt: userSessions.revokedAt,
      },
      sessionTouchDue,
    })
    .from(users)
    .leftJoin(userSessions, and(eq(userSessions.id, sql`${sessionId ?? null}::uuid`), eq(userSessions.userId, users.id)))
    .where(eq(users.id, userId))
    .limit(1);
  return row ?? null;
}

export async function getUserForSignIn(email: string) {
  const [row] = await getDb()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      passwordHash: users.passwordHash,
      disabledAt: users.disabledAt,
      sessionVersion: users.sessionVersion,
      totpEnabledAt: users.totpEnabledAt,
    })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
    .limit(1);
  return row ?? null;
}

export async function getOrganizationNames(organizationId: string) {
  const [row] = await getDb()
    .select({ tk: organizations.nameTk, ru: organizations.nameRu, en: organizations.nameEn, acronym: organizations.acronym })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .limit(1);
  return row ?? null;
}
