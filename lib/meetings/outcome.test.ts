import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { meetings } from "@/db/schema";
import { PermissionDeniedError } from "@/lib/identity/authorize";
import { listElectionMeetingSummaries } from "@/lib/public/meeting-summaries";
import { setUpTestDatabase, testData } from "@/test/db-fixtures";
import { meetingData, workingDayAhead } from "@/test/meeting-fixtures";
import { heldMeetingsOfMission, heldMeetingsXlsx } from "./export";
import { publishMeetingSummary, recordMeetingOutcome, withdrawMeetingSummary } from "./outcome";
import { getMeetingForStaff, getOwnMeeting } from "./queries";
import { requestMeeting } from "./requests";
import { saveRoom } from "./resources";
import { confirmMeeting } from "./scheduling";

const data = testData();
const meetingsData = meetingData(data);
const ip = "203.0.113.12";
let staff: { id: string; role: "reviewer" };

setUpTestDatabase(data);

beforeAll(async () => {
  staff = { id: (await data.user("reviewer")).id, role: "reviewer" };
});

describe("after the meeting", () => {
  it("staff record it held with minutes the mission never sees, and publish a summary the public reads in three languages", async () => {
    const admin = { id: (await data.user("admin")).id, role: "admin" as const };
    const roomId = (await saveRoom(admin, null, { nameTk: "Zal", nameRu: "Зал", nameEn: `Hall ${data.token}`, capacity: "10", active: true }, ip))!.id;
    const { actor, missionId, election } = await meetingsData.missionThatMayMeet();
    const { id } = (await requestMeeting(actor, meetingsData.requestInput(missionId, { window1: `${workingDayAhead(12)}T11:00` }), ip)) as { id: string };
    let seen = (await getMeetingForStaff(staff, id, "en"))!;
    const summary = { summaryTk: "Duşuşyk geçirildi.", summaryRu: "Встреча состоялась.", summaryEn: "A meeting was held." };
    // Nothing to summarize before it is held.
    await confirmMeeting(staff, id, seen.version, seen.preferred[0]!.id, { roomId, officialIds: [] }, ip, "en");
    seen = (await getMeetingForStaff(staff, id, "en"))!;
    expect(await publishMeetingSummary(staff, { meetingId: id, version: seen.version, ...summary }, ip)).toEqual({ ok: false, reason: "notAllowed" });

    const record = { meetingId: id, version: seen.version, outcome: "held" as const, participants: "Chairman; head of mission", minutes: "Confidential: access to polling stations" };
    expect(await recordMeetingOutcome(staff, record, ip)).toEqual({ ok: true });
    expect(await recordMeetingOutcome(staff, record, ip)).toEqual({ ok: false, reason: "stale" });
    seen = (await getMeetingForStaff(staff, id, "en"))!;
    expect(seen).toMatchObject({ status: "held", minutes: record.minutes, participants: record.participants });
    const own = (await getOwnMeeting(actor, id, "en"))!;
    expect(own.status).toBe("held");
    expect(JSON.stringify(own)).not.toContain("Confidential");

    expect(await publishMeetingSummary(staff, { meetingId: id, version: seen.version, ...summary }, ip)).toEqual({ ok: true });
    const [published] = await listElectionMeetingSummaries(election.id);
    expect(published).toMatchObject({ id, summary: { tk: summary.summaryTk, ru: summary.summaryRu, en: summary.summaryEn } });
    expect(JSON.stringify(published)).not.toContain("Confidential");

    // The export of the meetings held: the mission's coordinator and staff, never another organization.
    expect(await heldMeetingsOfMission(await meetingsData.coordinator(), missionId, "en")).toBeNull();
    expect((await heldMeetingsOfMission({ role: "reviewer", organizationId: null }, missionId, "en"))!.rows).toHaveLength(1);
    const exported = (await heldMeetingsOfMission(actor, missionId, "ru"))!;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await heldMeetingsXlsx(exported.rows, "ru")) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("Состоявшиеся встречи");
    expect(sheet.getRow(1).values).toEqual([undefined, "Дата", "Начало", "Окончание", "Тема", "Повестка", "Должностные лица Комиссии", "Зал", "Опубликованное сообщение"]);
    expect(sheet.getRow(2).values).toEqual([undefined, workingDayAhead(12), "11:00", "12:00", "Preparations for election day", expect.any(String), "", "Зал", "Встреча состоялась."]);
    expect(JSON.stringify(sheet.getSheetValues())).not.toContain("Confidential");

    seen = (await getMeetingForStaff(staff, id, "en"))!;
    expect(await withdrawMeetingSummary(staff, id, seen.version, ip)).toEqual({ ok: true });
    expect(await listElectionMeetingSummaries(election.id)).toEqual([]);
    expect((await data.auditOf("meeting", id)).map((e) => e.action)).toEqual([
      "meeting.requested",
      "meeting.confirmed",
      "meeting.held",
      "meeting.summary_published",
      "meeting.summary_withdrawn",
    ]);
  });

  it("refuses coordinators, even the mission's own, and observers the record, the summary and its withdrawal; nothing changes", async () => {
    const admin = { id: (await data.user("admin")).id, role: "admin" as const };
    const roomId = (await saveRoom(admin, null, { nameTk: "Zal", nameRu: "Зал", nameEn: `Annex ${data.token}`, capacity: "10", active: true }, ip))!.id;
    const { actor, missionId, election } = await meetingsData.missionThatMayMeet();
    const { id } = (await requestMeeting(actor, meetingsData.requestInput(missionId, { window1: `${workingDayAhead(13)}T11:00` }), ip)) as { id: string };
    const versionNow = async () => (await getMeetingForStaff(staff, id, "en"))!.version;
    const { preferred } = (await getMeetingForStaff(staff, id, "en"))!;
    await confirmMeeting(staff, id, await versionNow(), preferred[0]!.id, { roomId, officialIds: [] }, ip, "en");
    await recordMeetingOutcome(staff, { meetingId: id, version: await versionNow(), outcome: "held", participants: "", minutes: "" }, ip);
    const summary = { summaryTk: "Duşuşyk geçirildi.", summaryRu: "Встреча состоялась.", summaryEn: "A meeting was held." };
    expect(await publishMeetingSummary(staff, { meetingId: id, version: await versionNow(), ...summary }, ip)).toEqual({ ok: true });

    // Held with a published summary: staff could record, correct or withdraw now, with this version.
    const version = await versionNow();
    const stored = async () => ({ meeting: await getDb().select().from(meetings).where(eq(meetings.id, id)), audit: await data.auditOf("meeting", id) });
    const before = await stored();
    for (const who of [actor, await meetingsData.coordinator(), await data.user("observer")]) {
      const record = { meetingId: id, version, outcome: "not_held" as const, participants: "", minutes: "Rewritten" };
      await expect(recordMeetingOutcome(who, record, ip)).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(publishMeetingSummary(who, { meetingId: id, version, ...summary, summaryEn: "Rewritten" }, ip)).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(withdrawMeetingSummary(who, id, version, ip)).rejects.toBeInstanceOf(PermissionDeniedError);
    }
    expect(await stored()).toEqual(before);
    expect((await listElectionMeetingSummaries(election.id)).map((m) => m.summary.en)).toEqual([summary.summaryEn]);
  });
});
