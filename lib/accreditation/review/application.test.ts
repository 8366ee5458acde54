import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { observers } from "@/db/schema";
import { addDays } from "@/lib/dates";
import { getEnv } from "@/lib/env";
import { PermissionDeniedError } from "@/lib/identity/authorize";
import { accreditationData } from "@/test/accreditation-fixtures";
import { setUpTestDatabase, testData } from "@/test/db-fixtures";
import { submitApplication, withdrawApplication } from "../applications";
import { addObserver, removeObserver } from "../observer-changes";
import { withNameSortKey } from "../observer-name";
import { getApplicationForReview, listApplicationHistory, listObserversForReview, recordApplicationViewed, type ApplicationForReview, type ReviewObserverFilter } from "./application";
import { approveApplication, decideObservers, rejectApplication, requestChanges, type Staff } from "./decisions";

const data = testData();
const acc = accreditationData(data);
const ip = "192.0.2.63";

let reviewer: Staff & { name: string };

setUpTestDatabase(data);

beforeAll(async () => {
  reviewer = await data.user("reviewer");
});

const accredit = { kind: "accredit" } as const;
const refuse = { kind: "refuse", reasonCode: "unsuitable_photo", reason: "The photo is a group photo." } as const;
const revoke = { kind: "revoke", reasonCode: "other", reason: "Left the mission." } as const;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function forReview(missionId: string, locale: "tk" | "ru" | "en" = "en") {
  const application = await getApplicationForReview(reviewer, missionId, locale);
  if (!application) throw new Error("expected the application to be found");
  return application;
}

async function observersFor(application: ApplicationForReview, filter: ReviewObserverFilter = "all", page = { page: 1, pageSize: 100 }) {
  return listObserversForReview(reviewer, application, { ...page, sort: "name", dir: "asc", filter });
}

async function decide(missionId: string, observerIds: string[], decision: Parameters<typeof decideObservers>[3]) {
  expect(await decideObservers(reviewer, missionId, await acc.seen(observerIds), decision, ip)).toMatchObject({ ok: true });
}

describe("who may read an application", () => {
  it("refuses coordinators, even of the applying organization", async () => {
    const { missionId, actor } = await acc.submittedApplication({ observers: 1 });
    const application = await forReview(missionId);
    for (const who of [actor, await acc.coordinator()]) {
      await expect(getApplicationForReview(who, missionId, "en")).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(listObserversForReview(who, application, { page: 1, pageSize: 10, sort: "name", dir: "asc", filter: "all" })).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(listApplicationHistory(who, missionId)).rejects.toBeInstanceOf(PermissionDeniedError);
    }
  });
});

