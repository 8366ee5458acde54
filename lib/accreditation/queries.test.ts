import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { observers } from "@/db/schema";
import { addDays, todayInAshgabat } from "@/lib/dates";
import { PermissionDeniedError } from "@/lib/identity/authorize";
import { accreditationData } from "@/test/accreditation-fixtures";
import { setUpTestDatabase, testData } from "@/test/db-fixtures";
import { makePdf } from "@/test/images";
import { attachLetter, saveMissionDetails, submitApplication } from "./applications";
import { addObserver, removeObserver } from "./observer-changes";
import {
  getOwnApplication,
  getOwnObserver,
  listElectionsToApply,
  listOwnObservers,
  listOwnSubmissions,
  ownLetterFileId,
  ownPhotoFileId,
  type ObserverListFilter,
} from "./queries";
import type { Coordinator } from "./scope";

const data = testData();
const acc = accreditationData(data);
const ip = "192.0.2.44";

setUpTestDatabase(data);

async function added(result: Awaited<ReturnType<typeof addObserver>>) {
  if (!result.ok) throw new Error(`expected the observer to be added: ${JSON.stringify(result)}`);
  return result.observerId;
}

const page = (overrides: { filter?: ObserverListFilter; search?: string; page?: number; pageSize?: number } = {}) => ({
  filter: "all" as ObserverListFilter,
  search: "",
  page: 1,
  pageSize: 50,
  sort: "surname",
  dir: "asc" as const,
  ...overrides,
});

/** A submitted application with a letter, a head of mission with a photo, and one observer without (added after changes were requested). */
async function submittedApplication() {
  const draft = await acc.draftApplication();
  const { actor, missionId, election } = draft;
  await saveMissionDetails(actor, missionId, acc.missionDetails(election), ip);
  await attachLetter(actor, missionId, { bytes: makePdf(), name: "letter.pdf" }, ip);
  const headId = await added(await addObserver(actor, missionId, acc.observerInput(election, { role: "head_of_mission", surname: "Head" }), await acc.photo(), ip));
  const submitted = await submitApplication(actor, missionId, ip);
  if (!submitted.ok) throw new Error(`expected the application to be submitted: ${JSON.stringify(submitted)}`);
  return { ...draft, headId };
}

describe("listElectionsToApply", () => {
  it("lists published elections not yet held, with this organization's application to each", async () => {
    const open = await data.election({ electionDay: addDays(todayInAshgabat(), 20) });
    const later = await data.election({ electionDay: addDays(todayInAshgabat(), 35) });
    const unpublished = await data.election({ status: "draft", publishedAt: null });
    const held = await data.election({
      electionDay: addDays(todayInAshgabat(), -1),
      observationStartsOn: addDays(todayInAshgabat(), -10),
      observationEndsOn: addDays(todayInAshgabat(), 2),
      accreditationOpensAt: new Date(Date.now() - 40 * 24 * 3600_000),
      accreditationClosesAt: new Date(Date.now() - 20 * 24 * 3600_000),
    });
    const { actor, missionId } = await acc.draftApplication({ election: later });
    const mine = [open.id, later.id, unpublished.id, held.id];

    const listed = (await listElectionsToApply(actor, "en")).filter((e) => mine.includes(e.id));
    expect(listed).toEqual([
      expect.objectContaining({ id: open.id, title: open.titleEn, electionDay: open.electionDay, missionId: null, missionStatus: null }),
      expect.objectContaining({ id: later.id, title: later.titleEn, missionId, missionStatus: "draft" }),
    ]);
    expect(listed[0]!.accreditationOpensAt).toBeInstanceOf(Date);

    const inRussian = (await listElectionsToApply(actor, "ru")).find((e) => e.id === open.id);
    expect(inRussian!.title).toBe(`Выборы ${data.token}`);

    // Another organization sees the same elections, without the first one's application.
    const other = await acc.coordinator();
    const seen = (await listElectionsToApply(other, "en")).filter((e) => mine.includes(e.id));
    expect(seen.map((e) => [e.id, e.missionId])).toEqual([
      [open.id, null],
      [later.id, null],
    ]);
  });
});

