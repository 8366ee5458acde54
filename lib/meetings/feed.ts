import "server-only";
import { and, asc, eq, inArray, isNotNull, isNull, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { calendarFeeds, meetingRooms, meetings, missions, organizations, users } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/record";
import { emailTranslator } from "@/lib/email/translator";
import { getEnv } from "@/lib/env";
import { assertPermission } from "@/lib/identity/authorize";
import { can, type Role } from "@/lib/identity/permissions";
import { hashLinkToken, isWellFormedToken, newLinkToken } from "@/lib/identity/tokens";
import { meetingFeed } from "./calendar";

/**
 * Each user's private calendar feed: an address with a random token that calendar software
 * subscribes to without signing in. Only the token's SHA-256 is kept, so the address is shown
 * once, when it is made; making a new one stops the old one.
 */

type FeedOwner = { id: string; role: Role };

export const feedPath = (token: string) => `/api/meetings/feed/${token}.ics`;

/** Makes (or replaces) the actor's feed address; returns it, to be shown this once. */
export async function createFeedAddress(actor: FeedOwner, ip: string | null) {
  // Coordinators and staff have meetings to subscribe to; an observer has none.
  if (!can(actor.role, "request:meetings")) assertPermission(actor, "schedule:meetings");
  const { token, tokenHash } = newLinkToken();
  await getDb().transaction(async (tx) => {
    await tx
      .insert(calendarFeeds)
      .values({ userId: actor.id, tokenHash })
      .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash, createdAt: new Date() } });
    await writeAuditEvent(tx, { actor, action: "calendar_feed.created", entityType: "user", entityId: actor.id, ip });
  });
  return new URL(feedPath(token), getEnv().SITE_URL).toString();
}

/** When the actor's current address was made, or null if they have none. */
export async function feedCreatedAt(actor: FeedOwner) {
  const [row] = await getDb().select({ createdAt: calendarFeeds.createdAt }).from(calendarFeeds).where(eq(calendarFeeds.userId, actor.id));
  return row?.createdAt ?? null;
}

/**
 * The feed behind an address, or null for an address that is not one (malformed, replaced, or
 * its owner disabled). A coordinator's lists their organization's scheduled meetings; staff's
 * every confirmed or held one. Cancelled meetings stay in a coordinator's feed, marked so.
 */
export async function calendarOfToken(unverifiedToken: string) {
  if (!isWellFormedToken(unverifiedToken)) return null;
  const db = getDb();
  const [owner] = await db
    .select({ role: users.role, organizationId: users.organizationId, locale: users.preferredLocale })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.tokenHash, hashLinkToken(unverifiedToken)), isNull(users.disabledAt)));
  if (!owner) return null;
  let scope: SQL | undefined;
  if (can(owner.role, "schedule:meetings")) scope = inArray(meetings.status, ["confirmed", "held"]);
  else if (can(owner.role, "request:meetings") && owner.organizationId)
    scope = and(eq(missions.organizationId, owner.organizationId), inArray(meetings.status, ["confirmed", "held", "not_held", "cancelled"]));
  else return null;
  const locale = owner.locale;
  const room = { tk: meetingRooms.nameTk, ru: meetingRooms.nameRu, en: meetingRooms.nameEn }[locale];
  const rows = await db
    .select({
      id: meetings.id,
      sequence: meetings.sequence,
      status: meetings.status,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      topic: meetings.topic,
      agenda: meetings.agenda,
      acronym: organizations.acronym,
      room,
    })
    .from(meetings)
    .innerJoin(missions, eq(missions.id, meetings.missionId))
    .innerJoin(organizations, eq(organizations.id, missions.organizationId))
    .leftJoin(meetingRooms, eq(meetingRooms.id, meetings.roomId))
    .where(and(scope, isNotNull(meetings.startsAt)))
    .orderBy(asc(meetings.startsAt))
    .limit(1000);
  const t = emailTranslator(locale);
  const site = getEnv().SITE_URL;
  const workspace = can(owner.role, "schedule:meetings") ? "commission" : "portal";
  return meetingFeed(
    t("meeting.feedName"),
    rows.map((r) => ({
      id: r.id,
      sequence: r.sequence,
      cancelled: r.status === "cancelled",
      startsAt: r.startsAt!,
      endsAt: r.endsAt!,
      summary: t("meeting.calendarSummary", { organization: r.acronym, topic: r.topic }),
      description: r.agenda,
      location: r.room,
      url: new URL(`/${locale}/${workspace}/meetings/${r.id}`, site).toString(),
    })),
    site,
  );
}
