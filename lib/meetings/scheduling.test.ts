import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { meetingBookings, meetings, meetingWindows } from "@/db/schema";
import { ashgabatInstant } from "@/lib/dates";
import { isEmbeddedDatabase } from "@/lib/env";
import { PermissionDeniedError } from "@/lib/identity/authorize";
import { setUpTestDatabase, testData } from "@/test/db-fixtures";
import { meetingData, workingDayAhead } from "@/test/meeting-fixtures";
import { getMeetingForStaff, getOwnMeeting } from "./queries";
import { requestMeeting } from "./requests";
import { saveOfficial, saveRoom } from "./resources";
import { expireUndecidedMeetings } from "./expiry";
import { acceptProposal, askForNewTime, confirmMeeting, declineProposal, listPendingMeetings, proposeTimes } from "./scheduling";

const data = testData();
const meetingsData = meetingData(data);
const ip = "203.0.113.10";
let staff: { id: string; role: "reviewer" };
let admin: { id: string; role: "admin" };

setUpTestDatabase(data);

beforeAll(async () => {
  const [r, a] = await Promise.all([data.user("reviewer"), data.user("admin")]);
  staff = { id: r.id, role: "reviewer" };
  admin = { id: a.id, role: "admin" };
});

async function official(name: string) {
  const saved = await saveOfficial(admin, null, { nameTk: name, nameRu: name, nameEn: `${name} ${data.token}`, positionTk: "Agza", positionRu: "Член", positionEn: "Member", active: true }, ip);
  return saved!.id;
}
async function room(name: string) {
  return (await saveRoom(admin, null, { nameTk: name, nameRu: name, nameEn: `${name} ${data.token}`, capacity: "10", active: true }, ip))!.id;
}

/** A new mission's request with one window at `time` on `day` (Ashgabat). */
async function requested(day: string, time: string, duration = "60") {
  const { actor, missionId } = await meetingsData.missionThatMayMeet();
  const result = await requestMeeting(actor, meetingsData.requestInput(missionId, { window1: `${day}T${time}`, durationMinutes: duration }), ip);
  const id = (result as { id: string }).id;
  const meeting = (await getMeetingForStaff(staff, id, "en"))!;
  return { actor, id, windowId: meeting.preferred[0]!.id, version: meeting.version };
}

/** All a scheduling change writes: the meeting's row, its windows and bookings, its audit trail. */
async function stored(meetingId: string) {
  return {
    meeting: await getDb().select().from(meetings).where(eq(meetings.id, meetingId)),
    windows: await getDb().select().from(meetingWindows).where(eq(meetingWindows.meetingId, meetingId)).orderBy(meetingWindows.id),
    bookings: await getDb().select().from(meetingBookings).where(eq(meetingBookings.meetingId, meetingId)).orderBy(meetingBookings.id),
    audit: await data.auditOf("meeting", meetingId),
  };
}

