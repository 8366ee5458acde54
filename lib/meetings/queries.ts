import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { elections, meetingOfficials, meetingRooms, meetings, meetingWindows, missions, officials, organizations } from "@/db/schema";
import type { Locale } from "@/i18n/routing";
import { isUuid, organizationOf, type Coordinator } from "@/lib/accreditation/scope";
import { assertPermission } from "@/lib/identity/authorize";
import type { Role } from "@/lib/identity/permissions";

const electionTitle = { tk: elections.titleTk, ru: elections.titleRu, en: elections.titleEn } as const;
const organizationName = { tk: organizations.nameTk, ru: organizations.nameRu, en: organizations.nameEn } as const;
const roomName = { tk: meetingRooms.nameTk, ru: meetingRooms.nameRu, en: meetingRooms.nameEn } as const;
const officialName = { tk: officials.nameTk, ru: officials.nameRu, en: officials.nameEn } as const;
const officialPosition = { tk: officials.positionTk, ru: officials.positionRu, en: officials.positionEn } as const;

/** What both sides see of a meeting (never the minutes: those are read by staff alone, below). */
function meetingColumns(locale: Locale) {
  return {
    id: meetings.id,
    missionId: meetings.missionId,
    status: meetings.status,
    topic: meetings.topic,
    agenda: meetings.agenda,
    delegationSize: meetings.delegationSize,
    interpreterLanguage: meetings.interpreterLanguage,
    durationMinutes: meetings.durationMinutes,
    startsAt: meetings.startsAt,
    endsAt: meetings.endsAt,
    expiresAt: meetings.expiresAt,
    version: meetings.version,
    cancellationReason: meetings.cancellationReason,
    summaryTk: meetings.summaryTk,
    summaryRu: meetings.summaryRu,
    summaryEn: meetings.summaryEn,
    summaryPublishedAt: meetings.summaryPublishedAt,
    room: roomName[locale],
    electionTitle: electionTitle[locale],
    organization: organizationName[locale],
    acronym: organizations.acronym,
    missionName: missions.name,
  };
}

/** The meeting's times on the table and its officials, in the reader's language. */
async function detailsOf(meetingId: string, locale: Locale) {
  const [windows, people] = await Promise.all([
    getDb()
      .select({ id: meetingWindows.id, kind: meetingWindows.kind, startsAt: meetingWindows.startsAt, endsAt: meetingWindows.endsAt })
      .from(meetingWindows)
      .where(and(eq(meetingWindows.meetingId, meetingId), isNull(meetingWindows.withdrawnAt)))
      .orderBy(asc(meetingWindows.startsAt)),
    getDb()
      .select({ id: officials.id, role: meetingOfficials.role, name: officialName[locale], position: officialPosition[locale] })
      .from(meetingOfficials)
      .innerJoin(officials, eq(officials.id, meetingOfficials.officialId))
      .where(eq(meetingOfficials.meetingId, meetingId))
      .orderBy(asc(officialName[locale])),
  ]);
  return {
    preferred: windows.filter((w) => w.kind === "preferred"),
    proposed: windows.filter((w) => w.kind === "proposed"),
    requestedOfficials: people.filter((p) => p.role === "requested"),
    assignedOfficials: people.filter((p) => p.role === "assigned"),
  };
}

function meetingQuery(locale: Locale) {
  return getDb()
    .select(meetingColumns(locale))
    .from(meetings)
    .innerJoin(missions, eq(missions.id, meetings.missionId))
    .innerJoin(elections, eq(elections.id, missions.electionId))
    .innerJoin(organizations, eq(organizations.id, missions.organizationId))
    .leftJoin(meetingRooms, eq(meetingRooms.id, meetings.roomId));
}

/** One of the organization's meetings, or null when it is not theirs. */
export async function getOwnMeeting(actor: Coordinator, unverifiedMeetingId: string, locale: Locale) {
  const organizationId = organizationOf(actor);
  if (!isUuid(unverifiedMeetingId)) return null;
  const [row] = await meetingQuery(locale).where(and(eq(meetings.id, unverifiedMeetingId), eq(missions.organizationId, organizationId)));
  return row ? { ...row, ...(await detailsOf(row.id, locale)) } : null;
}

/** A meeting for staff, with what only the commission sees: the participants and the internal minutes. */
export async function getMeetingForStaff(actor: { role: Role }, unverifiedMeetingId: string, locale: Locale) {
  assertPermission(actor, "schedule:meetings");
  if (!isUuid(unverifiedMeetingId)) return null;
  const [row] = await getDb()
    .select({ participants: meetings.participants, minutes: meetings.minutes, roomId: meetings.roomId })
    .from(meetings)
    .where(eq(meetings.id, unverifiedMeetingId));
  if (!row) return null;
  const [shared] = await meetingQuery(locale).where(eq(meetings.id, unverifiedMeetingId));
  return { ...shared!, ...row, ...(await detailsOf(unverifiedMeetingId, locale)) };
}

export type OwnMeeting = NonNullable<Awaited<ReturnType<typeof getOwnMeeting>>>;