describe("getOwnApplication", () => {
  it("returns the application with its election, letter and observer counts", async () => {
    const { actor, missionId, election } = await submittedApplication();
    await acc.setMissionStatus(missionId, "changes_requested");
    await added(await addObserver(actor, missionId, acc.observerInput(election, { surname: "Nophoto" }), null, ip));
    const goneId = await added(await addObserver(actor, missionId, acc.observerInput(election, { surname: "Gone" }), null, ip));
    await acc.setObserverStatus(goneId, "withdrawn");

    const application = await getOwnApplication(actor, missionId, "en");
    expect(application).toMatchObject({
      id: missionId,
      status: "changes_requested",
      name: `Mission ${data.token}`,
      regions: ["ashgabat", "mary"],
      phone: "+46701234567",
      election: { id: election.id, title: election.titleEn, electionDay: election.electionDay, decisionWorkingDays: 5 },
      counts: { observers: 2, withoutPhoto: 1 },
      letter: { name: "letter.pdf", byteSize: makePdf().length },
    });
    expect(application!.letter!.id).toBe(await ownLetterFileId(actor, missionId));
    expect(application!.submittedAt).toBeInstanceOf(Date);
    expect(application!.decisionDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("has no letter and no counts for a new application", async () => {
    const { actor, missionId } = await acc.draftApplication();
    expect(await getOwnApplication(actor, missionId, "ru")).toMatchObject({ status: "draft", name: null, letter: null, counts: { observers: 0, withoutPhoto: 0 } });
  });

  it("finds nothing of another organization, nor by an id that is not a UUID", async () => {
    const { missionId } = await acc.draftApplication();
    const other = await acc.coordinator();
    expect(await getOwnApplication(other, missionId, "en")).toBeNull();
    const { actor } = await acc.draftApplication();
    for (const id of ["", "nope", "' or '1'='1", crypto.randomUUID()]) expect(await getOwnApplication(actor, id, "en")).toBeNull();
  });
});

describe("listOwnObservers", () => {
  /** A mission with observers in every status, with and without photos. */
  async function missionWithObservers() {
    const draft = await acc.draftApplication();
    const { actor, missionId, election } = draft;
    const add = async (surname: string, givenNames: string, photo: boolean, extra: Record<string, string> = {}) =>
      added(await addObserver(actor, missionId, acc.observerInput(election, { surname, givenNames, ...extra }), photo ? await acc.photo() : null, ip));
    const ids = {
      adams: await add("Adams", "Beatrice", true, { cyrillicName: "Адамс Беатрис" }),
      brown: await add("Brown", "Charles", false),
      clark: await add("Clark", "Dorothy", true),
      dubois: await add("Dubois", "Élodie", false),
      evans: await add("Evans", "Frank", false),
      percent: await add("Garcia", "Hector", true),
    };
    await acc.setObserverStatus(ids.clark, "accredited");
    await acc.setObserverStatus(ids.dubois, "refused");
    await acc.setObserverStatus(ids.evans, "withdrawn");
    await getDb().update(observers).set({ statusReason: "Incomplete documents" }).where(eq(observers.id, ids.dubois));
    return { ...draft, ids };
  }

  const surnames = (result: Awaited<ReturnType<typeof listOwnObservers>>) => result.rows.map((r) => r.surname);

  it("filters by status and by missing photo, with the total of each", async () => {
    const { actor, missionId } = await missionWithObservers();
    const cases: [ObserverListFilter, string[]][] = [
      ["all", ["Adams", "Brown", "Clark", "Dubois", "Evans", "Garcia"]],
      ["pending", ["Adams", "Brown", "Garcia"]],
      ["accredited", ["Clark"]],
      ["refused", ["Dubois"]],
      ["withdrawn", ["Evans"]],
      // A withdrawn observer's photo is no longer missing.
      ["withoutPhoto", ["Brown", "Dubois"]],
    ];
    for (const [filter, expected] of cases) {
      const result = await listOwnObservers(actor, missionId, page({ filter }));
      expect(surnames(result), filter).toEqual(expected);
      expect(result.total, filter).toBe(expected.length);
    }
  });

  it("returns what the list shows of each observer, and not their passport", async () => {
    const { actor, missionId, election, ids } = await missionWithObservers();
    const result = await listOwnObservers(actor, missionId, page({ filter: "refused" }));
    expect(result.rows).toEqual([
      {
        id: ids.dubois,
        status: "refused",
        surname: "Dubois",
        givenNames: "Élodie",
        role: "short_term_observer",
        nationality: "SE",
        arrivalOn: addDays(election.observationStartsOn, 1),
        departureOn: addDays(election.observationEndsOn, -1),
        hasPhoto: false,
        reasonCode: null,
        statusReason: "Incomplete documents",
        accreditationNumber: null,
        isAmendment: false,
        hasBadge: false,
        hasAccount: false,
        selfCompletedAt: null,
        latestInvitation: null,
        total: 1,
      },
    ]);
  });

  it("searches surnames, given names and the Cyrillic spelling, whatever the case, taking % and _ literally", async () => {
    const { actor, missionId } = await missionWithObservers();
    expect(surnames(await listOwnObservers(actor, missionId, page({ search: "BROWN" })))).toEqual(["Brown"]);
    expect(surnames(await listOwnObservers(actor, missionId, page({ search: "doroth" })))).toEqual(["Clark"]);
    expect(surnames(await listOwnObservers(actor, missionId, page({ search: "беатрис" })))).toEqual(["Adams"]);
    expect(surnames(await listOwnObservers(actor, missionId, page({ search: "ar" })))).toEqual(["Brown", "Clark", "Garcia"]);
    expect(surnames(await listOwnObservers(actor, missionId, page({ search: "ar", filter: "pending" })))).toEqual(["Brown", "Garcia"]);
    expect(await listOwnObservers(actor, missionId, page({ search: "%" }))).toEqual({ rows: [], total: 0 });
    expect(await listOwnObservers(actor, missionId, page({ search: "_" }))).toEqual({ rows: [], total: 0 });
    expect(await listOwnObservers(actor, missionId, page({ search: "Zzyzx" }))).toEqual({ rows: [], total: 0 });
  });

  it("pages in surname order with the total of all pages", async () => {
    const { actor, missionId } = await missionWithObservers();
    const first = await listOwnObservers(actor, missionId, page({ pageSize: 4, page: 1 }));
    const second = await listOwnObservers(actor, missionId, page({ pageSize: 4, page: 2 }));
    expect([surnames(first), first.total]).toEqual([["Adams", "Brown", "Clark", "Dubois"], 6]);
    expect([surnames(second), second.total]).toEqual([["Evans", "Garcia"], 6]);
    // Past the last page: nothing, and no total to show.
    expect(await listOwnObservers(actor, missionId, page({ pageSize: 4, page: 3 }))).toEqual({ rows: [], total: 0 });
  });

  it("lists nothing of another organization's mission", async () => {
    const { missionId } = await missionWithObservers();
    const other = await acc.draftApplication();
    expect(await listOwnObservers(other.actor, missionId, page())).toEqual({ rows: [], total: 0 });
    expect(await listOwnObservers(other.actor, missionId, page({ filter: "withoutPhoto" }))).toEqual({ rows: [], total: 0 });
  });
});

describe("getOwnObserver", () => {
  it("returns every field the edit form needs", async () => {
    const { actor, missionId, election } = await acc.draftApplication();
    const input = acc.observerInput(election, { email: "o@mission.example", cyrillicName: "Линдквист" });
    const observerId = await added(await addObserver(actor, missionId, input, await acc.photo(), ip));
    expect(await getOwnObserver(actor, missionId, observerId)).toEqual({
      id: observerId,
      status: "pending",
      ...input,
      hasPhoto: true,
      reasonCode: null,
      statusReason: null,
      accreditationNumber: null,
      hasAccount: false,
      selfCompletedAt: null,
    });
  });

  it("finds nothing of another organization, of another mission, or by an id that is not a UUID", async () => {
    const first = await acc.draftApplication();
    const observerId = await added(await addObserver(first.actor, first.missionId, acc.observerInput(first.election), null, ip));
    const other = await acc.draftApplication({ election: first.election });
    expect(await getOwnObserver(other.actor, first.missionId, observerId)).toBeNull();
    expect(await getOwnObserver(other.actor, other.missionId, observerId)).toBeNull();
    // The same organization's other application does not hold it either.
    const sameOrganization = await acc.draftApplication({ actor: first.actor });
    expect(await getOwnObserver(first.actor, sameOrganization.missionId, observerId)).toBeNull();
    for (const id of ["", "x", "' or '1'='1", crypto.randomUUID()]) expect(await getOwnObserver(first.actor, first.missionId, id)).toBeNull();
  });
});

describe("listOwnSubmissions", () => {
  it("lists every submission, newest first, and nothing of another organization's", async () => {
    const { actor, missionId, election } = await submittedApplication();
    await acc.setMissionStatus(missionId, "changes_requested");
    await addObserver(actor, missionId, acc.observerInput(election), await acc.photo(), ip);
    expect(await submitApplication(actor, missionId, ip)).toMatchObject({ ok: true, number: 2 });

    const submissions = await listOwnSubmissions(actor, missionId);
    expect(submissions.map((s) => [s.number, s.observerCount])).toEqual([
      [2, 2],
      [1, 1],
    ]);
    expect(submissions[0]!.submittedAt).toBeInstanceOf(Date);
    expect(submissions[0]!.decisionDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const other = await acc.coordinator();
    expect(await listOwnSubmissions(other, missionId)).toEqual([]);
    expect(await listOwnSubmissions(actor, (await acc.draftApplication({ actor })).missionId)).toEqual([]);
  });
});

describe("ownLetterFileId and ownPhotoFileId", () => {
  it("give the files of the organization's own application and observers only", async () => {
    const { actor, missionId, headId } = await submittedApplication();
    const letterId = await ownLetterFileId(actor, missionId);
    const photoId = await ownPhotoFileId(actor, headId);
    expect(letterId).toBe((await acc.missionRow(missionId))!.letterFileId);
    expect(photoId).toBe((await acc.observerRow(headId))!.photoFileId);
    expect(letterId).not.toBeNull();
    expect(photoId).not.toBeNull();

    const other = await acc.coordinator();
    expect(await ownLetterFileId(other, missionId)).toBeNull();
    expect(await ownPhotoFileId(other, headId)).toBeNull();
    for (const id of ["", "x", "' or '1'='1", crypto.randomUUID()]) {
      expect(await ownLetterFileId(actor, id)).toBeNull();
      expect(await ownPhotoFileId(actor, id)).toBeNull();
    }
  });

  it("give nothing when there is no file yet", async () => {
    const { actor, missionId, election } = await acc.draftApplication();
    const observerId = await added(await addObserver(actor, missionId, acc.observerInput(election), null, ip));
    expect(await ownLetterFileId(actor, missionId)).toBeNull();
    expect(await ownPhotoFileId(actor, observerId)).toBeNull();
    expect(await removeObserver(actor, missionId, observerId, ip)).toEqual({ ok: true, outcome: "removed" });
    expect(await ownPhotoFileId(actor, observerId)).toBeNull();
  });
});

describe("who may read", () => {
  it("refuses staff roles and a coordinator without an organization", async () => {
    const { actor, missionId, headId } = await submittedApplication();
    const reviewer = await data.user("reviewer");
    const admin = await data.user("admin");
    const orphan: Coordinator = { id: actor.id, role: "coordinator", organizationId: null };
    for (const who of [reviewer, admin, orphan]) {
      await expect(listElectionsToApply(who, "en")).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(getOwnApplication(who, missionId, "en")).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(listOwnObservers(who, missionId, page())).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(getOwnObserver(who, missionId, headId)).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(listOwnSubmissions(who, missionId)).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(ownLetterFileId(who, missionId)).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(ownPhotoFileId(who, headId)).rejects.toBeInstanceOf(PermissionDeniedError);
    }
  });
});

describe("ids that are not UUIDs", () => {
  it("find nothing, and raise no database error", async () => {
    const { actor } = await acc.draftApplication();
    const query = { filter: "all" as const, search: "", page: 1, pageSize: 20, sort: "surname", dir: "asc" as const };
    expect(await listOwnObservers(actor, "not-a-uuid", query)).toEqual({ rows: [], total: 0 });
    expect(await getOwnObserver(actor, "not-a-uuid", crypto.randomUUID())).toBeNull();
    expect(await listOwnSubmissions(actor, "not-a-uuid")).toEqual([]);
  });
});