describe("getApplicationForReview", () => {
  it("does not find drafts, ids that are not UUIDs, or ids that name nothing", async () => {
    const draft = await acc.draftApplication();
    expect(await addObserver(draft.actor, draft.missionId, acc.observerInput(draft.election), null, ip)).toMatchObject({ ok: true });
    expect(await getApplicationForReview(reviewer, draft.missionId, "en")).toBeNull();
    for (const id of ["", "42", "not-a-uuid", "' or '1'='1", crypto.randomUUID()]) {
      expect(await getApplicationForReview(reviewer, id, "en")).toBeNull();
    }
    // Once submitted, the commission sees it.
    const submitted = await acc.submittedApplication({ observers: 1 });
    expect(await getApplicationForReview(reviewer, submitted.missionId, "en")).not.toBeNull();
  });

  it("gives every detail in the reader's language, the letter and the observers counted", async () => {
    const organization = await data.organization({ nameRu: `Северный наблюдатель ${data.token}`, nameTk: `Demirgazyk gözegçi ${data.token}` });
    const actor = await acc.coordinator(organization.id);
    const { missionId, observerIds, election } = await acc.submittedApplication({ actor, observers: 4 });
    const [first, second, third] = observerIds as [string, string, string, string];
    await decide(missionId, [first, second], accredit);
    await decide(missionId, [third], refuse);

    const application = await forReview(missionId, "ru");
    const row = (await acc.missionRow(missionId))!;
    expect(application).toEqual({
      id: missionId,
      status: "submitted",
      version: row.version,
      name: `Mission ${data.token}`,
      type: "limited_observation_mission",
      plannedArrivalOn: addDays(election.observationStartsOn, 1),
      plannedDepartureOn: addDays(election.observationEndsOn, -1),
      regions: ["ashgabat", "mary"],
      contactPerson: "Ingrid Larsen",
      phone: acc.missionDetails(election).phone,
      email: `contact-${data.token}@mission.example`,
      workingLanguages: ["en", "ru"],
      submittedAt: row.submittedAt,
      decisionDueOn: row.decisionDueOn,
      rejectionReason: null,
      organization: { acronym: organization.acronym, name: `Северный наблюдатель ${data.token}` },
      letter: { id: row.letterFileId, name: "request.pdf" },
      election: {
        id: election.id,
        title: `Выборы ${data.token}`,
        electionDay: election.electionDay,
        observationStartsOn: election.observationStartsOn,
        observationEndsOn: election.observationEndsOn,
      },
      counts: { observers: 4, pending: 1, accredited: 2 },
    });
    expect((await forReview(missionId, "tk")).organization.name).toBe(`Demirgazyk gözegçi ${data.token}`);
  });

  it("counts withdrawn observers out, and shows the rejection's reason", async () => {
    const { missionId, observerIds, actor } = await acc.submittedApplication({ observers: 3 });
    await decide(missionId, observerIds, accredit);
    expect(await approveApplication(reviewer, missionId, await acc.missionVersion(missionId), ip)).toEqual({ ok: true });
    expect(await removeObserver(actor, missionId, observerIds[2]!, ip)).toMatchObject({ ok: true, outcome: "withdrawn" });
    expect((await forReview(missionId)).counts).toEqual({ observers: 2, pending: 0, accredited: 2 });

    const rejected = await acc.submittedApplication({ observers: 1 });
    expect(await rejectApplication(reviewer, rejected.missionId, await acc.missionVersion(rejected.missionId), "Not eligible.", ip)).toEqual({ ok: true });
    expect(await forReview(rejected.missionId)).toMatchObject({ status: "rejected", rejectionReason: "Not eligible.", counts: { observers: 1, pending: 0, accredited: 0 } });
  });
});

