import "server-only";
import { asc, eq, gte } from "drizzle-orm";
import { getDb, type Database, type Transaction } from "@/db";
import { closedDays, meetingRooms, officials, workingHours } from "@/db/schema";
import type { Locale } from "@/i18n/routing";
import { changedFields, recordedFields } from "@/lib/audit/changes";
import { writeAuditEvent } from "@/lib/audit/record";
import { assertPermission } from "@/lib/identity/authorize";
import type { Role } from "@/lib/identity/permissions";
import type { ClosedDayInput, OfficialInput, RoomInput, WorkingHoursInput } from "./resource-schemas";
import { weekdays } from "./resource-schemas";

type Admin = { id: string; role: Role };
type Ip = string | null;

const officialName = { tk: officials.nameTk, ru: officials.nameRu, en: officials.nameEn } as const;
const officialPosition = { tk: officials.positionTk, ru: officials.positionRu, en: officials.positionEn } as const;
const roomName = { tk: meetingRooms.nameTk, ru: meetingRooms.nameRu, en: meetingRooms.nameEn } as const;

/**
 * The commission's officials in the reader's language. Their names and positions are public
 * (missions choose whom to ask for), so anyone signed in may list the active ones.
 */
export async function listOfficials(locale: Locale, { activeOnly }: { activeOnly: boolean }) {
  return getDb()
    .select({ id: officials.id, name: officialName[locale], position: officialPosition[locale], active: officials.active })
    .from(officials)
    .where(activeOnly ? eq(officials.active, true) : undefined)
    .orderBy(asc(officialName[locale]), asc(officials.id));
}

export async function listRooms(locale: Locale, { activeOnly }: { activeOnly: boolean }) {
  return getDb()
    .select({ id: meetingRooms.id, name: roomName[locale], capacity: meetingRooms.capacity, active: meetingRooms.active })
    .from(meetingRooms)
    .where(activeOnly ? eq(meetingRooms.active, true) : undefined)
    .orderBy(asc(roomName[locale]), asc(meetingRooms.id));
}

const officialColumns = {
  nameTk: officials.nameTk,
  nameRu: officials.nameRu,
  nameEn: officials.nameEn,
  positionTk: officials.positionTk,
  positionRu: officials.positionRu,
  positionEn: officials.positionEn,
  active: officials.active,
};

const roomColumns = {
  nameTk: meetingRooms.nameTk,
  nameRu: meetingRooms.nameRu,
  nameEn: meetingRooms.nameEn,
  capacity: meetingRooms.capacity,
  active: meetingRooms.active,
};

export async function getOfficialForEdit(actor: Admin, officialId: string) {
  assertPermission(actor, "manage:meeting-resources");
  const [row] = await getDb().select(officialColumns).from(officials).where(eq(officials.id, officialId));
  return row ?? null;
}

export async function getRoomForEdit(actor: Admin, roomId: string) {
  assertPermission(actor, "manage:meeting-resources");
  const [row] = await getDb().select(roomColumns).from(meetingRooms).where(eq(meetingRooms.id, roomId));
  return row ?? null;
}

/** Creates an official (or, given an id, saves one) with its audit event; null when there is no such official. */
export async function saveOfficial(actor: Admin, officialId: string | null, input: OfficialInput, ip: Ip) {
  assertPermission(actor, "manage:meeting-resources");
  return getDb().transaction(async (tx) => {
    if (!officialId) {
      const [created] = await tx.insert(officials).values(input).returning({ id: officials.id });
      await writeAuditEvent(tx, { actor, action: "official.created", entityType: "official", entityId: created!.id, ip, details: { fields: recordedFields(input) } });
      return { id: created!.id };
    }
    const [before] = await tx.select(officialColumns).from(officials).where(eq(officials.id, officialId)).for("update");
    if (!before) return null;
    const changes = changedFields(before, input);
    if (Object.keys(changes).length === 0) return { id: officialId };
    await tx
      .update(officials)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(officials.id, officialId));
    await writeAuditEvent(tx, { actor, action: "official.updated", entityType: "official", entityId: officialId, ip, details: { changes } });
    return { id: officialId };
  });
}

