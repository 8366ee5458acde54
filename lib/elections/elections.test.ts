import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { elections } from "@/db/schema";
import { PermissionDeniedError } from "@/lib/identity/authorize";
import { setUpTestDatabase, testData } from "@/test/db-fixtures";
import { getElectionForEdit, listElectionsForAdmin } from "./admin-queries";
import { createElection, updateElection } from "./mutations";
import { listPublishedElections } from "./queries";
import type { ElectionInput } from "./schemas";

const data = testData();
const ip = "203.0.113.8";
let admin: { id: string; role: "admin" };
const code = () => data.unique("T").toUpperCase();

const input = (overrides: Partial<ElectionInput> = {}): ElectionInput => ({
  code: code(),
  type: "referendum",
  titleTk: `Sala salşyk ${data.token}`,
  titleRu: `Референдум ${data.token}`,
  titleEn: `Referendum ${data.token}`,
  electionDay: "2031-09-21",
  accreditationOpensAt: "2031-07-01T09:00",
  accreditationClosesAt: "2031-09-11T18:00",
  observationStartsOn: "2031-08-22",
  observationEndsOn: "2031-09-28",
  decisionWorkingDays: "5",
  status: "draft",
  ...overrides,
});

async function stored(id: string) {
  const [row] = await getDb()
    .select({
      status: elections.status,
      publishedAt: elections.publishedAt,
      accreditationOpensAt: elections.accreditationOpensAt,
      accreditationClosesAt: elections.accreditationClosesAt,
    })
    .from(elections)
    .where(eq(elections.id, id));
  return row!;
}

async function created(values: ElectionInput) {
  const result = await createElection(admin, values, ip);
  if (!result.ok) throw new Error(`expected the election to be created: ${result.error}`);
  return result.id;
}

const firstPage = { page: 1, pageSize: 100, sort: "code" as const, dir: "asc" as const };

setUpTestDatabase(data);

beforeAll(async () => {
  const row = await data.user("admin");
  admin = { id: row.id, role: "admin" };
});

