import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Transaction } from "@/db";
import { meetingRooms, meetings, missions, organizations, users } from "@/db/schema";
import type { EmailAttachment } from "@/db/schema/email";
import { enqueueEmail } from "@/lib/email/outbox";
import { meetingChangeEmail, type MeetingChange } from "@/lib/email/templates/meeting";
import { emailTranslator } from "@/lib/email/translator";
import { getEnv } from "@/lib/env";
import { meetingInvitation } from "./calendar";

type Locale = "tk" | "ru" | "en";
type Recipient = { email: string; locale: Locale; side: "mission" | "commission" };
/** A slot the change gave up (cancelled, or replaced by proposals): its calendar event is cancelled. */
export type GivenUpSlot = { startsAt: Date; endsAt: Date };

async function meetingOf(tx: Transaction, meetingId: string) {
  const [row] = await tx
    .select({
      id: meetings.id,
      topic: meetings.topic,
      agenda: meetings.agenda,
      sequence: meetings.sequence,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      cancellationReason: meetings.cancellationReason,
      scheduledBy: meetings.scheduledBy,
      organizationId: missions.organizationId,
      acronym: organizations.acronym,
      rooms: { tk: meetingRooms.nameTk, ru: meetingRooms.nameRu, en: meetingRooms.nameEn },
    })
    .from(meetings)
    .innerJoin(missions, eq(missions.id, meetings.missionId))
    .innerJoin(organizations, eq(organizations.id, missions.organizationId))
    .leftJoin(meetingRooms, eq(meetingRooms.id, meetings.roomId))
    .where(eq(meetings.id, meetingId));
  return row!;
}

/**
 * The mission's side is its organization's coordinators; the commission's is the staff member who
 * scheduled the meeting or, before anyone has, every reviewer (as with a new application).
 */
async function recipientsOf(tx: Transaction, meeting: Awaited<ReturnType<typeof meetingOf>>, change: MeetingChange): Promise<Recipient[]> {
  const active = isNull(users.disabledAt);
  const columns = { email: users.email, locale: users.preferredLocale };
  const mission = await tx
    .select(columns)
    .from(users)
    .where(and(eq(users.organizationId, meeting.organizationId), eq(users.role, "coordinator"), active));
  const commission =
    change === "expired"
      ? []
      : meeting.scheduledBy
        ? await tx.select(columns).from(users).where(and(eq(users.id, meeting.scheduledBy), active))
        : await tx.select(columns).from(users).where(and(eq(users.role, "reviewer"), active));
  return [...mission.map((r) => ({ ...r, side: "mission" as const })), ...commission.map((r) => ({ ...r, side: "commission" as const }))];
}

const organizerEmail = (from: string) => (/<([^>]+)>/.exec(from)?.[1] ?? from).trim();

/**
 * Queues, inside the change's transaction, a notice to both sides in each recipient's language.
 * When a slot is concerned, the notice carries the meeting's iCalendar file: METHOD:REQUEST for
 * the meeting's current slot, METHOD:CANCEL for a slot given up (`givenUp`). The caller has
 * already raised the meeting's sequence for such a change.
 */
export async function notifyMeetingChange(tx: Transaction, meetingId: string, change: MeetingChange, givenUp?: GivenUpSlot | null) {
  const meeting = await meetingOf(tx, meetingId);
  const slot = givenUp ?? (meeting.startsAt && meeting.endsAt ? { startsAt: meeting.startsAt, endsAt: meeting.endsAt } : null);
  const { SITE_URL, MAIL_FROM } = getEnv();
  for (const recipient of await recipientsOf(tx, meeting, change)) {
    const { locale, side } = recipient;
    const room = meeting.rooms?.[locale] ?? null;
    const content = meetingChangeEmail(locale, {
      change,
      meetingId,
      topic: meeting.topic,
      acronym: meeting.acronym,
      slot: slot && { ...slot, room },
      // A proposal that gives up a confirmed slot says why, as a cancellation does.
      reason: change === "cancelled" || change === "newTimeRequested" || (change === "proposed" && givenUp) ? meeting.cancellationReason : null,
      side,
    });
    const attachments: EmailAttachment[] = [];
    if (slot && change !== "expired") {
      const t = emailTranslator(locale);
      const cancelled = Boolean(givenUp);
      const ics = meetingInvitation(
        {
          id: meetingId,
          sequence: meeting.sequence,
          cancelled,
          ...slot,
          summary: t("meeting.calendarSummary", { organization: meeting.acronym, topic: meeting.topic }),
          description: meeting.agenda,
          location: room,
          url: new URL(`/${locale}/${side === "mission" ? "portal" : "commission"}/meetings/${meetingId}`, SITE_URL).toString(),
        },
        { siteUrl: SITE_URL, organizer: { name: t("meeting.organizer"), email: organizerEmail(MAIL_FROM) }, attendee: recipient.email },
      );
      attachments.push({ filename: "meeting.ics", contentType: `text/calendar; charset=utf-8; method=${cancelled ? "CANCEL" : "REQUEST"}`, content: ics });
    }
    await enqueueEmail(tx, { to: recipient.email, locale, template: `meeting-${change}`, content, attachments });
  }
}
