import "server-only";
import { and, asc, eq, gte, inArray, isNull, lt, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db";
import { elections, meetingBookings, meetingOfficials, meetings, meetingWindows, missions, organizations } from "@/db/schema";
import type { Locale } from "@/i18n/routing";
import { isUuid, organizationOf, type Coordinator } from "@/lib/accreditation/scope";
import { addDays, ashgabatInstant } from "@/lib/dates";
import { writeAuditEvent } from "@/lib/audit/record";
import { assertPermission } from "@/lib/identity/authorize";
import type { Role } from "@/lib/identity/permissions";
import { findConflicts, keepBookingsOf, lockResources, releaseBookings, replaceBookings, type Conflict, type Interval, type Resources } from "./bookings";
import { notifyMeetingChange, type GivenUpSlot } from "./notices";
import { windowRulesFor } from "./requests";
import { DECISION_NOTICE_MS, windowProblem, type WindowProblem } from "./time";
import { meetingLifecycle, type MeetingEvent, type MeetingStatus } from "./transitions";

type Staff = { id: string; role: Role };
type Ip = string | null;

/** Why a change was not made: the meeting moved on meanwhile, a time breaks a rule, or a resource is taken. */
export type SchedulingRefusal =
  | { ok: false; reason: "notFound" | "stale" | "notAllowed" | "unknownResource" | "unknownWindow" | "reasonRequired" }
  | { ok: false; reason: "badTime"; problems: { index: number; problem: WindowProblem }[] }
  | { ok: false; reason: "conflict"; conflicts: Conflict[] };
type Done = { ok: true };

/** The meeting's row, locked to the end of the transaction, with its election's observation window. */
async function lockMeeting(tx: Transaction, meetingId: string, organizationId?: string) {
  if (!isUuid(meetingId)) return null;
  const [row] = await tx
    .select({
      id: meetings.id,
      status: meetings.status,
      version: meetings.version,
      sequence: meetings.sequence,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      durationMinutes: meetings.durationMinutes,
      organizationId: missions.organizationId,
      observationStartsOn: elections.observationStartsOn,
      observationEndsOn: elections.observationEndsOn,
    })
    .from(meetings)
    .innerJoin(missions, eq(missions.id, meetings.missionId))
    .innerJoin(elections, eq(elections.id, missions.electionId))
    .where(organizationId ? and(eq(meetings.id, meetingId), eq(missions.organizationId, organizationId)) : eq(meetings.id, meetingId))
    .for("update", { of: meetings });
  return row ?? null;
}

type LockedMeeting = NonNullable<Awaited<ReturnType<typeof lockMeeting>>>;

/** New times for a meeting, by either side: the request's own rules, and far enough ahead for the other side to answer. */
async function newTimeProblems(tx: Transaction, meeting: LockedMeeting, times: Date[], now: Date) {
  const rules = { ...(await windowRulesFor(tx, meeting, now)), earliest: new Date(now.getTime() + DECISION_NOTICE_MS) };
  return times.flatMap((startsAt, index) => {
    const problem = windowProblem(startsAt, meeting.durationMinutes, rules);
    return problem ? [{ index, problem }] : [];
  });
}

/** The locked meeting if it is still at the version the actor saw and the event applies to it now. */
async function meetingFor(tx: Transaction, actor: { role: Role }, meetingId: string, version: number, event: MeetingEvent, organizationId?: string) {
  const meeting = await lockMeeting(tx, meetingId, organizationId);
  if (!meeting) return { ok: false as const, reason: "notFound" as const };
  if (meeting.version !== version) return { ok: false as const, reason: "stale" as const };
  if (!meetingLifecycle.canTransition(meeting.status, event, actor.role)) return { ok: false as const, reason: "notAllowed" as const };
  return { ok: true as const, meeting };
}

async function moveTo(tx: Transaction, meeting: LockedMeeting, status: MeetingStatus, changes: Partial<typeof meetings.$inferInsert> = {}) {
  await tx
    .update(meetings)
    .set({ status, version: meeting.version + 1, updatedAt: new Date(), ...changes })
    .where(eq(meetings.id, meeting.id));
}

async function assignOfficials(tx: Transaction, meetingId: string, officialIds: string[]) {
  await tx.delete(meetingOfficials).where(and(eq(meetingOfficials.meetingId, meetingId), eq(meetingOfficials.role, "assigned")));
  if (officialIds.length) await tx.insert(meetingOfficials).values(officialIds.map((officialId) => ({ meetingId, officialId, role: "assigned" as const })));
}

async function withdrawProposals(tx: Transaction, meetingId: string) {
  await tx
    .update(meetingWindows)
    .set({ withdrawnAt: new Date() })
    .where(and(eq(meetingWindows.meetingId, meetingId), eq(meetingWindows.kind, "proposed"), isNull(meetingWindows.withdrawnAt)));
}

/** Locks the resources, then books them for the intervals unless another meeting holds one of them. */
async function book(tx: Transaction, meetingId: string, intervals: Interval[], resources: Resources, locale: Locale): Promise<Done | SchedulingRefusal> {
  if (!(await lockResources(tx, resources))) return { ok: false, reason: "unknownResource" };
  const conflicts = await findConflicts(tx, meetingId, intervals, resources, locale);
  if (conflicts.length) return { ok: false, reason: "conflict", conflicts };
  await replaceBookings(tx, meetingId, intervals, resources);
  return { ok: true };
}

/**
 * Staff confirm one of the mission's preferred windows (or of their own proposals) with a room
 * and officials. Transactional: the resources are locked and checked for overlaps (15 minutes'
 * buffer) before they are booked, so of two staff confirming at once one wins and the other is
 * told which room or official is taken, by which meeting.
 */
export async function confirmMeeting(actor: Staff, meetingId: string, version: number, windowId: string, resources: Resources, ip: Ip, locale: Locale) {
  assertPermission(actor, "schedule:meetings");
  return getDb().transaction(async (tx): Promise<Done | SchedulingRefusal> => {
    const found = await meetingFor(tx, actor, meetingId, version, "confirm");
    if (!found.ok) return found;
    const { meeting } = found;
    if (!isUuid(windowId)) return { ok: false, reason: "unknownWindow" };
    const [window] = await tx
      .select({ startsAt: meetingWindows.startsAt, endsAt: meetingWindows.endsAt })
      .from(meetingWindows)
      .where(and(eq(meetingWindows.id, windowId), eq(meetingWindows.meetingId, meeting.id), isNull(meetingWindows.withdrawnAt)));
    if (!window) return { ok: false, reason: "unknownWindow" };
    const rules = await windowRulesFor(tx, meeting, new Date());
    const problem = windowProblem(window.startsAt, meeting.durationMinutes, rules);
    if (problem) return { ok: false, reason: "badTime", problems: [{ index: 0, problem }] };
    const booked = await book(tx, meeting.id, [window], resources, locale);
    if (!booked.ok) return booked;
    await withdrawProposals(tx, meeting.id);
    await assignOfficials(tx, meeting.id, resources.officialIds);
    await moveTo(tx, meeting, "confirmed", {
      startsAt: window.startsAt,
      endsAt: window.endsAt,
      roomId: resources.roomId,
      sequence: meeting.sequence + 1,
      scheduledBy: actor.id,
      // A reason given when the mission asked for a new time no longer applies.
      cancellationReason: null,
    });
    await writeAuditEvent(tx, {
      actor,
      action: "meeting.confirmed",
      entityType: "meeting",
      entityId: meeting.id,
      ip,
      details: { startsAt: window.startsAt.toISOString(), roomId: resources.roomId, officialIds: resources.officialIds },
    });
    await notifyMeetingChange(tx, meeting.id, "confirmed");
    return { ok: true };
  });
}

/**
 * Staff propose up to three other times with a room and officials; each time holds them until
 * the mission answers (or the proposal expires 48 hours before its first time). A confirmed
 * meeting proposed anew gives up its slot for the proposals.
 */
export async function proposeTimes(actor: Staff, meetingId: string, version: number, times: Date[], resources: Resources, ip: Ip, locale: Locale, reason = "") {
  assertPermission(actor, "schedule:meetings");
  return getDb().transaction(async (tx): Promise<Done | SchedulingRefusal> => {
    const found = await meetingFor(tx, actor, meetingId, version, "propose");
    if (!found.ok) return found;
    const { meeting } = found;
    // Moving a confirmed meeting takes the mission's slot: the mission is told why.
    const givenUp = slotOf(meeting);
    if (givenUp && !reason) return { ok: false, reason: "reasonRequired" };
    const now = new Date();
    const problems = await newTimeProblems(tx, meeting, times, now);
    if (problems.length) return { ok: false, reason: "badTime", problems };
    const intervals = times.map((startsAt) => ({ startsAt, endsAt: new Date(startsAt.getTime() + meeting.durationMinutes * 60_000) }));
    const booked = await book(tx, meeting.id, intervals, resources, locale);
    if (!booked.ok) return booked;
    await withdrawProposals(tx, meeting.id);
    await tx.insert(meetingWindows).values(intervals.map((i) => ({ meetingId: meeting.id, kind: "proposed" as const, ...i })));
    await assignOfficials(tx, meeting.id, resources.officialIds);
    const first = Math.min(...times.map((t) => t.getTime()));
    await moveTo(tx, meeting, "proposed", {
      startsAt: null,
      endsAt: null,
      roomId: resources.roomId,
      expiresAt: new Date(first - DECISION_NOTICE_MS),
      scheduledBy: actor.id,
      sequence: givenUp ? meeting.sequence + 1 : meeting.sequence,
      ...(givenUp && { cancellationReason: reason }),
    });
    await writeAuditEvent(tx, {
      actor,
      action: "meeting.proposed",
      entityType: "meeting",
      entityId: meeting.id,
      ip,
      details: { times: times.map((t) => t.toISOString()), roomId: resources.roomId, officialIds: resources.officialIds, ...(givenUp && { reason }) },
    });
    await notifyMeetingChange(tx, meeting.id, "proposed", givenUp);
    return { ok: true };
  });
}

/** The coordinator accepts one of the commission's proposed times: it becomes the slot, the others are released. */
export async function acceptProposal(actor: Coordinator & { id: string }, meetingId: string, version: number, windowId: string, ip: Ip) {
  const organizationId = organizationOf(actor);
  return getDb().transaction(async (tx): Promise<Done | SchedulingRefusal> => {
    const found = await meetingFor(tx, actor, meetingId, version, "accept", organizationId);
    if (!found.ok) return found;
    const { meeting } = found;
    if (!isUuid(windowId)) return { ok: false, reason: "unknownWindow" };
    const [window] = await tx
      .select({ startsAt: meetingWindows.startsAt, endsAt: meetingWindows.endsAt })
      .from(meetingWindows)
      .where(and(eq(meetingWindows.id, windowId), eq(meetingWindows.meetingId, meeting.id), eq(meetingWindows.kind, "proposed"), isNull(meetingWindows.withdrawnAt)));
    if (!window) return { ok: false, reason: "unknownWindow" };
    await keepBookingsOf(tx, meeting.id, window);
    await moveTo(tx, meeting, "confirmed", { startsAt: window.startsAt, endsAt: window.endsAt, sequence: meeting.sequence + 1, cancellationReason: null });
    await writeAuditEvent(tx, { actor, action: "meeting.accepted", entityType: "meeting", entityId: meeting.id, ip, details: { startsAt: window.startsAt.toISOString() } });
    await notifyMeetingChange(tx, meeting.id, "accepted");
    return { ok: true };
  });
}

/** The coordinator declines the commission's proposed times: the meeting ends and its holds are released. */
export async function declineProposal(actor: Coordinator & { id: string }, meetingId: string, version: number, ip: Ip) {
  const organizationId = organizationOf(actor);
  return getDb().transaction(async (tx): Promise<Done | SchedulingRefusal> => {
    const found = await meetingFor(tx, actor, meetingId, version, "decline", organizationId);
    if (!found.ok) return found;
    await releaseBookings(tx, found.meeting.id);
    await moveTo(tx, found.meeting, "declined", { roomId: null });
    await writeAuditEvent(tx, { actor, action: "meeting.declined", entityType: "meeting", entityId: found.meeting.id, ip });
    await notifyMeetingChange(tx, found.meeting.id, "declined");
    return { ok: true };
  });
}

/** The confirmed slot a change gives up, whose calendar event it cancels. */
function slotOf(meeting: LockedMeeting): GivenUpSlot | null {
  return meeting.status === "confirmed" && meeting.startsAt && meeting.endsAt ? { startsAt: meeting.startsAt, endsAt: meeting.endsAt } : null;
}

/**
 * Either side cancels a meeting not yet held, with a reason both sides see: its holds are
 * released, and a confirmed slot is cancelled in both sides' calendars (the slot stays on record).
 * A coordinator reaches only their organization's meetings.
 */
export async function cancelMeeting(actor: Coordinator & { id: string }, meetingId: string, version: number, reason: string, ip: Ip) {
  const organizationId = actor.role === "coordinator" ? organizationOf(actor) : undefined;
  if (!organizationId) assertPermission(actor, "schedule:meetings");
  return getDb().transaction(async (tx): Promise<Done | SchedulingRefusal> => {
    const found = await meetingFor(tx, actor, meetingId, version, "cancel", organizationId);
    if (!found.ok) return found;
    const { meeting } = found;
    const givenUp = slotOf(meeting);
    await releaseBookings(tx, meeting.id);
    await withdrawProposals(tx, meeting.id);
    await moveTo(tx, meeting, "cancelled", { cancellationReason: reason, sequence: givenUp ? meeting.sequence + 1 : meeting.sequence });
    await writeAuditEvent(tx, { actor, action: "meeting.cancelled", entityType: "meeting", entityId: meeting.id, ip, details: { reason } });
    await notifyMeetingChange(tx, meeting.id, "cancelled", givenUp);
    return { ok: true };
  });
}

/**
 * The coordinator asks for a new time for a confirmed meeting (or instead of the commission's
 * proposals): the slot or the proposals are released, the mission's new preferred times replace
 * the old ones, and the request goes back to staff, expiring as a new one would.
 */
export async function askForNewTime(actor: Coordinator & { id: string }, meetingId: string, version: number, reason: string, times: Date[], ip: Ip) {
  const organizationId = organizationOf(actor);
  return getDb().transaction(async (tx): Promise<Done | SchedulingRefusal> => {
    const found = await meetingFor(tx, actor, meetingId, version, "ask_new_time", organizationId);
    if (!found.ok) return found;
    const { meeting } = found;
    const now = new Date();
    const problems = await newTimeProblems(tx, meeting, times, now);
    if (problems.length) return { ok: false, reason: "badTime", problems };
    const givenUp = slotOf(meeting);
    await releaseBookings(tx, meeting.id);
    await tx
      .update(meetingWindows)
      .set({ withdrawnAt: now })
      .where(and(eq(meetingWindows.meetingId, meeting.id), isNull(meetingWindows.withdrawnAt)));
    await tx
      .insert(meetingWindows)
      .values(times.map((startsAt) => ({ meetingId: meeting.id, kind: "preferred" as const, startsAt, endsAt: new Date(startsAt.getTime() + meeting.durationMinutes * 60_000) })));
    await tx.delete(meetingOfficials).where(and(eq(meetingOfficials.meetingId, meeting.id), eq(meetingOfficials.role, "assigned")));
    const first = Math.min(...times.map((t) => t.getTime()));
    await moveTo(tx, meeting, "requested", {
      startsAt: null,
      endsAt: null,
      roomId: null,
      cancellationReason: reason,
      expiresAt: new Date(first - DECISION_NOTICE_MS),
      sequence: givenUp ? meeting.sequence + 1 : meeting.sequence,
    });
    await writeAuditEvent(tx, {
      actor,
      action: "meeting.new_time_requested",
      entityType: "meeting",
      entityId: meeting.id,
      ip,
      details: { reason, times: times.map((t) => t.toISOString()) },
    });
    await notifyMeetingChange(tx, meeting.id, "newTimeRequested", givenUp);
    return { ok: true };
  });
}

const organizationAcronym = organizations.acronym;

/** Requests and proposals awaiting a decision, the soonest to expire first. */
export async function listPendingMeetings(actor: { role: Role }, locale: Locale) {
  assertPermission(actor, "schedule:meetings");
  const electionTitle = { tk: elections.titleTk, ru: elections.titleRu, en: elections.titleEn }[locale];
  return getDb()
    .select({
      id: meetings.id,
      topic: meetings.topic,
      status: meetings.status,
      expiresAt: meetings.expiresAt,
      acronym: organizationAcronym,
      electionTitle,
      delegationSize: meetings.delegationSize,
    })
    .from(meetings)
    .innerJoin(missions, eq(missions.id, meetings.missionId))
    .innerJoin(organizations, eq(organizations.id, missions.organizationId))
    .innerJoin(elections, eq(elections.id, missions.electionId))
    .where(inArray(meetings.status, ["requested", "proposed"]))
    .orderBy(asc(meetings.expiresAt), asc(meetings.id))
    .limit(200);
}

/** Confirmed meetings from `from` on, soonest first. */
export async function listUpcomingMeetings(actor: { role: Role }, from: Date) {
  assertPermission(actor, "schedule:meetings");
  return getDb()
    .select({ id: meetings.id, topic: meetings.topic, startsAt: sql<Date>`${meetings.startsAt}`.mapWith((v: string | Date) => new Date(v)), acronym: organizationAcronym })
    .from(meetings)
    .innerJoin(missions, eq(missions.id, meetings.missionId))
    .innerJoin(organizations, eq(organizations.id, missions.organizationId))
    .where(and(eq(meetings.status, "confirmed"), gte(meetings.startsAt, from)))
    .orderBy(asc(meetings.startsAt))
    .limit(200);
}

/**
 * A week's bookings (confirmed slots and the holds of pending proposals) for the calendar by room
 * and by official, from Monday `monday` (yyyy-mm-dd, Ashgabat) for seven days.
 */
export async function listWeekBookings(actor: { role: Role }, monday: string) {
  assertPermission(actor, "schedule:meetings");
  const from = ashgabatInstant(monday);
  const until = ashgabatInstant(addDays(monday, 7));
  return getDb()
    .select({
      meetingId: meetingBookings.meetingId,
      roomId: meetingBookings.roomId,
      officialId: meetingBookings.officialId,
      startsAt: meetingBookings.startsAt,
      endsAt: meetingBookings.endsAt,
      status: meetings.status,
      topic: meetings.topic,
      acronym: organizationAcronym,
    })
    .from(meetingBookings)
    .innerJoin(meetings, eq(meetings.id, meetingBookings.meetingId))
    .innerJoin(missions, eq(missions.id, meetings.missionId))
    .innerJoin(organizations, eq(organizations.id, missions.organizationId))
    .where(and(gte(meetingBookings.startsAt, from), lt(meetingBookings.startsAt, until)))
    .orderBy(asc(meetingBookings.startsAt));
}
