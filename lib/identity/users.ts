import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { organizations, users } from "@/db/schema";

/** The fields a session is rebuilt from on every request. */
export async function getSessionUser(userId: string) {
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
    })
    .from(users)
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
    })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
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
