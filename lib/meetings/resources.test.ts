import { beforeAll, describe, expect, it } from "vitest";
import { PermissionDeniedError } from "@/lib/identity/authorize";
import { setUpTestDatabase, testData } from "@/test/db-fixtures";
import { addClosedDay, getOfficialForEdit, getRoomForEdit, getWorkingHours, listClosedDays, listOfficials, removeClosedDay, saveOfficial, saveRoom, saveWorkingHours } from "./resources";

const data = testData();
const ip = "203.0.113.8";
let admin: { id: string; role: "admin" };

const official = {
  nameTk: `Aýgül ${data.token}`,
  nameRu: `Айгуль ${data.token}`,
  nameEn: `Aygul ${data.token}`,
  positionTk: "Toparyň agzasy",
  positionRu: "Член комиссии",
  positionEn: "Member of the commission",
  active: true,
};

setUpTestDatabase(data);

beforeAll(async () => {
  const row = await data.user("admin");
  admin = { id: row.id, role: "admin" };
});

describe("officials and rooms", () => {
  it("creates and edits an official, each change an audit event naming the fields", async () => {
    const { id } = (await saveOfficial(admin, null, official, ip))!;
    expect(await getOfficialForEdit(admin, id)).toEqual(official);
    await saveOfficial(admin, id, { ...official, active: false }, ip);
    expect((await listOfficials("en", { activeOnly: true })).some((o) => o.id === id)).toBe(false);
    expect((await listOfficials("ru", { activeOnly: false })).find((o) => o.id === id)).toMatchObject({ name: official.nameRu, position: "Член комиссии", active: false });
    const events = await data.auditOf("official", id);
    expect(events.map((e) => e.action)).toEqual(["official.created", "official.updated"]);
    expect(events[1]!.details).toEqual({ changes: { active: { from: true, to: false } } });
  });

  it("creates a room with its capacity as a number; an unknown id is not found", async () => {
    const { id } = (await saveRoom(admin, null, { nameTk: "Otag", nameRu: "Зал", nameEn: `Hall ${data.token}`, capacity: "12", active: true }, ip))!;
    expect(await getRoomForEdit(admin, id)).toMatchObject({ capacity: 12 });
    expect(await saveRoom(admin, "00000000-0000-4000-8000-000000000000", { nameTk: "a", nameRu: "a", nameEn: "a", capacity: "1", active: true }, ip)).toBeNull();
    expect((await data.auditOf("meeting_room", id)).map((e) => e.action)).toEqual(["meeting_room.created"]);
  });

  it("refuses anyone but an admin, whoever calls", async () => {
    const reviewer = await data.user("reviewer");
    await expect(saveOfficial(reviewer, null, official, ip)).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(getRoomForEdit(reviewer, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(PermissionDeniedError);
  });
});

describe("closed days and working hours", () => {
  // A day far ahead that no other test file uses (the table is shared on PostgreSQL).
  const day = `2${String(parseInt(data.token, 16) % 800 + 100).padStart(3, "0")}-03-17`;

  it("adds a closed day once, lists it in the reader's language and removes it", async () => {
    const reasons = { reasonTk: "Baýramçylyk", reasonRu: "Праздник", reasonEn: "Holiday" };
    expect(await addClosedDay(admin, { day, ...reasons }, ip)).toBe(true);
    expect(await addClosedDay(admin, { day, ...reasons }, ip)).toBe(false);
    expect(await listClosedDays("ru", day)).toContainEqual({ day, reason: "Праздник" });
    expect(await removeClosedDay(admin, day, ip)).toBe(true);
    expect((await listClosedDays("en", day)).some((c) => c.day === day)).toBe(false);
    expect((await data.auditOf("closed_day", day)).map((e) => e.action)).toEqual(["closed_day.added", "closed_day.removed"]);
  });

  it("starts with Monday to Friday 09:00–18:00, and saves a change with the weekdays it changed", async () => {
    const before = await getWorkingHours();
    expect(before[0]).toEqual({ weekday: 1, opensAt: "09:00", closesAt: "18:00" });
    expect(before[6]).toEqual({ weekday: 7, opensAt: null, closesAt: null });
    const form = Object.fromEntries(before.flatMap((d) => [[`opens${d.weekday}`, d.opensAt ?? ""], [`closes${d.weekday}`, d.closesAt ?? ""]]));
    try {
      expect(await saveWorkingHours(admin, { ...form, opens6: "10:00", closes6: "13:00" }, ip)).toEqual({ changed: true });
      expect((await getWorkingHours())[5]).toEqual({ weekday: 6, opensAt: "10:00", closesAt: "13:00" });
      expect(await saveWorkingHours(admin, { ...form, opens6: "10:00", closes6: "13:00" }, ip)).toEqual({ changed: false });
    } finally {
      await saveWorkingHours(admin, form, ip);
    }
  });
});