describe("listObserversForReview", () => {
  it("filters by decision and amendment, sorted by name and paged", async () => {
    const { missionId, observerIds, actor, election } = await acc.submittedApplication({
      observers: [{ surname: "Clark" }, { surname: "Adams" }, { surname: "Davis" }, { surname: "Baker" }],
    });
    const [clark, adams, davis, baker] = observerIds as [string, string, string, string];
    await decide(missionId, [adams, clark, davis], accredit);
    await decide(missionId, [baker], refuse);
    await decide(missionId, [clark], revoke);
    expect(await approveApplication(reviewer, missionId, await acc.missionVersion(missionId), ip)).toEqual({ ok: true });
    expect(await removeObserver(actor, missionId, davis, ip)).toMatchObject({ ok: true, outcome: "withdrawn" });
    const evans = await addObserver(actor, missionId, acc.observerInput(election, { surname: "Evans" }), await acc.photo(), ip);
    const fox = await addObserver(actor, missionId, acc.observerInput(election, { surname: "Fox" }), await acc.photo(), ip);
    if (!evans.ok || !fox.ok) throw new Error("expected the amendments to be added");
    // One amendment decided already, the other still pending.
    await decide(missionId, [fox.observerId], accredit);

    const application = await forReview(missionId);
    const names = async (filter: ReviewObserverFilter) => {
      const { rows, total } = await observersFor(application, filter);
      expect(total, filter).toBe(rows.length);
      return rows.map((row) => row.surname);
    };
    expect(await names("all")).toEqual(["Adams", "Baker", "Clark", "Davis", "Evans", "Fox"]);
    expect(await names("pending")).toEqual(["Evans"]);
    expect(await names("amendments")).toEqual(["Evans", "Fox"]);
    expect(await names("accredited")).toEqual(["Adams", "Fox"]);
    expect(await names("refused")).toEqual(["Baker"]);
    expect(await names("revoked")).toEqual(["Clark"]);
    expect(await names("withdrawn")).toEqual(["Davis"]);

    const secondPage = await observersFor(application, "all", { page: 2, pageSize: 2 });
    expect(secondPage.rows.map((row) => row.surname)).toEqual(["Clark", "Davis"]);
    expect(secondPage.total).toBe(6);

    const { rows } = await observersFor(application);
    const byName = Object.fromEntries(rows.map((row) => [row.surname, row]));
    expect(byName.Adams).toMatchObject({ status: "accredited", accreditationNumber: `${election.code}-0001`, isAmendment: false, hasPhoto: true, reasonCode: null });
    expect(byName.Baker).toMatchObject({ status: "refused", reasonCode: "unsuitable_photo", statusReason: refuse.reason, accreditationNumber: null });
    expect(byName.Clark).toMatchObject({ status: "revoked", reasonCode: "other", statusReason: revoke.reason, accreditationNumber: `${election.code}-0002` });
    expect(byName.Evans).toMatchObject({ status: "pending", isAmendment: true, hasPhoto: true, version: 1, accreditationNumber: null });
    expect(byName.Fox).toMatchObject({ status: "accredited", isAmendment: true, accreditationNumber: `${election.code}-0004` });
    for (const row of rows) {
      expect(row.findings, row.surname).toEqual([]);
      expect(row.version).toBe((await acc.observerRow(row.id))!.version);
    }
  });

  it("gives staff the intake findings: passports expiring soon, host-country nationals, and passports in other organizations' applications", async () => {
    const election = await data.election();
    const arrivalOn = addDays(election.observationStartsOn, 1);
    const hostCountry = getEnv().HOST_COUNTRY;
    const { missionId, observerIds } = await acc.submittedApplication({
      election,
      observers: [
        { surname: "Plain" },
        // Valid through the stay, but not six months past arrival.
        { surname: "Early", passportExpiresOn: addDays(arrivalOn, 100) },
        { surname: "Native", nationality: hostCountry },
        { surname: "Twin" },
        { surname: "Gone" },
      ],
    });
    const [plain, early, native, twin, gone] = observerIds as [string, string, string, string, string];
    const twinRow = (await acc.observerRow(twin))!;
    const goneRow = (await acc.observerRow(gone))!;
    const copyOf = (row: typeof twinRow, missionId: string, status: typeof twinRow.status = "pending") => ({
      ...withNameSortKey(acc.observerInput(election, { passportNumber: row.passportNumber, nationality: row.nationality, surname: "Copy" })),
      missionId,
      status,
    });

    // The coordinators' checks keep a passport to one application: these copies go straight to the table.
    const rival = await acc.submittedApplication({ election, observers: 1 });
    const rivalAcronym = (await forReview(rival.missionId)).organization.acronym;
    await getDb().insert(observers).values(copyOf(twinRow, rival.missionId));
    // Applications and observers that no longer count: withdrawn or rejected, refused or withdrawn.
    const withdrawn = await acc.submittedApplication({ election, observers: 1 });
    await getDb().insert(observers).values(copyOf(goneRow, withdrawn.missionId));
    expect(await withdrawApplication(withdrawn.actor, withdrawn.missionId, ip)).toEqual({ ok: true });
    const rejected = await acc.submittedApplication({ election, observers: 1 });
    await getDb().insert(observers).values(copyOf(goneRow, rejected.missionId));
    expect(await rejectApplication(reviewer, rejected.missionId, await acc.missionVersion(rejected.missionId), "No.", ip)).toEqual({ ok: true });
    const live = await acc.submittedApplication({ election, observers: 1 });
    await getDb().insert(observers).values([copyOf(goneRow, live.missionId, "refused"), { ...copyOf(goneRow, live.missionId, "withdrawn"), surname: "Copytwo" }]);
    // The same passport in another election is no one's business here.
    const elsewhere = await acc.submittedApplication({ observers: 1 });
    await getDb().insert(observers).values(copyOf(goneRow, elsewhere.missionId));

    const { rows } = await observersFor(await forReview(missionId));
    const findings = Object.fromEntries(rows.map((row) => [row.id, row.findings]));
    expect(findings[plain]).toEqual([]);
    expect(findings[early]).toEqual([{ field: "passportExpiresOn", code: "passportExpiresWithinSixMonths", severity: "warning", audience: "staff" }]);
    expect(findings[native]).toEqual([{ field: "nationality", code: "hostCountryNationality", severity: "warning", audience: "staff" }]);
    expect(findings[twin]).toEqual([
      { field: "passportNumber", code: "passportInOtherApplication", severity: "error", audience: "coordinator" },
      { field: "passportNumber", code: "passportInOtherApplicationDetail", severity: "error", audience: "staff", params: { organization: rivalAcronym } },
    ]);
    expect(findings[gone]).toEqual([]);

    // The other side sees the same, naming the first organization.
    const ownAcronym = (await forReview(missionId)).organization.acronym;
    const rivalRows = (await observersFor(await forReview(rival.missionId))).rows;
    expect(rivalRows.find((row) => row.surname === "Copy")!.findings).toContainEqual({
      field: "passportNumber",
      code: "passportInOtherApplicationDetail",
      severity: "error",
      audience: "staff",
      params: { organization: ownAcronym },
    });

    // Decided observers are judged no more.
    await decide(missionId, [early], refuse);
    await decide(missionId, [native], accredit);
    const after = Object.fromEntries((await observersFor(await forReview(missionId))).rows.map((row) => [row.id, row.findings]));
    expect(after[early]).toEqual([]);
    expect(after[native]).toEqual([{ field: "nationality", code: "hostCountryNationality", severity: "warning", audience: "staff" }]);
  });
});

