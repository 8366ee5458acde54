import ICAL from "ical.js";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { calendarFeeds, emailOutbox, meetingBookings, users } from "@/db/schema";
import { ashgabatInstant } from "@/lib/dates";
import { PermissionDeniedError } from "@/lib/identity/authorize";
import { setUpTestDatabase, testData } from "@/test/db-fixtures";
import { meetingData, workingDayAhead } from "@/test/meeting-fixtures";
import { calendarOfToken, createFeedAddress } from "./feed";
import { getMeetingForStaff, getOwnMeeting } from "./queries";
import { requestMeeting } from "./requests";
import { saveRoom } from "./resources";
import { acceptProposal, askForNewTime, cancelMeeting, confirmMeeting, proposeTimes } from "./scheduling";

const data = testData();
const meetingsData = meetingData(data);
const ip = "203.0.113.11";
let staff: { id: string; role: "reviewer"; organizationId: null; email: string };
let admin: { id: string; role: "admin" };

setUpTestDatabase(data);

beforeAll(async () => {
  const [r, a] = await Promise.all([data.user("reviewer", { preferredLocale: "en" }), data.user("admin")]);
  staff = { id: r.id, role: "reviewer", organizationId: null, email: r.email };
  admin = { id: a.id, role: "admin" };
});

async function room(name: string) {
  return (await saveRoom(admin, null, { nameTk: `${name} tk`, nameRu: `${name} ru`, nameEn: `${name} ${data.token}`, capacity: "10", active: true }, ip))!.id;
}

/** A mission's request at 10:00 on `day`, confirmed by the staff member in a new room. */
async function confirmed(day: string) {
  const { actor, missionId } = await meetingsData.missionThatMayMeet();
  await getDb().update(users).set({ preferredLocale: "ru" }).where(eq(users.id, actor.id));
  const { id } = (await requestMeeting(actor, meetingsData.requestInput(missionId, { window1: `${day}T10:00` }), ip)) as { id: string };
  const seen = (await getMeetingForStaff(staff, id, "en"))!;
  expect(await confirmMeeting(staff, id, seen.version, seen.preferred[0]!.id, { roomId: await room("Hall"), officialIds: [] }, ip, "en")).toEqual({ ok: true });
  return { actor: { ...actor, organizationId: actor.organizationId }, id };
}

async function emailsTo(address: string) {
  return getDb()
    .select({ template: emailOutbox.template, locale: emailOutbox.locale, subject: emailOutbox.subject, text: emailOutbox.textBody, attachments: emailOutbox.attachments })
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, address))
    .orderBy(emailOutbox.createdAt);
}

function eventOf(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
  return { method: calendar.getFirstPropertyValue("method"), uid: event.uid, sequence: event.sequence, start: event.startDate.toJSDate().toISOString() };
}

