import "server-only";
import { and, asc, eq, inArray, lte } from "drizzle-orm";
import { getDb } from "@/db";
import { meetings } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/record";
import { getEnv } from "@/lib/env";
import { describeError, log } from "@/lib/log";
import { releaseBookings } from "./bookings";
import { notifyMeetingChange } from "./notices";
import { meetingLifecycle, meetingStatuses } from "./transitions";

/** The undecided statuses: those the transition table lets expire. */
const expirableStatuses = meetingStatuses.filter((status) => meetingLifecycle.nextStatus(status, "expire") !== null);

/**
 * Expires requests and proposals still undecided 48 hours before their first time, releasing
 * what they held; each expiry is an audit event and a notice to the mission's coordinators, in
 * the same transaction. Rows another process is expiring are skipped (SKIP LOCKED), so any number
 * of servers and workers may run this. Returns how many expired.
 */
export async function expireUndecidedMeetings(now = new Date()) {
  return getDb().transaction(async (tx) => {
    const due = await tx
      .select({ id: meetings.id, status: meetings.status, version: meetings.version })
      .from(meetings)
      .where(and(inArray(meetings.status, expirableStatuses), lte(meetings.expiresAt, now)))
      .orderBy(asc(meetings.expiresAt))
      .limit(100)
      .for("update", { skipLocked: true });
    for (const meeting of due) {
      await releaseBookings(tx, meeting.id);
      await tx
        .update(meetings)
        .set({ status: meetingLifecycle.nextStatus(meeting.status, "expire")!, version: meeting.version + 1, roomId: null, updatedAt: now })
        .where(eq(meetings.id, meeting.id));
      await writeAuditEvent(tx, { actor: null, action: "meeting.expired", entityType: "meeting", entityId: meeting.id });
      await notifyMeetingChange(tx, meeting.id, "expired");
    }
    return due.length;
  });
}

export type MeetingExpiry = { stop: () => Promise<void> };

/**
 * Runs the expiry every MEETING_EXPIRY_INTERVAL_MS beside the outbox sender (in the server,
 * lib/ops/server-start.ts, or in `npm run worker`), so pages only read what it settled.
 */
export function startMeetingExpiry(): MeetingExpiry {
  const { MEETING_EXPIRY_INTERVAL_MS: intervalMs, MEETING_EXPIRY_LOOKAHEAD_MS: lookaheadMs } = getEnv();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const round = async () => {
    try {
      const expired = await expireUndecidedMeetings(new Date(Date.now() + lookaheadMs));
      if (expired > 0) log.info("meetings.expired", { count: expired });
    } catch (error) {
      log.error("meetings.expiry_failed", describeError(error));
    }
    if (!stopped) timer = setTimeout(() => (running = round()), intervalMs);
  };
  running = round();
  log.info("meetings.expiry_started", { intervalMs });
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
