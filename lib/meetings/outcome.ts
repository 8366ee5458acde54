import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb, type Transaction } from "@/db";
import { meetings } from "@/db/schema";
import { isUuid } from "@/lib/accreditation/scope";
import { writeAuditEvent } from "@/lib/audit/record";
import { assertPermission } from "@/lib/identity/authorize";
import type { Role } from "@/lib/identity/permissions";
import { meetingLifecycle } from "./transitions";
import type { MeetingRecordInput, MeetingSummaryInput } from "./schemas";

/**
 * After the meeting: staff say whether it was held, keep who took part and the internal minutes
 * (never shown to the mission: lib/meetings/queries.ts reads them for staff alone), and may
 * publish a summary in three languages for the public pages.
 */

type Staff = { id: string; role: Role };
type Refusal = { ok: false; reason: "notFound" | "stale" | "notAllowed" };
type Result = { ok: true } | Refusal;

async function lockForStaff(tx: Transaction, meetingId: string, version: number) {
  if (!isUuid(meetingId)) return { ok: false as const, reason: "notFound" as const };
  const [row] = await tx
    .select({ id: meetings.id, status: meetings.status, version: meetings.version, summaryPublishedAt: meetings.summaryPublishedAt })
    .from(meetings)
    .where(eq(meetings.id, meetingId))
    .for("update");
  if (!row) return { ok: false as const, reason: "notFound" as const };
  if (row.version !== version) return { ok: false as const, reason: "stale" as const };
  return { ok: true as const, meeting: row };
}

/**
 * Records the outcome of a confirmed meeting (held or not held), or updates the participants and
 * minutes of one already recorded (its outcome then stays).
 */
export async function recordMeetingOutcome(actor: Staff, input: MeetingRecordInput, ip: string | null): Promise<Result> {
  assertPermission(actor, "schedule:meetings");
  return getDb().transaction(async (tx) => {
    const found = await lockForStaff(tx, input.meetingId, input.version);
    if (!found.ok) return found;
    const { meeting } = found;
    const recorded = meeting.status === "held" || meeting.status === "not_held";
    const event = input.outcome === "held" ? "mark_held" : "mark_not_held";
    if (!recorded && !meetingLifecycle.canTransition(meeting.status, event, actor.role)) return { ok: false, reason: "notAllowed" };
    const status = recorded ? meeting.status : meetingLifecycle.nextStatus(meeting.status, event)!;
    await tx
      .update(meetings)
      .set({ status, participants: input.participants || null, minutes: input.minutes || null, version: meeting.version + 1, updatedAt: new Date() })
      .where(eq(meetings.id, meeting.id));
    // The minutes themselves stay out of the audit log: it is read more widely than they may be.
    await writeAuditEvent(tx, {
      actor,
      action: recorded ? "meeting.record_saved" : status === "held" ? "meeting.held" : "meeting.not_held",
      entityType: "meeting",
      entityId: meeting.id,
      ip,
    });
    return { ok: true };
  });
}

/** Publishes (or corrects) the summary of a held meeting; the first publication dates it. */
export async function publishMeetingSummary(actor: Staff, input: MeetingSummaryInput, ip: string | null): Promise<Result> {
  assertPermission(actor, "schedule:meetings");
  return getDb().transaction(async (tx) => {
    const found = await lockForStaff(tx, input.meetingId, input.version);
    if (!found.ok) return found;
    const { meeting } = found;
    if (meeting.status !== "held") return { ok: false, reason: "notAllowed" };
    const { summaryTk, summaryRu, summaryEn } = input;
    await tx
      .update(meetings)
      .set({ summaryTk, summaryRu, summaryEn, summaryPublishedAt: meeting.summaryPublishedAt ?? new Date(), version: meeting.version + 1, updatedAt: new Date() })
      .where(and(eq(meetings.id, meeting.id), eq(meetings.status, "held")));
    await writeAuditEvent(tx, { actor, action: "meeting.summary_published", entityType: "meeting", entityId: meeting.id, ip, details: { summaryEn } });
    return { ok: true };
  });
}

/** Takes a published summary off the public pages (its text stays, for staff to publish again). */
export async function withdrawMeetingSummary(actor: Staff, meetingId: string, version: number, ip: string | null): Promise<Result> {
  assertPermission(actor, "schedule:meetings");
  return getDb().transaction(async (tx) => {
    const found = await lockForStaff(tx, meetingId, version);
    if (!found.ok) return found;
    if (!found.meeting.summaryPublishedAt) return { ok: false, reason: "notAllowed" };
    await tx
      .update(meetings)
      .set({ summaryPublishedAt: null, version: found.meeting.version + 1, updatedAt: new Date() })
      .where(eq(meetings.id, found.meeting.id));
    await writeAuditEvent(tx, { actor, action: "meeting.summary_withdrawn", entityType: "meeting", entityId: found.meeting.id, ip });
    return { ok: true };
  });
}
