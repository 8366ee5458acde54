import { randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { and, asc, eq, inArray, like, or } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import {
  auditEvents,
  elections,
  emailOutbox,
  files,
  meetingRooms,
  meetings,
  missions,
  missionSubmissions,
  observers,
  officials,
  organizations,
  reviewComments,
  statements,
  users,
} from "@/db/schema";
import { addDays, todayInAshgabat } from "@/lib/dates";
import type { Role } from "@/lib/identity/permissions";

const DAY_MS = 24 * 60 * 60 * 1000;

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

  /**
   * A published election whose accreditation window is open now (opened yesterday, closes in
   * 20 days), observed from 5 to 40 days ahead, with election day 30 days ahead.
   */
  async function election(overrides: Partial<typeof elections.$inferInsert> = {}) {
    const today = todayInAshgabat();
    const [row] = await getDb()
      .insert(elections)
      .values({
        code: unique("T").toUpperCase(),
        type: "parliamentary",
        titleTk: `Saýlaw ${token}`,
        titleRu: `Выборы ${token}`,
        titleEn: `Election ${token}`,
        electionDay: addDays(today, 30),
        accreditationOpensAt: new Date(Date.now() - DAY_MS),
        accreditationClosesAt: new Date(Date.now() + 20 * DAY_MS),
        observationStartsOn: addDays(today, 5),
        observationEndsOn: addDays(today, 40),
        status: "published",
        publishedAt: new Date(),
        ...overrides,
      })
      .returning({
        id: elections.id,
        code: elections.code,
        titleEn: elections.titleEn,
        electionDay: elections.electionDay,
        observationStartsOn: elections.observationStartsOn,
        observationEndsOn: elections.observationEndsOn,
        decisionWorkingDays: elections.decisionWorkingDays,
      });
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
    const ownOrganizations = db.select({ id: organizations.id }).from(organizations).where(like(organizations.acronym, `%${token}%`));
    const ownElections = db.select({ id: elections.id }).from(elections).where(like(elections.code, `%${token.toUpperCase()}%`));
    const ownUsers = db.select({ id: users.id }).from(users).where(like(users.email, `%${token}%`));
    const ownMissions = db
      .select({ id: missions.id })
      .from(missions)
      .where(or(inArray(missions.organizationId, ownOrganizations), inArray(missions.electionId, ownElections)));
    // A statement's versions, texts and attachments go with it (on delete cascade).
    await db.delete(statements).where(inArray(statements.missionId, ownMissions));
    // A meeting's windows, officials and bookings go with it (on delete cascade).
    await db.delete(meetings).where(inArray(meetings.missionId, ownMissions));
    await db.delete(officials).where(like(officials.nameEn, `%${token}%`));
    await db.delete(meetingRooms).where(like(meetingRooms.nameEn, `%${token}%`));
    await db.delete(missionSubmissions).where(inArray(missionSubmissions.missionId, ownMissions));
    await db.delete(reviewComments).where(inArray(reviewComments.missionId, ownMissions));
    await db.delete(observers).where(inArray(observers.missionId, ownMissions));
    await db.delete(missions).where(inArray(missions.id, ownMissions));
    await db.delete(files).where(inArray(files.uploadedBy, ownUsers));
    await db.delete(emailOutbox).where(like(emailOutbox.toAddress, `%${token}%`));
    await db.delete(users).where(like(users.email, `%${token}%`));
    await db.delete(organizations).where(like(organizations.acronym, `%${token}%`));
    await db.delete(elections).where(like(elections.code, `%${token.toUpperCase()}%`));
  }

  return { token, unique, organization, user, election, auditOf, cleanUp };
}

/** Registers a database test file's hooks: the schema migrated before its tests; its own rows removed and the database closed after. */
export function setUpTestDatabase(data: ReturnType<typeof testData>) {
  beforeAll(() => migrateDatabase(), 180_000);
  afterAll(async () => {
    try {
      await data.cleanUp();
    } finally {
      await closeDb();
    }
  });
}