/** Creates a room (or, given an id, saves one) with its audit event; null when there is no such room. */
export async function saveRoom(actor: Admin, roomId: string | null, input: RoomInput, ip: Ip) {
  assertPermission(actor, "manage:meeting-resources");
  const values = { ...input, capacity: Number(input.capacity) };
  return getDb().transaction(async (tx) => {
    if (!roomId) {
      const [created] = await tx.insert(meetingRooms).values(values).returning({ id: meetingRooms.id });
      await writeAuditEvent(tx, { actor, action: "meeting_room.created", entityType: "meeting_room", entityId: created!.id, ip, details: { fields: recordedFields(values) } });
      return { id: created!.id };
    }
    const [before] = await tx.select(roomColumns).from(meetingRooms).where(eq(meetingRooms.id, roomId)).for("update");
    if (!before) return null;
    const changes = changedFields(before, values);
    if (Object.keys(changes).length === 0) return { id: roomId };
    await tx
      .update(meetingRooms)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(meetingRooms.id, roomId));
    await writeAuditEvent(tx, { actor, action: "meeting_room.updated", entityType: "meeting_room", entityId: roomId, ip, details: { changes } });
    return { id: roomId };
  });
}

export type WorkingDay = { weekday: number; opensAt: string | null; closesAt: string | null };

/** The working week, Monday first, times as hh:mm (null on closed weekdays). */
export async function getWorkingHours(db: Database | Transaction = getDb()): Promise<WorkingDay[]> {
  const rows = await db.select().from(workingHours).orderBy(asc(workingHours.weekday));
  const byDay = new Map(rows.map((r) => [r.weekday, r]));
  return weekdays.map((weekday) => ({
    weekday,
    opensAt: byDay.get(weekday)?.opensAt?.slice(0, 5) ?? null,
    closesAt: byDay.get(weekday)?.closesAt?.slice(0, 5) ?? null,
  }));
}

/** Saves the working week; the audit event names each weekday whose hours changed. */
export async function saveWorkingHours(actor: Admin, input: WorkingHoursInput, ip: Ip) {
  assertPermission(actor, "manage:meeting-resources");
  return getDb().transaction(async (tx) => {
    const before = Object.fromEntries(
      (await tx.select().from(workingHours).for("update")).map((r) => [String(r.weekday), `${r.opensAt?.slice(0, 5) ?? ""}-${r.closesAt?.slice(0, 5) ?? ""}`]),
    );
    const after = Object.fromEntries(weekdays.map((d) => [String(d), `${input[`opens${d}`] ?? ""}-${input[`closes${d}`] ?? ""}`]));
    const changes = changedFields(before, after);
    if (Object.keys(changes).length === 0) return { changed: false };
    for (const weekday of weekdays) {
      const opensAt = input[`opens${weekday}`] || null;
      const closesAt = input[`closes${weekday}`] || null;
      await tx.insert(workingHours).values({ weekday, opensAt, closesAt }).onConflictDoUpdate({ target: workingHours.weekday, set: { opensAt, closesAt } });
    }
    await writeAuditEvent(tx, { actor, action: "working_hours.updated", entityType: "working_hours", ip, details: { changes } });
    return { changed: true };
  });
}

const closedDayReason = { tk: closedDays.reasonTk, ru: closedDays.reasonRu, en: closedDays.reasonEn } as const;

/** Closed days from `from` on (yyyy-mm-dd), earliest first, the reason in the reader's language. */
export async function listClosedDays(locale: Locale, from: string) {
  return getDb()
    .select({ day: closedDays.day, reason: closedDayReason[locale] })
    .from(closedDays)
    .where(gte(closedDays.day, from))
    .orderBy(asc(closedDays.day));
}

/** Adds a closed day; false when that day is already closed. */
export async function addClosedDay(actor: Admin, input: ClosedDayInput, ip: Ip) {
  assertPermission(actor, "manage:meeting-resources");
  return getDb().transaction(async (tx) => {
    const [added] = await tx.insert(closedDays).values(input).onConflictDoNothing().returning({ day: closedDays.day });
    if (!added) return false;
    await writeAuditEvent(tx, { actor, action: "closed_day.added", entityType: "closed_day", entityId: input.day, ip, details: { fields: recordedFields(input) } });
    return true;
  });
}

export async function removeClosedDay(actor: Admin, day: string, ip: Ip) {
  assertPermission(actor, "manage:meeting-resources");
  return getDb().transaction(async (tx) => {
    const [removed] = await tx.delete(closedDays).where(eq(closedDays.day, day)).returning({ day: closedDays.day });
    if (!removed) return false;
    await writeAuditEvent(tx, { actor, action: "closed_day.removed", entityType: "closed_day", entityId: day, ip });
    return true;
  });
}