describe("confirming a meeting", () => {
  it("books the slot with its room and officials, and raises the calendar sequence", async () => {
    const day = workingDayAhead(14);
    const [roomId, officialId] = await Promise.all([room("Hall A"), official("Merjen")]);
    const m = await requested(day, "10:00");
    expect(await confirmMeeting(staff, m.id, m.version, m.windowId, { roomId, officialIds: [officialId] }, ip, "en")).toEqual({ ok: true });
    const seen = (await getOwnMeeting(m.actor, m.id, "en"))!;
    expect(seen).toMatchObject({ status: "confirmed", room: `Hall A ${data.token}`, startsAt: ashgabatInstant(day, "10:00") });
    expect(seen.assignedOfficials.map((o) => o.name)).toEqual([`Merjen ${data.token}`]);
    expect((await getDb().select({ sequence: meetings.sequence }).from(meetings).where(eq(meetings.id, m.id)))[0]!.sequence).toBe(1);
    expect(await getDb().select().from(meetingBookings).where(eq(meetingBookings.meetingId, m.id))).toHaveLength(2);
    expect((await data.auditOf("meeting", m.id)).map((e) => e.action)).toEqual(["meeting.requested", "meeting.confirmed"]);
    // Confirming again with the version seen before is refused: the meeting has moved on.
    expect(await confirmMeeting(staff, m.id, m.version, m.windowId, { roomId, officialIds: [] }, ip, "en")).toEqual({ ok: false, reason: "stale" });
  });

  it("refuses a room or official within 15 minutes of another meeting, naming it; 15 minutes apart is fine", async () => {
    const day = workingDayAhead(15);
    const [roomA, roomB, officialId] = await Promise.all([room("Hall B"), room("Hall C"), official("Aýna")]);
    const first = await requested(day, "10:00");
    await confirmMeeting(staff, first.id, first.version, first.windowId, { roomId: roomA, officialIds: [officialId] }, ip, "en");
    const close = await requested(day, "11:10", "30");
    const refused = await confirmMeeting(staff, close.id, close.version, close.windowId, { roomId: roomB, officialIds: [officialId] }, ip, "en");
    expect(refused).toMatchObject({ ok: false, reason: "conflict", conflicts: [{ resource: `Aýna ${data.token}`, topic: "Preparations for election day" }] });
    const roomTaken = await confirmMeeting(staff, close.id, close.version, close.windowId, { roomId: roomA, officialIds: [] }, ip, "en");
    expect(roomTaken).toMatchObject({ ok: false, reason: "conflict", conflicts: [{ resource: `Hall B ${data.token}` }] });
    const apart = await requested(day, "11:15", "30");
    expect(await confirmMeeting(staff, apart.id, apart.version, apart.windowId, { roomId: roomA, officialIds: [officialId] }, ip, "en")).toEqual({ ok: true });
  });

  it(`two staff confirming overlapping meetings for one official at the same instant: exactly one succeeds (${isEmbeddedDatabase() ? "PGlite serializes them" : "two PostgreSQL connections"})`, async () => {
    const day = workingDayAhead(16);
    const [roomA, roomB, officialId] = await Promise.all([room("Hall D"), room("Hall E"), official("Serdar")]);
    const [a, b] = await Promise.all([requested(day, "14:00"), requested(day, "14:30")]);
    const results = await Promise.all([
      confirmMeeting(staff, a.id, a.version, a.windowId, { roomId: roomA, officialIds: [officialId] }, ip, "en"),
      confirmMeeting(admin, b.id, b.version, b.windowId, { roomId: roomB, officialIds: [officialId] }, ip, "en"),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, reason: "conflict", conflicts: [{ resource: `Serdar ${data.token}` }] });
    const booked = await getDb().select().from(meetingBookings).where(eq(meetingBookings.officialId, officialId));
    expect(booked).toHaveLength(1);
  });
});

describe("proposals", () => {
  it("holds the proposed times; the coordinator accepts one, which becomes the slot and frees the others", async () => {
    const day = workingDayAhead(17);
    const [roomId, officialId] = await Promise.all([room("Hall F"), official("Gül")]);
    const m = await requested(day, "10:00");
    const times = [ashgabatInstant(day, "15:00"), ashgabatInstant(day, "16:30")];
    expect(await proposeTimes(staff, m.id, m.version, times, { roomId, officialIds: [officialId] }, ip, "en")).toEqual({ ok: true });
    // Another meeting cannot take the held official meanwhile.
    const other = await requested(day, "15:00");
    expect(await confirmMeeting(staff, other.id, other.version, other.windowId, { roomId: await room("Hall G"), officialIds: [officialId] }, ip, "en")).toMatchObject({ reason: "conflict" });

    const seen = (await getOwnMeeting(m.actor, m.id, "en"))!;
    expect(seen.status).toBe("proposed");
    expect(seen.proposed.map((w) => w.startsAt)).toEqual(times);
    expect(seen.expiresAt).toEqual(new Date(times[0]!.getTime() - 48 * 3600_000));
    const intruder = await meetingsData.coordinator();
    expect(await acceptProposal(intruder, m.id, seen.version, seen.proposed[1]!.id, ip)).toEqual({ ok: false, reason: "notFound" });
    expect(await acceptProposal(m.actor, m.id, seen.version, seen.proposed[1]!.id, ip)).toEqual({ ok: true });
    const after = (await getOwnMeeting(m.actor, m.id, "en"))!;
    expect(after).toMatchObject({ status: "confirmed", startsAt: times[1] });
    expect(await getDb().select().from(meetingBookings).where(eq(meetingBookings.meetingId, m.id))).toHaveLength(2);
    // The 15:00 time is free again.
    expect(await confirmMeeting(staff, other.id, other.version, other.windowId, { roomId: await room("Hall H"), officialIds: [officialId] }, ip, "en")).toEqual({ ok: true });
  });

  it("refuses more than the rules allow, and a declined proposal releases its holds", async () => {
    const day = workingDayAhead(18);
    const roomId = await room("Hall I");
    const m = await requested(day, "10:00");
    expect(await proposeTimes(staff, m.id, m.version, [ashgabatInstant(day, "19:00")], { roomId, officialIds: [] }, ip, "en")).toEqual({
      ok: false,
      reason: "badTime",
      problems: [{ index: 0, problem: "windowOutsideWorkingHours" }],
    });
    await proposeTimes(staff, m.id, m.version, [ashgabatInstant(day, "11:00")], { roomId, officialIds: [] }, ip, "en");
    const seen = (await getOwnMeeting(m.actor, m.id, "en"))!;
    expect(await declineProposal(m.actor, m.id, seen.version, ip)).toEqual({ ok: true });
    expect((await getOwnMeeting(m.actor, m.id, "en"))!.status).toBe("declined");
    expect(await getDb().select().from(meetingBookings).where(eq(meetingBookings.meetingId, m.id))).toHaveLength(0);
  });
});

