import "server-only";
import { and, asc, eq, inArray, lt, gt, ne, or, sql } from "drizzle-orm";
import type { Transaction } from "@/db";
import { meetingBookings, meetingRooms, meetings, officials } from "@/db/schema";
import type { Locale } from "@/i18n/routing";

/** No room or official is booked closer than this to another meeting. */
export const BUFFER_MS = 15 * 60_000;

export type Interval = { startsAt: Date; endsAt: Date };
export type Resources = { roomId: string; officialIds: string[] };
export type Conflict = { resource: string; topic: string; startsAt: Date; endsAt: Date };

/**
 * Locks the room's and the officials' rows (in id order, so two confirmations never deadlock) to
 * the end of the transaction. Whoever books the same resource next waits here, then sees this
 * transaction's bookings: the overlap check below and the insert after it cannot interleave.
 * A lock rather than a PostgreSQL exclusion constraint: that needs the btree_gist extension, which
 * the embedded PGlite would have to load as well; row locks work the same on both engines.
 * Returns false when the room or an official does not exist or is not in use.
 */
export async function lockResources(tx: Transaction, { roomId, officialIds }: Resources) {
  const rooms = await tx.select({ id: meetingRooms.id }).from(meetingRooms).where(and(eq(meetingRooms.id, roomId), eq(meetingRooms.active, true))).for("update");
  const people = officialIds.length
    ? await tx
        .select({ id: officials.id })
        .from(officials)
        .where(and(inArray(officials.id, officialIds), eq(officials.active, true)))
        .orderBy(asc(officials.id))
        .for("update")
    : [];
  return rooms.length === 1 && people.length === new Set(officialIds).size;
}

/**
 * Other meetings' bookings of these resources within the buffer of any of the intervals, with
 * the resource's name and the other meeting's topic, for the message that names the conflict.
 */
export async function findConflicts(tx: Transaction, meetingId: string, intervals: Interval[], { roomId, officialIds }: Resources, locale: Locale): Promise<Conflict[]> {
  const roomName = { tk: meetingRooms.nameTk, ru: meetingRooms.nameRu, en: meetingRooms.nameEn }[locale];
  const officialName = { tk: officials.nameTk, ru: officials.nameRu, en: officials.nameEn }[locale];
  const overlapping = or(
    ...intervals.map((i) =>
      and(lt(meetingBookings.startsAt, new Date(i.endsAt.getTime() + BUFFER_MS)), gt(meetingBookings.endsAt, new Date(i.startsAt.getTime() - BUFFER_MS))),
    ),
  );
  const resources = officialIds.length ? or(eq(meetingBookings.roomId, roomId), inArray(meetingBookings.officialId, officialIds)) : eq(meetingBookings.roomId, roomId);
  return tx
    .select({
      resource: sql<string>`coalesce(${roomName}, ${officialName})`,
      topic: meetings.topic,
      startsAt: meetingBookings.startsAt,
      endsAt: meetingBookings.endsAt,
    })
    .from(meetingBookings)
    .innerJoin(meetings, eq(meetings.id, meetingBookings.meetingId))
    .leftJoin(meetingRooms, eq(meetingRooms.id, meetingBookings.roomId))
    .leftJoin(officials, eq(officials.id, meetingBookings.officialId))
    .where(and(ne(meetingBookings.meetingId, meetingId), resources, overlapping))
    .orderBy(asc(meetingBookings.startsAt));
}

/** The meeting now holds these resources for these intervals (and nothing else). */
export async function replaceBookings(tx: Transaction, meetingId: string, intervals: Interval[], { roomId, officialIds }: Resources) {
  await releaseBookings(tx, meetingId);
  await tx.insert(meetingBookings).values(
    intervals.flatMap((i) => [{ meetingId, roomId, ...i }, ...officialIds.map((officialId) => ({ meetingId, officialId, ...i }))]),
  );
}

export async function releaseBookings(tx: Transaction, meetingId: string) {
  await tx.delete(meetingBookings).where(eq(meetingBookings.meetingId, meetingId));
}

/** Keeps only the bookings of one interval (the proposal the mission accepted). */
export async function keepBookingsOf(tx: Transaction, meetingId: string, interval: Interval) {
  await tx.delete(meetingBookings).where(and(eq(meetingBookings.meetingId, meetingId), ne(meetingBookings.startsAt, interval.startsAt)));
}
