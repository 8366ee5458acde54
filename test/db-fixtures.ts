import { randomBytes } from "node:crypto";
import { and, asc, eq, like } from "drizzle-orm";
import { getDb } from "@/db";
import { auditEvents, elections, organizations, users } from "@/db/schema";
import type { Role } from "@/lib/identity/permissions";

/**
 * Rows for database tests. On a shared PostgreSQL database other files (and earlier runs) write
 * too, so everything made here carries this file's token, and `cleanUp` removes only that.
 */
export function testData() {
  const token = randomBytes(4).toString("hex");
  let serial = 0;
  const unique = (prefix: string) => `${prefix}${token}${++serial}`;

  async function organization(overrides: Partial<typeof organizations.$inferInsert> = {}) {
    const [row] = await getDb()
      .insert(organizations)
      .values({
        acronym: unique("ORG-"),
        nameTk: `Synag guramasy ${token}`,
        nameRu: `Тестовая организация ${token}`,
        nameEn: `Test organization ${token}`,
        kind: "international_ngo",
        seatCountry: "DE",
        ...overrides,
      })
      .returning({ id: organizations.id, acronym: organizations.acronym });
    return row!;
  }

  async function user(role: Role, overrides: Partial<typeof users.$inferInsert> = {}) {
    const organizationId = role === "coordinator" ? (overrides.organizationId ?? (await organization()).id) : null;
    const [row] = await getDb()
      .insert(users)
      .values({ name: unique("Person "), email: `${unique("person-")}@test.example`, role, organizationId, ...overrides })
      .returning({ id: users.id, role: users.role, name: users.name, email: users.email, organizationId: users.organizationId });
    return row!;
  }

  /** The audit events about one record, oldest first. */
  async function auditOf(entityType: string, entityId: string) {
    return getDb()
      .select({ action: auditEvents.action, actorId: auditEvents.actorId, actorRole: auditEvents.actorRole, ip: auditEvents.ip, details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, entityId)))
      .orderBy(asc(auditEvents.seq));
  }

  async function cleanUp() {
    const db = getDb();
    await db.delete(users).where(like(users.email, `%${token}%`));
    await db.delete(organizations).where(like(organizations.acronym, `%${token}%`));
    await db.delete(elections).where(like(elections.code, `%${token.toUpperCase()}%`));
  }

  return { token, unique, organization, user, auditOf, cleanUp };
}
