import "server-only";
import { and, asc, desc, eq, gte, inArray, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db";
import { closedDays, elections, meetingOfficials, meetings, meetingWindows, missions, officials } from "@/db/schema";
import type { Locale } from "@/i18n/routing";
import { organizationOf, type Coordinator } from "@/lib/accreditation/scope";
import { writeAuditEvent } from "@/lib/audit/record";
import type { FieldErrors } from "@/lib/forms";
import { getWorkingHours } from "./resources";
import { windowInstants, type MeetingRequestInput } from "./schemas";
import { DECISION_NOTICE_MS, windowProblem, type WindowRules } from "./time";

/** Applications whose missions may ask for meetings: submitted, or approved. */
const meetingApplicationStatuses = ["submitted", "approved"] as const;
const electionTitle = { tk: elections.titleTk, ru: elections.titleRu, en: elections.titleEn } as const;

/** The organization's missions that may request a meeting, with their election's title. */
export async function listMissionsForMeetings(actor: Coordinator, locale: Locale) {
  const organizationId = organizationOf(actor);
  return getDb()
    .select({ id: missions.id, name: missions.name, electionTitle: electionTitle[locale] })
    .from(missions)
    .innerJoin(elections, eq(elections.id, missions.electionId))
    .where(and(eq(missions.organizationId, organizationId), inArray(missions.status, [...meetingApplicationStatuses])))
    .orderBy(desc(elections.electionDay));
}

/** What the rules of a meeting's times need, for one election, read inside the transaction. */
export async function windowRulesFor(tx: Transaction, election: { observationStartsOn: string; observationEndsOn: string }, now: Date): Promise<WindowRules> {
  const [workingWeek, closed] = await Promise.all([
    getWorkingHours(tx),
    tx.select({ day: closedDays.day }).from(closedDays).where(gte(closedDays.day, election.observationStartsOn)),
  ]);
  return { now, workingWeek, closedDays: new Set(closed.map((c) => c.day)), ...election };
}

/**
 * Records a mission's request with its preferred windows and the officials asked for, and its
 * audit event. Refused with field errors when the mission is not the coordinator's or cannot meet
 * (application neither submitted nor approved), or a window breaks a rule of lib/meetings/time.ts.
 */
export async function requestMeeting(
  actor: Coordinator & { id: string },
  input: MeetingRequestInput,
  ip: string | null,
  now = new Date(),
): Promise<{ ok: true; id: string } | { ok: false; fieldErrors: FieldErrors }> {
  const organizationId = organizationOf(actor);
  const duration = Number(input.durationMinutes);
  return getDb().transaction(async (tx) => {
    const [mission] = await tx
      .select({ id: missions.id, observationStartsOn: elections.observationStartsOn, observationEndsOn: elections.observationEndsOn })
      .from(missions)
      .innerJoin(elections, eq(elections.id, missions.electionId))
      .where(and(eq(missions.id, input.missionId), eq(missions.organizationId, organizationId), inArray(missions.status, [...meetingApplicationStatuses])));
    if (!mission) return { ok: false, fieldErrors: { missionId: "missionCannotMeet" } };
    const { id: missionId, ...election } = mission;
    const rules = { ...(await windowRulesFor(tx, election, now)), earliest: new Date(now.getTime() + DECISION_NOTICE_MS) };
    const windows = windowInstants(input);
    const fieldErrors: FieldErrors = {};
    for (const w of windows) {
      const problem = windowProblem(w.startsAt, duration, rules);
      if (problem) fieldErrors[w.field] = problem;
    }
    const asked = input.officialIds.length
      ? await tx.select({ id: officials.id }).from(officials).where(and(inArray(officials.id, input.officialIds), eq(officials.active, true)))
      : [];
    if (asked.length !== new Set(input.officialIds).size) fieldErrors.officialIds = "choose";
    if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };

    const first = Math.min(...windows.map((w) => w.startsAt.getTime()));
    const [created] = await tx
      .insert(meetings)
      .values({
        missionId,
        topic: input.topic,
        agenda: input.agenda,
        delegationSize: Number(input.delegationSize),
        interpreterLanguage: input.interpreterLanguage,
        durationMinutes: duration,
        expiresAt: new Date(first - DECISION_NOTICE_MS),
        requestedBy: actor.id,
      })
      .returning({ id: meetings.id });
    const meetingId = created!.id;
    await tx.insert(meetingWindows).values(
      windows.map((w) => ({ meetingId, kind: "preferred" as const, startsAt: w.startsAt, endsAt: new Date(w.startsAt.getTime() + duration * 60_000) })),
    );
    if (asked.length) await tx.insert(meetingOfficials).values(asked.map((o) => ({ meetingId, officialId: o.id, role: "requested" as const })));
    await writeAuditEvent(tx, {
      actor,
      action: "meeting.requested",
      entityType: "meeting",
      entityId: meetingId,
      ip,
      details: { missionId, topic: input.topic, durationMinutes: duration, windows: windows.map((w) => w.startsAt.toISOString()), officials: asked.map((o) => o.id) },
    });
    return { ok: true, id: meetingId };
  });
}

/** The organization's meetings, newest first, with the mission's election. */
export async function listOwnMeetings(actor: Coordinator, locale: Locale) {
  const organizationId = organizationOf(actor);
  return getDb()
    .select({
      id: meetings.id,
      topic: meetings.topic,
      status: meetings.status,
      startsAt: meetings.startsAt,
      firstWindow: sql<Date>`(select min(${meetingWindows.startsAt}) from ${meetingWindows} where ${meetingWindows.meetingId} = ${meetings.id} and ${meetingWindows.withdrawnAt} is null)`.mapWith(
        (v: string | Date) => new Date(v),
      ),
      electionTitle: electionTitle[locale],
    })
    .from(meetings)
    .innerJoin(missions, eq(missions.id, meetings.missionId))
    .innerJoin(elections, eq(elections.id, missions.electionId))
    .where(eq(missions.organizationId, organizationId))
    .orderBy(desc(meetings.createdAt), asc(meetings.id));
}