describe("changes to a meeting", () => {
  it("a confirmation reaches both sides with METHOD:REQUEST; the coordinator's cancellation with METHOD:CANCEL, the same UID and a higher SEQUENCE", async () => {
    const day = workingDayAhead(15);
    const m = await confirmed(day);
    const [toMission] = await emailsTo(m.actor.email);
    const [toStaff] = await emailsTo(staff.email);
    expect(toMission).toMatchObject({ template: "meeting-confirmed", locale: "ru", subject: "Встреча подтверждена: Preparations for election day" });
    expect(toStaff).toMatchObject({ template: "meeting-confirmed", locale: "en" });
    const invitation = eventOf(toMission!.attachments[0]!.content);
    expect(invitation).toMatchObject({ method: "REQUEST", sequence: 1, start: ashgabatInstant(day, "10:00").toISOString() });
    expect(invitation.start).toBe(`${day}T05:00:00.000Z`);

    const version = (await getOwnMeeting(m.actor, m.id, "en"))!.version;
    const intruder = await meetingsData.coordinator();
    expect(await cancelMeeting(intruder, m.id, version, "Not ours", ip)).toEqual({ ok: false, reason: "notFound" });
    expect(await cancelMeeting(m.actor, m.id, version, "The head of mission is ill", ip)).toEqual({ ok: true });
    const after = (await getOwnMeeting(m.actor, m.id, "en"))!;
    expect(after).toMatchObject({ status: "cancelled", cancellationReason: "The head of mission is ill" });
    expect(await getDb().select().from(meetingBookings).where(eq(meetingBookings.meetingId, m.id))).toHaveLength(0);

    for (const address of [m.actor.email, staff.email]) {
      const cancellation = (await emailsTo(address)).at(-1)!;
      expect(cancellation.template).toBe("meeting-cancelled");
      expect(cancellation.text).toContain("The head of mission is ill");
      expect(cancellation.attachments[0]!.contentType).toContain("method=CANCEL");
      expect(eventOf(cancellation.attachments[0]!.content)).toEqual({ ...invitation, method: "CANCEL", sequence: 2 });
    }
    expect((await data.auditOf("meeting", m.id)).map((e) => e.action)).toEqual(["meeting.requested", "meeting.confirmed", "meeting.cancelled"]);
  });

  it("staff may cancel too; the coordinator asking for a new time sends the meeting back to staff with new times", async () => {
    const day = workingDayAhead(16);
    const m = await confirmed(day);
    const version = (await getOwnMeeting(m.actor, m.id, "en"))!.version;
    const later = ashgabatInstant(day, "14:00");
    expect(await askForNewTime(m.actor, m.id, version, "Our flight moved", [ashgabatInstant(day, "19:00")], ip)).toMatchObject({ ok: false, reason: "badTime" });
    expect(await askForNewTime(m.actor, m.id, version, "Our flight moved", [later], ip)).toEqual({ ok: true });
    const asked = (await getMeetingForStaff(staff, m.id, "en"))!;
    expect(asked).toMatchObject({ status: "requested", startsAt: null, cancellationReason: "Our flight moved" });
    expect(asked.preferred.map((w) => w.startsAt)).toEqual([later]);
    const notice = (await emailsTo(staff.email)).at(-1)!;
    expect(notice.template).toBe("meeting-newTimeRequested");
    expect(eventOf(notice.attachments[0]!.content)).toMatchObject({ method: "CANCEL", sequence: 2 });

    expect(await cancelMeeting(staff, m.id, asked.version, "The chairman is away", ip)).toEqual({ ok: true });
    const cancelled = (await emailsTo(m.actor.email)).at(-1)!;
    expect(cancelled).toMatchObject({ template: "meeting-cancelled", attachments: [] });
    expect(cancelled.text).toContain("The chairman is away");
  });

  it("staff moving a confirmed meeting say why and cancel its slot in both calendars; the accepted new time is sent as an update of the same event", async () => {
    const day = workingDayAhead(18);
    const m = await confirmed(day);
    const seen = (await getMeetingForStaff(staff, m.id, "en"))!;
    const roomId = await room("Annex");
    const later = [ashgabatInstant(day, "15:00")];
    // Without a reason the slot stays the mission's.
    expect(await proposeTimes(staff, m.id, seen.version, later, { roomId, officialIds: [] }, ip, "en")).toEqual({ ok: false, reason: "reasonRequired" });
    expect(await getMeetingForStaff(staff, m.id, "en")).toMatchObject({ status: "confirmed", version: seen.version });
    const reason = "The chairman is called to a session of the Mejlis";
    expect(await proposeTimes(staff, m.id, seen.version, later, { roomId, officialIds: [] }, ip, "en", reason)).toEqual({ ok: true });
    expect(await getOwnMeeting(m.actor, m.id, "en")).toMatchObject({ status: "proposed", cancellationReason: reason });
    const proposal = (await emailsTo(m.actor.email)).at(-1)!;
    expect(proposal.template).toBe("meeting-proposed");
    expect(proposal.text).toContain(reason);
    const given = eventOf(proposal.attachments[0]!.content);
    expect(given).toMatchObject({ method: "CANCEL", sequence: 2, start: ashgabatInstant(day, "10:00").toISOString() });

    const own = (await getOwnMeeting(m.actor, m.id, "en"))!;
    expect(await acceptProposal(m.actor, m.id, own.version, own.proposed[0]!.id, ip)).toEqual({ ok: true });
    const accepted = (await emailsTo(staff.email)).at(-1)!;
    expect(accepted.template).toBe("meeting-accepted");
    expect(eventOf(accepted.attachments[0]!.content)).toEqual({ ...given, method: "REQUEST", sequence: 3, start: ashgabatInstant(day, "15:00").toISOString() });
  });
});

describe("the calendar feed", () => {
  it("lists the organization's scheduled meetings to its coordinator; a new address stops the old one; a guessed one finds nothing", async () => {
    const day = workingDayAhead(17);
    const m = await confirmed(day);
    const first = await createFeedAddress(m.actor, ip);
    const token = (url: string) => url.split("/").at(-1)!.replace(/\.ics$/, "");
    const feed = await calendarOfToken(token(first));
    const calendar = new ICAL.Component(ICAL.parse(feed!));
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual([ashgabatInstant(day, "10:00").toISOString()]);
    expect(events[0]!.summary).toContain("Preparations for election day");

    const other = await meetingsData.coordinator();
    const othersFeed = await calendarOfToken(token(await createFeedAddress(other, ip)));
    expect(othersFeed).not.toContain("BEGIN:VEVENT");

    const second = await createFeedAddress(m.actor, ip);
    expect(await calendarOfToken(token(first))).toBeNull();
    expect(await calendarOfToken(token(second))).toContain("BEGIN:VEVENT");
    expect(await calendarOfToken("A".repeat(43))).toBeNull();
    expect(await calendarOfToken("../../etc")).toBeNull();
  });

  it("refuses an observer an address: they have no meetings to subscribe to", async () => {
    const observer = await data.user("observer");
    await expect(createFeedAddress(observer, ip)).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(await getDb().select().from(calendarFeeds).where(eq(calendarFeeds.userId, observer.id))).toEqual([]);
    expect(await data.auditOf("user", observer.id)).toEqual([]);
  });
});