describe("createElection", () => {
  it("stores the accreditation times as the instants they are in Ashgabat, and a draft is not published", async () => {
    const id = await created(input());
    expect(await stored(id)).toEqual({
      status: "draft",
      publishedAt: null,
      accreditationOpensAt: new Date("2031-07-01T04:00:00Z"),
      accreditationClosesAt: new Date("2031-09-11T13:00:00Z"),
    });
    expect(await getElectionForEdit(admin, id)).toMatchObject({ accreditationOpensAt: "2031-07-01T09:00", accreditationClosesAt: "2031-09-11T18:00" });
  });

  it("stamps the publication of a published election and records election.created with its fields", async () => {
    const before = Date.now();
    const values = input({ status: "published" });
    const id = await created(values);
    const { publishedAt } = await stored(id);
    expect(publishedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const [event] = await data.auditOf("election", id);
    expect(event).toMatchObject({ action: "election.created", actorId: admin.id, ip });
    expect(event!.details).toEqual({
      fields: expect.objectContaining({ code: values.code, status: "published", accreditationClosesAt: "2031-09-11T13:00:00.000Z", publishedAt: publishedAt!.toISOString() }),
    });
  });

  it("creates early elections (as the Mejlis elections of July 2024 were), read back and listed as such", async () => {
    const values = input({ type: "early", titleEn: `Early elections ${data.token}`, status: "published" });
    const id = await created(values);
    expect(await getElectionForEdit(admin, id)).toMatchObject({ type: "early" });
    const [row] = await getDb().select({ type: elections.type }).from(elections).where(eq(elections.id, id));
    expect(row!.type).toBe("early");
    const [event] = await data.auditOf("election", id);
    expect(event!.details).toEqual({ fields: expect.objectContaining({ type: "early" }) });
  });

  it("refuses a code another election has, and writes nothing", async () => {
    const values = input();
    await created(values);
    expect(await createElection(admin, { ...values, titleEn: "Another" }, ip)).toEqual({ ok: false, error: "codeTaken" });
    expect(await getDb().select({ id: elections.id }).from(elections).where(eq(elections.code, values.code))).toHaveLength(1);
  });
});

describe("updateElection", () => {
  it("turns publishing observers' names on and off (off by default), each change audited, also once published", async () => {
    const values = input({ status: "published" });
    const id = await created(values);
    expect(await getElectionForEdit(admin, id)).toMatchObject({ publishObserverNames: "" });
    expect(await updateElection(admin, id, { ...values, publishObserverNames: "yes" }, ip)).toEqual({ ok: true, id });
    expect(await getElectionForEdit(admin, id)).toMatchObject({ publishObserverNames: "yes" });
    // react-hook-form sends false for an unticked box, the form without JavaScript an empty value.
    expect(await updateElection(admin, id, { ...values, publishObserverNames: false }, ip)).toEqual({ ok: true, id });
    expect(await getElectionForEdit(admin, id)).toMatchObject({ publishObserverNames: "" });
    const changes = (await data.auditOf("election", id)).map((event) => (event.details as { changes?: Record<string, unknown> }).changes?.publishObserverNames);
    expect(changes.filter(Boolean)).toEqual([{ from: false, to: true }, { from: true, to: false }]);
  });

  it("publishes a draft, keeps the first publication moment on later saves, and clears it back in draft", async () => {
    const values = input();
    const id = await created(values);
    expect(await updateElection(admin, id, { ...values, status: "published" }, ip)).toEqual({ ok: true, id });
    const first = (await stored(id)).publishedAt;
    expect(first).not.toBeNull();
    expect(await updateElection(admin, id, { ...values, status: "published", titleEn: `Referendum ${data.token} (corrected)` }, ip)).toEqual({ ok: true, id });
    expect((await stored(id)).publishedAt).toEqual(first);
    await updateElection(admin, id, { ...values, status: "draft" }, ip);
    expect(await stored(id)).toMatchObject({ status: "draft", publishedAt: null });
  });

  it("lists exactly the changed fields in election.updated, and writes no event when nothing changed", async () => {
    const values = input();
    const id = await created(values);
    await updateElection(admin, id, { ...values, accreditationClosesAt: "2031-09-12T12:00" }, ip);
    await updateElection(admin, id, { ...values, accreditationClosesAt: "2031-09-12T12:00" }, ip);
    const events = await data.auditOf("election", id);
    expect(events.map((e) => e.action)).toEqual(["election.created", "election.updated"]);
    expect(events[1]!.details).toEqual({
      changes: { accreditationClosesAt: { from: "2031-09-11T13:00:00.000Z", to: "2031-09-12T07:00:00.000Z" } },
    });
  });

  it("refuses another election's code but lets an election keep its own", async () => {
    const taken = input();
    await created(taken);
    const mine = input();
    const id = await created(mine);
    expect(await updateElection(admin, id, { ...mine, code: taken.code }, ip)).toEqual({ ok: false, error: "codeTaken" });
    expect(await updateElection(admin, id, { ...mine, titleEn: "Renamed" }, ip)).toEqual({ ok: true, id });
  });

  it("answers notFound for an election that does not exist", async () => {
    expect(await updateElection(admin, "00000000-0000-4000-8000-000000000000", input(), ip)).toEqual({ ok: false, error: "notFound" });
  });
});

describe("listElectionsForAdmin", () => {
  it("lists drafts and published elections, filters by status, and the public sees only the published", async () => {
    const draft = input();
    const published = input({ status: "published" });
    const draftId = await created(draft);
    const publishedId = await created(published);
    const ids = async (status?: "draft" | "published") => (await listElectionsForAdmin(admin, "en", { status }, firstPage)).rows.map((r) => r.id);
    expect(await ids()).toEqual(expect.arrayContaining([draftId, publishedId]));
    expect(await ids("draft")).toContain(draftId);
    expect(await ids("draft")).not.toContain(publishedId);
    expect(await ids("published")).toContain(publishedId);
    expect(await ids("published")).not.toContain(draftId);
    const publicIds = (await listPublishedElections("en", { page: 1, pageSize: 100, sort: "electionDay", dir: "desc" })).rows.map((r) => r.id);
    expect(publicIds).toContain(publishedId);
    expect(publicIds).not.toContain(draftId);
  });

  it("finds an election by part of its code or of a title in any language, taking % literally", async () => {
    const values = input();
    const id = await created({ ...values, titleRu: `Выборы в Халк Маслахаты ${values.code}` });
    const found = async (search: string) => (await listElectionsForAdmin(admin, "en", { search }, firstPage)).rows.map((r) => r.id);
    expect(await found(values.code.slice(2).toLowerCase())).toEqual([id]);
    expect(await found(`халк маслахаты ${values.code}`)).toEqual([id]);
    expect(await found("%")).not.toContain(id);
  });

  it("titles each row in the page's language", async () => {
    const values = input();
    const id = await created(values);
    const row = (await listElectionsForAdmin(admin, "ru", { status: "draft" }, firstPage)).rows.find((r) => r.id === id);
    expect(row).toMatchObject({ code: values.code, title: values.titleRu, status: "draft", electionDay: "2031-09-21" });
  });
});

describe("permission, checked again by every data function", () => {
  it.each(["reviewer", "coordinator"] as const)("refuses a %s and writes nothing", async (role) => {
    const intruder = { id: "someone", role };
    const values = input();
    await expect(createElection(intruder, values, ip)).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(await getDb().select({ id: elections.id }).from(elections).where(eq(elections.code, values.code))).toEqual([]);
    const id = await created(input());
    await expect(updateElection(intruder, id, { ...values, status: "published" }, ip)).rejects.toBeInstanceOf(PermissionDeniedError);
    expect((await stored(id)).status).toBe("draft");
    await expect(listElectionsForAdmin(intruder, "en", {}, firstPage)).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(getElectionForEdit(intruder, id)).rejects.toBeInstanceOf(PermissionDeniedError);
  });
});