describe("recordApplicationViewed and listApplicationHistory", () => {
  it("lists submissions, comments and decisions newest first, without the views", async () => {
    const { missionId, observerIds, actor } = await acc.submittedApplication({ observers: [{ surname: "Berg" }, { surname: "Nowak" }] });
    const [berg, nowak] = observerIds as [string, string];
    await sleep(5);
    await recordApplicationViewed(reviewer, missionId, ip);
    const comment = "Please correct the dates of birth.";
    expect(await requestChanges(reviewer, missionId, await acc.missionVersion(missionId), { comment, observerIds: [nowak, berg] }, ip)).toEqual({ ok: true });
    await sleep(5);
    expect(await submitApplication(actor, missionId, ip)).toMatchObject({ ok: true, number: 2 });
    await sleep(5);
    await decide(missionId, [berg, nowak], accredit);
    await sleep(5);
    expect(await approveApplication(reviewer, missionId, await acc.missionVersion(missionId), ip)).toEqual({ ok: true });
    await recordApplicationViewed(reviewer, missionId, ip);

    // The views are recorded, but are not the application's history.
    expect((await data.auditOf("mission", missionId)).filter((e) => e.action === "application.viewed")).toEqual([
      { action: "application.viewed", actorId: reviewer.id, actorRole: "reviewer", ip, details: {} },
      { action: "application.viewed", actorId: reviewer.id, actorRole: "reviewer", ip, details: {} },
    ]);
    const history = await listApplicationHistory(reviewer, missionId);
    expect(history.some((entry) => entry.kind === "event" && entry.action === "application.viewed")).toBe(false);
    for (let i = 1; i < history.length; i++) expect(history[i - 1]!.at.getTime()).toBeGreaterThanOrEqual(history[i]!.at.getTime());

    const label = (entry: (typeof history)[number]) =>
      entry.kind === "event" ? entry.action : entry.kind === "submission" ? `submission ${entry.number}` : `comment ${entry.observers.map((name) => name.split(",")[0]).join(" + ") || "application"}`;
    // Accrediting issues badges (one event for the batch, checked in lib/badges); the order below is of the review.
    expect(history.filter((entry) => entry.kind === "event" && entry.action === "badge.issued")).toHaveLength(1);
    const labels = history.map(label).filter((name) => !name.startsWith("badge."));
    const at = (name: string) => {
      const index = labels.indexOf(name);
      expect(index, name).toBeGreaterThanOrEqual(0);
      return index;
    };
    // Newest first. A submission and its event share a moment, as do a request for changes and its comment.
    const latest = (...names: string[]) => Math.min(...names.map(at));
    const earliest = (...names: string[]) => Math.max(...names.map(at));
    expect(at("application.approved")).toBe(0);
    expect(at("observers.accredited")).toBe(1);
    const resubmission = ["submission 2", "application.submitted"];
    // The request named two observers: one entry names both, and none repeats it for the whole application.
    const sentBack = ["application.changes_requested", "comment Berg + Nowak"];
    expect(latest(...resubmission)).toBe(2);
    expect(earliest(...resubmission)).toBeLessThan(latest(...sentBack));
    expect(earliest(...sentBack)).toBeLessThan(at("submission 1"));
    expect(labels).toHaveLength(11);
    // The first submission and the steps before it are the oldest.
    expect(labels.slice(-5).sort()).toEqual(["application.details_saved", "application.letter_attached", "application.started", "application.submitted", "submission 1"]);

    expect(history.find((e) => e.kind === "submission" && e.number === 2)).toEqual({
      kind: "submission",
      at: expect.any(Date),
      number: 2,
      observerCount: 2,
      decisionDueOn: (await acc.missionRow(missionId))!.decisionDueOn,
    });
    expect(history.filter((e) => e.kind === "comment")).toEqual([
      { kind: "comment", at: expect.any(Date), body: comment, author: reviewer.name, observers: [expect.stringMatching(/^Berg, /), "Nowak, Anna Maria"] },
    ]);
    expect(history[0]).toEqual({ kind: "event", at: expect.any(Date), action: "application.approved", actor: reviewer.name, details: { from: "submitted", to: "approved", accredited: 2 } });
    expect(history[1]).toMatchObject({ kind: "event", action: "observers.accredited", details: { count: 2 } });
  });

  it("keeps a comment whose observer the coordinator removed, without the name", async () => {
    const { missionId, observerIds, actor } = await acc.submittedApplication({ observers: [{ surname: "Berg" }, { surname: "Nowak" }] });
    expect(await requestChanges(reviewer, missionId, await acc.missionVersion(missionId), { comment: "Who is this?", observerIds: [observerIds[1]!] }, ip)).toEqual({ ok: true });
    expect(await removeObserver(actor, missionId, observerIds[1]!, ip)).toMatchObject({ ok: true, outcome: "removed" });
    const comments = (await listApplicationHistory(reviewer, missionId)).filter((e) => e.kind === "comment");
    expect(comments).toEqual([{ kind: "comment", at: expect.any(Date), body: "Who is this?", author: reviewer.name, observers: [] }]);
  });

  it("is the application's own: another application's events are not in it", async () => {
    const first = await acc.submittedApplication({ observers: 1 });
    const second = await acc.submittedApplication({ election: first.election, observers: 1 });
    expect(await rejectApplication(reviewer, second.missionId, await acc.missionVersion(second.missionId), "No.", ip)).toEqual({ ok: true });
    const history = await listApplicationHistory(reviewer, first.missionId);
    expect(history.map((e) => (e.kind === "event" ? e.action : e.kind))).not.toContain("application.rejected");
    expect(history.map((e) => (e.kind === "event" ? e.action : e.kind)).sort()).toEqual([
      "application.details_saved",
      "application.letter_attached",
      "application.started",
      "application.submitted",
      "submission",
    ]);
  });
});