describe("the wrong user", () => {
  it("refuses coordinators, even the mission's own, and observers staff's confirming and proposing; nothing changes", async () => {
    const day = workingDayAhead(20);
    const m = await requested(day, "10:00");
    const resources = { roomId: await room("Hall J"), officialIds: [] };
    const before = await stored(m.id);
    for (const who of [m.actor, await meetingsData.coordinator(), await data.user("observer")]) {
      await expect(confirmMeeting(who, m.id, m.version, m.windowId, resources, ip, "en")).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(proposeTimes(who, m.id, m.version, [ashgabatInstant(day, "15:00")], resources, ip, "en")).rejects.toBeInstanceOf(PermissionDeniedError);
    }
    expect(await stored(m.id)).toEqual(before);
  });

  it("another organization's coordinator finds no proposal to decline or meeting to move; nothing changes", async () => {
    const day = workingDayAhead(21);
    const m = await requested(day, "10:00");
    await proposeTimes(staff, m.id, m.version, [ashgabatInstant(day, "15:00")], { roomId: await room("Hall K"), officialIds: [] }, ip, "en");
    const { version } = (await getOwnMeeting(m.actor, m.id, "en"))!;
    const before = await stored(m.id);
    const intruder = await meetingsData.coordinator();
    expect(await declineProposal(intruder, m.id, version, ip)).toEqual({ ok: false, reason: "notFound" });
    expect(await askForNewTime(intruder, m.id, version, "Not ours", [ashgabatInstant(day, "14:00")], ip)).toEqual({ ok: false, reason: "notFound" });
    expect(await stored(m.id)).toEqual(before);
  });
});

describe("expiry", () => {
  it("expires requests undecided 48 hours before their first window, takes them off the pending list and tells the mission", async () => {
    const day = workingDayAhead(19);
    const m = await requested(day, "10:00");
    expect((await listPendingMeetings(staff, "en")).some((p) => p.id === m.id)).toBe(true);
    const expiry = new Date(ashgabatInstant(day, "10:00").getTime() - 48 * 3600_000);
    await expireUndecidedMeetings(new Date(expiry.getTime() - 1000));
    expect((await getOwnMeeting(m.actor, m.id, "en"))!.status).toBe("requested");
    expect(await expireUndecidedMeetings(expiry)).toBeGreaterThanOrEqual(1);
    expect((await getOwnMeeting(m.actor, m.id, "en"))!.status).toBe("expired");
    expect((await listPendingMeetings(staff, "en")).some((p) => p.id === m.id)).toBe(false);
    expect((await data.auditOf("meeting", m.id)).map((e) => e.action)).toEqual(["meeting.requested", "meeting.expired"]);
    const [notice] = await meetingsData.emailsTo(m.actor.email);
    expect(notice).toMatchObject({ template: "meeting-expired", subject: "Duşuşyk baradaky haýyşyň möhleti geçdi: Preparations for election day" }); // in the coordinator's language (Turkmen by default)
    expect(notice!.textBody).toContain("48 sagat");
  });

  it("expires an undecided proposal and frees the times it held; a confirmed meeting past the same hour keeps its slot", async () => {
    const day = workingDayAhead(19);
    const confirmed = await requested(day, "14:00");
    expect(await confirmMeeting(staff, confirmed.id, confirmed.version, confirmed.windowId, { roomId: await room("Hall J"), officialIds: [] }, ip, "en")).toEqual({ ok: true });
    const proposal = await requested(day, "15:00");
    expect(await proposeTimes(staff, proposal.id, proposal.version, [ashgabatInstant(day, "15:30")], { roomId: await room("Hall K"), officialIds: [] }, ip, "en")).toEqual({ ok: true });
    const bookingsOf = (id: string) => getDb().select().from(meetingBookings).where(eq(meetingBookings.meetingId, id));
    expect(await bookingsOf(proposal.id)).toHaveLength(1);

    await expireUndecidedMeetings(new Date(ashgabatInstant(day, "15:30").getTime() - 48 * 3600_000));
    expect((await getOwnMeeting(proposal.actor, proposal.id, "en"))!.status).toBe("expired");
    expect(await bookingsOf(proposal.id)).toHaveLength(0);
    expect((await getOwnMeeting(confirmed.actor, confirmed.id, "en"))!.status).toBe("confirmed");
    expect(await bookingsOf(confirmed.id)).toHaveLength(1);
  });
});
