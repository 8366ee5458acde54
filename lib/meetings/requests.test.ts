import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { meetingWindows } from "@/db/schema";
import { ashgabatInstant } from "@/lib/dates";
import { setUpTestDatabase, testData } from "@/test/db-fixtures";
import { meetingData, workingDayAhead } from "@/test/meeting-fixtures";
import { getOwnMeeting } from "./queries";
import { listMissionsForMeetings, listOwnMeetings, requestMeeting } from "./requests";
import { saveOfficial } from "./resources";

const data = testData();
const meetingsData = meetingData(data);
const ip = "203.0.113.9";

setUpTestDatabase(data);

describe("requestMeeting", () => {
  it("records the request with its windows, the officials asked for, its expiry 48 hours before the first window, and an audit event", async () => {
    const { actor, missionId } = await meetingsData.missionThatMayMeet();
    const admin = await data.user("admin");
    const official = await saveOfficial(
      admin,
      null,
      { nameTk: "A", nameRu: "А", nameEn: `Official ${data.token}`, positionTk: "Agza", positionRu: "Член", positionEn: "Member", active: true },
      ip,
    );
    const day = workingDayAhead(12);
    const input = meetingsData.requestInput(missionId, { officialIds: [official!.id], window1: `${day}T15:00`, window2: `${day}T10:00` });
    const result = await requestMeeting(actor, input, ip);
    expect(result.ok).toBe(true);
    const id = (result as { id: string }).id;
    const meeting = await getOwnMeeting(actor, id, "en");
    expect(meeting).toMatchObject({ status: "requested", topic: input.topic, durationMinutes: 60, delegationSize: 4, interpreterLanguage: "ru", startsAt: null });
    expect(meeting!.preferred.map((w) => [w.startsAt.toISOString(), w.endsAt.toISOString()])).toEqual([
      [ashgabatInstant(day, "10:00").toISOString(), ashgabatInstant(day, "11:00").toISOString()],
      [ashgabatInstant(day, "15:00").toISOString(), ashgabatInstant(day, "16:00").toISOString()],
    ]);
    expect(meeting!.expiresAt.toISOString()).toBe(new Date(ashgabatInstant(day, "10:00").getTime() - 48 * 3600_000).toISOString());
    expect(meeting!.requestedOfficials.map((o) => o.name)).toEqual([`Official ${data.token}`]);
    expect((await data.auditOf("meeting", id)).map((e) => e.action)).toEqual(["meeting.requested"]);
    expect((await listOwnMeetings(actor, "en")).map((m) => m.id)).toEqual([id]);
  });

  it("refuses windows in the past, too soon, at the weekend, outside working hours or outside the observation window, naming each field", async () => {
    const { actor, missionId, election } = await meetingsData.missionThatMayMeet();
    const monday = workingDayAhead(10);
    const saturday = (() => {
      let d = new Date(`${monday}T00:00:00Z`);
      while (d.getUTCDay() !== 6) d = new Date(d.getTime() + 86_400_000);
      return d.toISOString().slice(0, 10);
    })();
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ window1: "2020-01-06T10:00" }, { window1: "windowInPast" }],
      [{ window1: `${workingDayAhead(1)}T10:00` }, { window1: "windowTooSoon" }],
      [{ window1: `${saturday}T10:00` }, { window1: "windowOnClosedDay" }],
      [{ window1: `${monday}T17:30`, window2: `${monday}T08:00` }, { window1: "windowOutsideWorkingHours", window2: "windowOutsideWorkingHours" }],
      [{ window1: `${workingDayAhead(45)}T10:00` }, { window1: "windowOutsideObservation" }],
    ];
    for (const [windows, fieldErrors] of cases) {
      expect(await requestMeeting(actor, meetingsData.requestInput(missionId, windows), ip), JSON.stringify(windows)).toEqual({ ok: false, fieldErrors });
    }
    expect(election.observationEndsOn < workingDayAhead(45)).toBe(true);
    expect(await listOwnMeetings(actor, "en")).toEqual([]);
  });

  it("refuses another organization's mission, and a mission whose application is only a draft", async () => {
    const { missionId } = await meetingsData.missionThatMayMeet();
    const intruder = await meetingsData.coordinator();
    expect(await requestMeeting(intruder, meetingsData.requestInput(missionId), ip)).toEqual({ ok: false, fieldErrors: { missionId: "missionCannotMeet" } });
    const draft = await meetingsData.draftApplication();
    expect(await listMissionsForMeetings(draft.actor, "en")).toEqual([]);
    expect(await requestMeeting(draft.actor, meetingsData.requestInput(draft.missionId), ip)).toEqual({ ok: false, fieldErrors: { missionId: "missionCannotMeet" } });
  });

  it("shows a meeting only to its own organization", async () => {
    const { actor, missionId } = await meetingsData.missionThatMayMeet();
    const result = await requestMeeting(actor, meetingsData.requestInput(missionId), ip);
    const id = (result as { id: string }).id;
    const other = await meetingsData.coordinator();
    expect(await getOwnMeeting(other, id, "en")).toBeNull();
    expect(await listOwnMeetings(other, "en")).toEqual([]);
    expect(await getDb().select().from(meetingWindows).where(eq(meetingWindows.meetingId, id))).toHaveLength(1);
  });
});
