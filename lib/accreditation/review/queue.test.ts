import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { missions, observers } from "@/db/schema";
import { addDays, todayInAshgabat } from "@/lib/dates";
import { isEmbeddedDatabase } from "@/lib/env";
import { PermissionDeniedError } from "@/lib/identity/authorize";
import type { ListQuery } from "@/lib/listing";
import { accreditationData } from "@/test/accreditation-fixtures";
import { setUpTestDatabase, testData } from "@/test/db-fixtures";
import { withdrawApplication } from "../applications";
import { addObserver, removeObserver } from "../observer-changes";
import type { ApplicationStatus } from "../transitions";
import { getApplicationForReview } from "./application";
import { getReviewDashboard } from "./dashboard";
import { approveApplication, decideObservers, rejectApplication, requestChanges, type Staff } from "./decisions";
import { countQueueViews, listQueue, queueFilterOptions, queueViews, type QueueFilters, type QueueSort, type QueueView } from "./queue";

const data = testData();
const acc = accreditationData(data);
const ip = "192.0.2.62";
const onPostgres = !isEmbeddedDatabase();
const today = todayInAshgabat();

let reviewer: Staff;

/** On a shared database other test files change the counts meanwhile: measure again a few times there. */
async function withRetries(check: () => Promise<void>) {
  for (let attempt = 1; ; attempt++) {
    try {
      await check();
      return;
    } catch (error) {
      if (!onPostgres || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

/** The commission's decisions that bring an application where a test wants it. */
async function accreditAll(missionId: string, observerIds: string[]) {
  expect(await decideObservers(reviewer, missionId, await acc.seen(observerIds), { kind: "accredit" }, ip)).toMatchObject({ ok: true });
}
async function approve(missionId: string) {
  expect(await approveApplication(reviewer, missionId, await acc.missionVersion(missionId), ip)).toEqual({ ok: true });
}
async function amend(application: Awaited<ReturnType<typeof acc.submittedApplication>>, surname: string) {
  const added = await addObserver(application.actor, application.missionId, acc.observerInput(application.election, { surname }), await acc.photo(), ip);
  if (!added.ok) throw new Error(`expected the amendment to be added: ${JSON.stringify(added)}`);
  return added.observerId;
}
/** The legal clock as if the application had been submitted on another day. */
async function dueOn(missionId: string, day: string) {
  await getDb().update(missions).set({ decisionDueOn: day }).where(eq(missions.id, missionId));
}

/**
 * One election's applications in every state, made once for the queue's tests (which only read
 * them): each test narrows the queue to this election, as other files share the database.
 */
let world: Awaited<ReturnType<typeof makeWorld>>;

async function makeWorld() {
  const election = await data.election();
  const laterElection = await data.election({ electionDay: addDays(today, 38) });
  const emptyElection = await data.election({ electionDay: addDays(today, 34) });
  const caspian = await data.organization({
    acronym: `CASPWATCH-${data.token}`,
    nameEn: `Caspian Watch ${data.token}`,
    nameRu: `Каспийский дозор ${data.token}`,
    nameTk: `Hazar gözegçisi ${data.token}`,
  });
  const caspianCoordinator = await acc.coordinator(caspian.id);

  // A: submitted, overdue; its organization applies to the later election too.
  const a = await acc.submittedApplication({ election, actor: caspianCoordinator, observers: [{ surname: "Qadir", givenNames: "Imran" }] });
  // B: submitted, due in three days, with a mission name to search.
  const b = await acc.submittedApplication({ election, observers: 2, details: { name: `Steppe Mission ${data.token}` } });
  // C: sent back for changes.
  const c = await acc.submittedApplication({ election, observers: 1 });
  expect(await requestChanges(reviewer, c.missionId, await acc.missionVersion(c.missionId), { comment: "Fix the dates.", observerIds: [] }, ip)).toEqual({ ok: true });
  // D: approved, one observer withdrawn since, and an amendment waiting for a decision.
  const d = await acc.submittedApplication({ election, observers: 2 });
  await accreditAll(d.missionId, d.observerIds);
  await approve(d.missionId);
  expect(await removeObserver(d.actor, d.missionId, d.observerIds[1]!, ip)).toMatchObject({ ok: true, outcome: "withdrawn" });
  const dAmendment = await amend(d, "Vasquez");
  // E: approved, every observer decided.
  const e = await acc.submittedApplication({ election, observers: 1 });
  await accreditAll(e.missionId, e.observerIds);
  await approve(e.missionId);
  // F: rejected.
  const f = await acc.submittedApplication({ election, observers: 1 });
  expect(await rejectApplication(reviewer, f.missionId, await acc.missionVersion(f.missionId), "Not eligible.", ip)).toEqual({ ok: true });
  // G: withdrawn by the coordinator after submitting.
  const g = await acc.submittedApplication({ election, observers: 1 });
  expect(await withdrawApplication(g.actor, g.missionId, ip)).toEqual({ ok: true });
  // H: a draft, with an observer the search could find.
  const h = await acc.draftApplication({ election });
  const draftee = await addObserver(h.actor, h.missionId, acc.observerInput(election, { surname: "Draftee" }), null, ip);
  if (!draftee.ok) throw new Error("expected the draft's observer to be added");
  // A's organization in the later election.
  const a2 = await acc.submittedApplication({ election: laterElection, actor: caspianCoordinator, observers: 1 });

  // Submitted on different days, as the clock says.
  for (const [missionId, days] of [
    [d.missionId, -3],
    [c.missionId, -2],
    [a.missionId, -1],
    [f.missionId, 1],
    [g.missionId, 2],
    [b.missionId, 3],
    [e.missionId, 5],
  ] as const) {
    await dueOn(missionId, addDays(today, days));
  }

  const passports = Object.fromEntries(
    (await getDb().select({ id: observers.id, passportNumber: observers.passportNumber }).from(observers).where(inArray(observers.id, [a.observerIds[0]!, dAmendment, draftee.observerId]))).map(
      (row) => [row.id, row.passportNumber],
    ),
  );
  return {
    election,
    laterElection,
    emptyElection,
    caspian,
    ids: { a: a.missionId, b: b.missionId, c: c.missionId, d: d.missionId, e: e.missionId, f: f.missionId, g: g.missionId, h: h.missionId, a2: a2.missionId },
    passports: { a: passports[a.observerIds[0]!]!, dAmendment: passports[dAmendment]!, draftee: passports[draftee.observerId]! },
  };
}

setUpTestDatabase(data);

beforeAll(async () => {
  reviewer = await data.user("reviewer");
  world = await makeWorld();
});

const filters = (overrides: Partial<QueueFilters> = {}): QueueFilters => ({ view: "all", electionId: world.election.id, overdue: false, search: "", ...overrides });
const everything: ListQuery & { sort: QueueSort } = { page: 1, pageSize: 100, sort: "decisionDueOn", dir: "asc" };

/** The queue's applications, by the letters of the world, in the order listed. */
async function queue(overrides: Partial<QueueFilters> = {}, query: Partial<typeof everything> = {}) {
  const { rows, total } = await listQueue(reviewer, "en", filters(overrides), { ...everything, ...query });
  const letterOf = new Map(Object.entries(world.ids).map(([letter, id]) => [id, letter]));
  return { letters: rows.map((row) => letterOf.get(row.id) ?? `other:${row.id}`), total, rows };
}

describe("who may read the queue", () => {
  it("refuses coordinators", async () => {
    const coordinator = await acc.coordinator();
    await expect(listQueue(coordinator, "en", filters(), everything)).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(countQueueViews(coordinator, filters())).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(queueFilterOptions(coordinator, "en")).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(getReviewDashboard(coordinator, "en")).rejects.toBeInstanceOf(PermissionDeniedError);
  });
});

describe("listQueue and countQueueViews", () => {
  it("holds in each view the applications of its status; waiting means submitted, or approved with amendments pending", async () => {
    const expected: Record<QueueView, string[]> = {
      waiting: ["d", "a", "b"],
      submitted: ["a", "b"],
      changes_requested: ["c"],
      approved: ["d", "e"],
      rejected: ["f"],
      withdrawn: ["g"],
      all: ["d", "c", "a", "f", "g", "b", "e"],
    };
    const counts = await countQueueViews(reviewer, filters());
    for (const view of queueViews) {
      const { letters, total } = await queue({ view });
      expect(letters, view).toEqual(expected[view]);
      expect(total, view).toBe(expected[view].length);
      expect(counts[view], view).toBe(expected[view].length);
    }
  });

  it("never shows drafts, whatever the view or search", async () => {
    for (const view of queueViews) expect((await queue({ view })).letters).not.toContain("h");
    expect((await queue({ search: "Draftee" })).letters).toEqual([]);
    expect((await queue({ search: world.passports.draftee })).letters).toEqual([]);
    expect(Object.values(await countQueueViews(reviewer, filters({ search: "Draftee" })))).toEqual(queueViews.map(() => 0));
  });

  it("narrows to one election, or to one organization across elections", async () => {
    expect((await queue({ electionId: world.laterElection.id })).letters).toEqual(["a2"]);
    expect((await queue({ electionId: world.emptyElection.id })).letters).toEqual([]);
    expect((await queue({ electionId: undefined, organizationId: world.caspian.id })).letters.sort()).toEqual(["a", "a2"]);
    expect((await queue({ organizationId: world.caspian.id })).letters).toEqual(["a"]);
    expect(await countQueueViews(reviewer, filters({ electionId: undefined, organizationId: world.caspian.id }))).toEqual({
      waiting: 2,
      submitted: 2,
      changes_requested: 0,
      approved: 0,
      rejected: 0,
      withdrawn: 0,
      all: 2,
    });
  });

  it("shows as overdue only submitted applications whose decision was due before today", async () => {
    expect((await queue({ overdue: true })).letters).toEqual(["a"]);
    expect((await queue({ view: "waiting", overdue: true })).letters).toEqual(["a"]);
    expect((await queue({ view: "changes_requested", overdue: true })).letters).toEqual([]);
    expect(await countQueueViews(reviewer, filters({ overdue: true }))).toEqual({
      waiting: 1,
      submitted: 1,
      changes_requested: 0,
      approved: 0,
      rejected: 0,
      withdrawn: 0,
      all: 1,
    });
    // Due today is not late yet.
    await dueOn(world.ids.a, today);
    try {
      expect((await queue({ overdue: true })).letters).toEqual([]);
    } finally {
      await dueOn(world.ids.a, addDays(today, -1));
    }
  });

  it("finds an observer without Turkmen or other accented letters on the keyboard, and by the Cyrillic name in any case", async () => {
    const election = await data.election();
    const { missionId } = await acc.submittedApplication({ election, observers: [{ surname: "Äşirowa", givenNames: "Gülşat", cyrillicName: "Аширова Гульшат" }] });
    const found = async (search: string) => (await listQueue(reviewer, "en", filters({ electionId: election.id, search }), everything)).rows.map((row) => row.id);
    for (const search of ["Äşirowa", "asirowa", "ASIROWA GULSAT", "gülşat äşirowa", "Аширова", "аширова гульшат", "АШИРОВА"]) expect(await found(search), search).toEqual([missionId]);
    expect(await found("asirowb")).toEqual([]);
  });

  it("finds an organization by its Cyrillic acronym as well as its Latin one, in any case: СНГ finds the CIS", async () => {
    const election = await data.election();
    const cis = await data.organization({ acronym: `CIS EC ${data.token}`, cyrillicAcronym: "ИК СНГ", nameEn: `Commonwealth ${data.token}` });
    const other = await data.organization({ cyrillicAcronym: "ОТГ" });
    const { missionId } = await acc.submittedApplication({ election, actor: await acc.coordinator(cis.id) });
    await acc.submittedApplication({ election, actor: await acc.coordinator(other.id) });
    const found = async (search: string) => (await listQueue(reviewer, "en", filters({ electionId: election.id, search }), everything)).rows.map((row) => row.id);
    for (const search of ["СНГ", "снг", "ик снг", `cis ec ${data.token}`]) expect(await found(search), search).toEqual([missionId]);
    expect(await found("ОБСЕ")).toEqual([]);
  });

  it("finds applications by organization, mission, observer name in either order, and passport number", async () => {
    const found = async (search: string) => (await queue({ search })).letters;
    expect(await found("caspwatch")).toEqual(["a"]);
    expect(await found("CASPIAN WATCH")).toEqual(["a"]);
    expect(await found("Каспийский дозор")).toEqual(["a"]);
    expect(await found("Hazar gözegçisi")).toEqual(["a"]);
    expect(await found("steppe mission")).toEqual(["b"]);
    expect(await found("qadir imran")).toEqual(["a"]);
    expect(await found("Imran Qadir")).toEqual(["a"]);
    expect(await found("adir")).toEqual(["a"]);
    expect(await found("Vasquez")).toEqual(["d"]);
    // Passports as typed from a scan: lower case, with spaces.
    const spaced = (passport: string) => passport.toLowerCase().replace(/(...)/g, "$1 ").trim();
    expect(spaced(world.passports.a)).toContain(" ");
    expect(await found(spaced(world.passports.a))).toEqual(["a"]);
    expect(await found(world.passports.dAmendment.toLowerCase())).toEqual(["d"]);
    // A passport is matched whole, and the user's wildcards are taken literally.
    expect(await found(world.passports.a.slice(0, -1) + "Z")).toEqual([]);
    expect(await found("%")).toEqual([]);
    expect(await found("_")).toEqual([]);

    expect(await countQueueViews(reviewer, filters({ search: "qadir" }))).toEqual({
      waiting: 1,
      submitted: 1,
      changes_requested: 0,
      approved: 0,
      rejected: 0,
      withdrawn: 0,
      all: 1,
    });
    expect((await queue({ view: "approved", search: "qadir" })).letters).toEqual([]);
    // NUL, which PostgreSQL refuses in text, is dropped from the search (the fuzzer's 500 on the queue page).
    expect(await countQueueViews(reviewer, filters({ search: "qa\u0000dir" }))).toMatchObject({ all: 1 });
    expect(await found(`${world.passports.a}\u0000`)).toEqual(["a"]);
  });

  it("sorts by the decision's due date or the submission, either way", async () => {
    expect((await queue({}, { sort: "decisionDueOn", dir: "asc" })).letters).toEqual(["d", "c", "a", "f", "g", "b", "e"]);
    expect((await queue({}, { sort: "decisionDueOn", dir: "desc" })).letters).toEqual(["e", "b", "g", "f", "a", "c", "d"]);
    expect((await queue({}, { sort: "submittedAt", dir: "asc" })).letters).toEqual(["a", "b", "c", "d", "e", "f", "g"]);
    expect((await queue({}, { sort: "submittedAt", dir: "desc" })).letters).toEqual(["g", "f", "e", "d", "c", "b", "a"]);
  });

  it("pages the list and gives the total on every page", async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => queue({}, { page, pageSize: 3 })));
    expect(pages.map((p) => p.letters)).toEqual([
      ["d", "c", "a"],
      ["f", "g", "b"],
      ["e"],
    ]);
    expect(pages.map((p) => p.total)).toEqual([7, 7, 7]);
    expect((await queue({ view: "waiting" }, { page: 2, pageSize: 2 })).letters).toEqual(["b"]);
  });

  it("describes each application in the reader's language, with its observers counted", async () => {
    const { rows } = await listQueue(reviewer, "ru", filters({ search: "caspwatch" }), everything);
    expect(rows).toEqual([
      expect.objectContaining({
        id: world.ids.a,
        name: `Mission ${data.token}`,
        status: "submitted",
        organizationAcronym: world.caspian.acronym,
        organizationName: `Каспийский дозор ${data.token}`,
        electionTitle: `Выборы ${data.token}`,
        decisionDueOn: addDays(today, -1),
        observerCount: 1,
        pendingCount: 1,
        submittedAt: expect.any(Date),
      }),
    ]);
    const approved = (await queue({ view: "approved" })).rows;
    // D: two accredited at first, one withdrawn since, one amendment pending.
    expect(approved.map((row) => [row.status as ApplicationStatus, row.observerCount, row.pendingCount])).toEqual([
      ["approved", 2, 1],
      ["approved", 1, 0],
    ]);
  });
});

describe("queueFilterOptions", () => {
  it("offers the elections that have applications, latest first, and the organizations by acronym", async () => {
    const options = await queueFilterOptions(reviewer, "ru");
    const mine = options.elections.filter((e) => [world.election.id, world.laterElection.id, world.emptyElection.id].includes(e.id));
    expect(mine).toEqual([
      { id: world.laterElection.id, label: `Выборы ${data.token}` },
      { id: world.election.id, label: `Выборы ${data.token}` },
    ]);
    expect(options.organizations).toContainEqual({ id: world.caspian.id, label: world.caspian.acronym });
    const labels = options.organizations.map((o) => o.label);
    const caspianAt = labels.indexOf(world.caspian.acronym);
    const others = options.organizations.filter((o) => o.label.startsWith(`ORG-${data.token}`)).map((o) => labels.indexOf(o.label));
    expect(others.length).toBeGreaterThan(0);
    // "CASPWATCH-…" comes before every "ORG-…" of this file.
    expect(others.every((at) => at > caspianAt)).toBe(true);
  });
});

describe("getReviewDashboard", () => {
  it("counts what waits, what is late, the observers pending, who is accredited and who arrives this week", async () => {
    const election = await data.election({ observationStartsOn: addDays(today, -1) });
    const quiet = await data.election();
    await acc.submittedApplication({ election: quiet, observers: 1 });

    // M1: submitted and overdue, two observers pending.
    const m1 = await acc.submittedApplication({ election, observers: 2 });
    await dueOn(m1.missionId, addDays(today, -1));
    // M2: submitted, one accredited (arriving today), one pending.
    const m2 = await acc.submittedApplication({ election, observers: 2 });
    await accreditAll(m2.missionId, [m2.observerIds[0]!]);
    // M3: approved, late but decided; an amendment pending; the accredited one arrives in seven days.
    const m3 = await acc.submittedApplication({ election, observers: 1 });
    await accreditAll(m3.missionId, m3.observerIds);
    await approve(m3.missionId);
    await amend(m3, "Nakamura");
    await dueOn(m3.missionId, addDays(today, -3));
    // M4: approved, all decided: one accredited arriving in eight days, one refused, one revoked.
    const m4 = await acc.submittedApplication({ election, observers: 3 });
    await accreditAll(m4.missionId, [m4.observerIds[0]!, m4.observerIds[2]!]);
    expect(await decideObservers(reviewer, m4.missionId, await acc.seen([m4.observerIds[1]!]), { kind: "refuse", reasonCode: "other", reason: "No." }, ip)).toMatchObject({ ok: true });
    expect(await decideObservers(reviewer, m4.missionId, await acc.seen([m4.observerIds[2]!]), { kind: "revoke", reasonCode: "other", reason: "No." }, ip)).toMatchObject({ ok: true });
    await approve(m4.missionId);
    // M5: sent back for changes, late, one observer pending.
    const m5 = await acc.submittedApplication({ election, observers: 1 });
    expect(await requestChanges(reviewer, m5.missionId, await acc.missionVersion(m5.missionId), { comment: "Fix it.", observerIds: [] }, ip)).toEqual({ ok: true });
    await dueOn(m5.missionId, addDays(today, -2));
    // M6: a draft with an observer.
    const m6 = await acc.draftApplication({ election });
    const draftObserver = await addObserver(m6.actor, m6.missionId, acc.observerInput(election), null, ip);
    expect(draftObserver.ok).toBe(true);

    const statuses = new Map<string, ApplicationStatus>();
    for (const m of [m1, m2, m3, m4, m5]) statuses.set(m.missionId, (await acc.missionRow(m.missionId))!.status);
    expect([...statuses.values()]).toEqual(["submitted", "submitted", "approved", "approved", "changes_requested"]);
    const arrivals = new Map([
      [m2.observerIds[0]!, today],
      [m3.observerIds[0]!, addDays(today, 7)],
      [m4.observerIds[0]!, addDays(today, 8)],
      [m4.observerIds[2]!, addDays(today, 2)], // revoked: not arriving as an observer
    ]);
    const far = addDays(today, 30);

    /**
     * The dashboard counts the whole database, which other files share: it is read with this
     * test's applications as drafts and arrivals far away, then as they are, and compared.
     */
    async function set(on: boolean) {
      for (const [missionId, status] of statuses) await getDb().update(missions).set({ status: on ? status : "draft" }).where(eq(missions.id, missionId));
      for (const [observerId, day] of arrivals) await getDb().update(observers).set({ arrivalOn: on ? day : far }).where(eq(observers.id, observerId));
    }
    const week = Array.from({ length: 8 }, (_, i) => addDays(today, i));
    const arrivingOn = (dashboard: Awaited<ReturnType<typeof getReviewDashboard>>, day: string) => dashboard.arrivals.find((a) => a.day === day)?.arriving ?? 0;

    await withRetries(async () => {
      await set(false);
      const before = await getReviewDashboard(reviewer, "ru");
      await set(true);
      const after = await getReviewDashboard(reviewer, "ru");
      expect({
        waiting: after.waiting - before.waiting,
        overdue: after.overdue - before.overdue,
        observersPending: after.observersPending - before.observersPending,
      }).toEqual({ waiting: 3, overdue: 1, observersPending: 4 });
      expect(Object.fromEntries(week.map((day) => [day, arrivingOn(after, day) - arrivingOn(before, day)]))).toEqual(
        Object.fromEntries(week.map((day) => [day, day === today || day === addDays(today, 7) ? 1 : 0])),
      );
      expect(after.arrivals.every((a) => a.day >= today && a.day <= addDays(today, 7))).toBe(true);
    });

    const dashboard = await getReviewDashboard(reviewer, "ru");
    expect(dashboard.byElection.find((e) => e.electionId === election.id)).toEqual({
      electionId: election.id,
      title: `Выборы ${data.token}`,
      electionDay: election.electionDay,
      accredited: 3,
    });
    expect(dashboard.byElection.map((e) => e.electionId)).not.toContain(quiet.id);
  });
});

describe("applications never submitted", () => {
  it("are not shown to the commission, even once withdrawn", async () => {
    const w = await acc.draftApplication();
    expect(await addObserver(w.actor, w.missionId, acc.observerInput(w.election), null, ip)).toMatchObject({ ok: true });
    expect(await withdrawApplication(w.actor, w.missionId, ip)).toEqual({ ok: true });
    const mine = { view: "all", electionId: w.election.id, overdue: false, search: "" } as const;
    expect((await listQueue(reviewer, "en", mine, everything)).rows).toEqual([]);
    expect(await countQueueViews(reviewer, mine)).toMatchObject({ withdrawn: 0, all: 0 });
    expect(await getApplicationForReview(reviewer, w.missionId, "en")).toBeNull();
  });
});
