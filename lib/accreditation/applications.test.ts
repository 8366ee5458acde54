import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { closedDays, elections, files, missions, observers } from "@/db/schema";
import { addDays, todayInAshgabat } from "@/lib/dates";
import { PermissionDeniedError } from "@/lib/identity/authorize";
import { accreditationData } from "@/test/accreditation-fixtures";
import { setUpTestDatabase, testData } from "@/test/db-fixtures";
import { makeImage, makePdf } from "@/test/images";
import { attachLetter, previewSubmission, saveMissionDetails, startApplication, submitApplication, withdrawApplication } from "./applications";
import { addObserver } from "./observer-changes";
import { requestChanges } from "./review/decisions";
import { getOwnApplication, listElectionsToApply, ownLetterFileId } from "./queries";
import type { Coordinator } from "./scope";

const data = testData();
const acc = accreditationData(data);
const ip = "203.0.113.20";
const DAY_MS = 24 * 60 * 60 * 1000;

setUpTestDatabase(data);

/** Counted by hand, Saturdays and Sundays off: what the commission's clock should say. */
function workingDaysAfter(isoDate: string, workingDays: number) {
  let day = isoDate;
  for (let counted = 0; counted < workingDays; ) {
    day = addDays(day, 1);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) counted += 1;
  }
  return day;
}

const letter = () => ({ bytes: makePdf(), name: "request.pdf" });

/** A draft with everything a submission needs: details, letter, a head of mission and one more observer, both with photos. */
async function completeApplication(options: Parameters<typeof acc.draftApplication>[0] = {}) {
  const draft = await acc.draftApplication(options);
  const { actor, missionId, election } = draft;
  expect(await saveMissionDetails(actor, missionId, acc.missionDetails(election), ip)).toEqual({ ok: true });
  expect(await attachLetter(actor, missionId, letter(), ip)).toEqual({ ok: true });
  const head = await addObserver(actor, missionId, acc.observerInput(election, { role: "head_of_mission", surname: "Berg" }), await acc.photo(), ip);
  const member = await addObserver(actor, missionId, acc.observerInput(election, { surname: "Nowak" }), await acc.photo(), ip);
  if (!head.ok || !member.ok) throw new Error("expected the observers to be added");
  return { ...draft, headId: head.observerId, memberId: member.observerId };
}

describe("who may act on an application", () => {
  it("finds nothing of another organization's application, and changes nothing", async () => {
    const { missionId, election } = await completeApplication();
    const other = await acc.coordinator();
    const before = await acc.missionRow(missionId);

    expect(await saveMissionDetails(other, missionId, acc.missionDetails(election, { name: "Hijacked" }), ip)).toEqual({ ok: false, refusal: "notFound" });
    expect(await attachLetter(other, missionId, letter(), ip)).toEqual({ ok: false, refusal: "notFound" });
    expect(await previewSubmission(other, missionId)).toBeNull();
    expect(await submitApplication(other, missionId, ip)).toEqual({ ok: false, refusal: "notFound" });
    expect(await withdrawApplication(other, missionId, ip)).toEqual({ ok: false, refusal: "notFound" });

    expect(await acc.missionRow(missionId)).toEqual(before);
    expect(await acc.submissionsOf(missionId)).toEqual([]);
  });

  it("refuses staff roles and a coordinator without an organization, before reading anything", async () => {
    const { missionId, election, actor } = await acc.draftApplication();
    const reviewer = await data.user("reviewer");
    const admin = await data.user("admin");
    const orphan: Coordinator = { id: actor.id, role: "coordinator", organizationId: null };
    for (const who of [reviewer, admin, orphan]) {
      await expect(startApplication(who, election.id, ip)).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(saveMissionDetails(who, missionId, acc.missionDetails(election), ip)).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(attachLetter(who, missionId, letter(), ip)).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(previewSubmission(who, missionId)).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(submitApplication(who, missionId, ip)).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(withdrawApplication(who, missionId, ip)).rejects.toBeInstanceOf(PermissionDeniedError);
    }
    const row = await acc.missionRow(missionId);
    expect(row).toMatchObject({ status: "draft", name: null, letterFileId: null });
  });

  it("finds nothing by ids that are not UUIDs", async () => {
    const { actor, election } = await acc.draftApplication();
    for (const id of ["", "42", "not-a-uuid", "' or '1'='1", `${crypto.randomUUID()}x`]) {
      expect(await startApplication(actor, id, ip)).toEqual({ ok: false, refusal: "notFound" });
      expect(await saveMissionDetails(actor, id, acc.missionDetails(election), ip)).toEqual({ ok: false, refusal: "notFound" });
      expect(await attachLetter(actor, id, letter(), ip)).toEqual({ ok: false, refusal: "notFound" });
      expect(await previewSubmission(actor, id)).toBeNull();
      expect(await submitApplication(actor, id, ip)).toEqual({ ok: false, refusal: "notFound" });
      expect(await withdrawApplication(actor, id, ip)).toEqual({ ok: false, refusal: "notFound" });
    }
    // A UUID that names nothing is not found either.
    expect(await startApplication(actor, crypto.randomUUID(), ip)).toEqual({ ok: false, refusal: "notFound" });
    expect(await submitApplication(actor, crypto.randomUUID(), ip)).toEqual({ ok: false, refusal: "notFound" });
  });
});

describe("startApplication", () => {
  it("starts one application per organization and election; starting again finds it", async () => {
    const election = await data.election();
    const actor = await acc.coordinator();
    const first = await startApplication(actor, election.id, ip);
    expect(first).toMatchObject({ ok: true, created: true });
    const missionId = (first as { missionId: string }).missionId;

    // A colleague of the same organization clicks "Apply" too.
    const colleague = await acc.coordinator(actor.organizationId);
    expect(await startApplication(colleague, election.id, ip)).toEqual({ ok: true, missionId, created: false });
    expect(await startApplication(actor, election.id, ip)).toEqual({ ok: true, missionId, created: false });

    const rows = await getDb().select({ id: missions.id }).from(missions).where(eq(missions.electionId, election.id));
    expect(rows).toEqual([{ id: missionId }]);
    expect(await acc.missionRow(missionId)).toMatchObject({ status: "draft", organizationId: actor.organizationId, createdBy: actor.id });
    const audit = await data.auditOf("mission", missionId);
    expect(audit).toEqual([
      { action: "application.started", actorId: actor.id, actorRole: "coordinator", ip, details: { electionId: election.id } },
    ]);
  });

  it("starts one application when the button is pressed twice at once", async () => {
    const election = await data.election();
    const actor = await acc.coordinator();
    const results = await Promise.all([startApplication(actor, election.id, ip), startApplication(actor, election.id, ip), startApplication(actor, election.id, ip)]);
    const ids = new Set(results.map((r) => (r.ok ? r.missionId : r.refusal)));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.ok && r.created)).toHaveLength(1);
    const rows = await getDb().select({ id: missions.id }).from(missions).where(eq(missions.electionId, election.id));
    expect(rows.map((r) => r.id)).toEqual([...ids]);
  });

  it("gives another organization an application of its own to the same election", async () => {
    const { election, missionId } = await acc.draftApplication();
    const other = await acc.coordinator();
    const started = await startApplication(other, election.id, ip);
    expect(started).toMatchObject({ ok: true, created: true });
    expect((started as { missionId: string }).missionId).not.toBe(missionId);
  });

  it("starts a new application after the organization withdrew one; the withdrawn one stays, as it was", async () => {
    const { election, actor, missionId: withdrawn } = await acc.draftApplication();
    expect(await withdrawApplication(actor, withdrawn, ip)).toEqual({ ok: true });
    expect((await listElectionsToApply(actor, "en")).find((e) => e.id === election.id)).toMatchObject({ missionId: null });

    const again = await startApplication(actor, election.id, ip);
    expect(again).toMatchObject({ ok: true, created: true });
    const current = (again as { missionId: string }).missionId;
    expect(current).not.toBe(withdrawn);
    expect(await startApplication(actor, election.id, ip)).toEqual({ ok: true, missionId: current, created: false });
    expect((await listElectionsToApply(actor, "en")).filter((e) => e.id === election.id)).toEqual([expect.objectContaining({ missionId: current, missionStatus: "draft" })]);
    expect(await acc.missionRow(withdrawn)).toMatchObject({ status: "withdrawn" });
  });

  it("is refused while the accreditation window is not yet open, and once it has closed", async () => {
    const notYet = await data.election({ accreditationOpensAt: new Date(Date.now() + DAY_MS), accreditationClosesAt: new Date(Date.now() + 20 * DAY_MS) });
    const closed = await data.election({ accreditationOpensAt: new Date(Date.now() - 20 * DAY_MS), accreditationClosesAt: new Date(Date.now() - 60_000) });
    const actor = await acc.coordinator();
    expect(await startApplication(actor, notYet.id, ip)).toEqual({ ok: false, refusal: "windowClosed" });
    expect(await startApplication(actor, closed.id, ip)).toEqual({ ok: false, refusal: "windowClosed" });
    const rows = await getDb().select({ id: missions.id }).from(missions).where(eq(missions.organizationId, actor.organizationId));
    expect(rows).toEqual([]);
  });

  it("still leads to an application started before the window closed", async () => {
    const { election, actor, missionId } = await acc.draftApplication();
    await getDb().update(elections).set({ accreditationOpensAt: new Date(Date.now() - 20 * DAY_MS), accreditationClosesAt: new Date(Date.now() - 60_000) }).where(eq(elections.id, election.id));
    expect(await startApplication(actor, election.id, ip)).toEqual({ ok: true, missionId, created: false });
  });

  it("does not find an election that is not published", async () => {
    const draft = await data.election({ status: "draft", publishedAt: null });
    const actor = await acc.coordinator();
    expect(await startApplication(actor, draft.id, ip)).toEqual({ ok: false, refusal: "notFound" });
    const rows = await getDb().select({ id: missions.id }).from(missions).where(eq(missions.electionId, draft.id));
    expect(rows).toEqual([]);
  });
});

describe("saveMissionDetails", () => {
  it("refuses planned dates outside the observation window and saves nothing", async () => {
    const { actor, missionId, election } = await acc.draftApplication();
    const outside = acc.missionDetails(election, {
      plannedArrivalOn: addDays(election.observationStartsOn, -1),
      plannedDepartureOn: addDays(election.observationEndsOn, 1),
    });
    expect(await saveMissionDetails(actor, missionId, outside, ip)).toEqual({
      ok: false,
      fieldErrors: { plannedArrivalOn: "arrivalOutsideObservation", plannedDepartureOn: "departureOutsideObservation" },
    });
    const backwards = acc.missionDetails(election, {
      plannedArrivalOn: addDays(election.observationStartsOn, 10),
      plannedDepartureOn: addDays(election.observationStartsOn, 3),
    });
    expect(await saveMissionDetails(actor, missionId, backwards, ip)).toEqual({ ok: false, fieldErrors: { plannedDepartureOn: "departureNotAfterArrival" } });

    expect(await acc.missionRow(missionId)).toMatchObject({ name: null, plannedArrivalOn: null, phone: null });
    expect((await data.auditOf("mission", missionId)).map((e) => e.action)).toEqual(["application.started"]);
  });

  it("accepts the window's first and last days", async () => {
    const { actor, missionId, election } = await acc.draftApplication();
    const edges = acc.missionDetails(election, { plannedArrivalOn: election.observationStartsOn, plannedDepartureOn: election.observationEndsOn });
    expect(await saveMissionDetails(actor, missionId, edges, ip)).toEqual({ ok: true });
    expect(await acc.missionRow(missionId)).toMatchObject({ plannedArrivalOn: election.observationStartsOn, plannedDepartureOn: election.observationEndsOn });
  });

  it("stores the details and audits the names of the fields, never the contact's phone or email", async () => {
    const { actor, missionId, election } = await acc.draftApplication();
    const details = acc.missionDetails(election);
    expect(await saveMissionDetails(actor, missionId, details, ip)).toEqual({ ok: true });
    expect(await acc.missionRow(missionId)).toMatchObject({
      name: details.name,
      type: "limited_observation_mission",
      regions: ["ashgabat", "mary"],
      contactPerson: "Ingrid Larsen",
      phone: "+46701234567",
      email: details.email,
      workingLanguages: ["en", "ru"],
    });

    const saved = (await data.auditOf("mission", missionId)).filter((e) => e.action === "application.details_saved");
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ actorId: actor.id, ip });
    expect(saved[0]!.details.fields).toEqual(expect.arrayContaining(["name", "phone", "email", "contactPerson", "plannedArrivalOn"]));
    const recorded = JSON.stringify(saved[0]!.details);
    for (const value of ["+46701234567", details.email, "Ingrid Larsen"]) expect(recorded).not.toContain(value);

    // Saving the same again changes nothing and records nothing.
    expect(await saveMissionDetails(actor, missionId, details, ip)).toEqual({ ok: true });
    // A change of one field records that field alone.
    expect(await saveMissionDetails(actor, missionId, { ...details, phone: "+99312345678" }, ip)).toEqual({ ok: true });
    const all = (await data.auditOf("mission", missionId)).filter((e) => e.action === "application.details_saved");
    expect(all.map((e) => e.details)).toEqual([saved[0]!.details, { fields: ["phone"] }]);
    expect(JSON.stringify(all)).not.toContain("+99312345678");
  });

  it("is refused once the application is submitted, and allowed again when changes are requested", async () => {
    const { actor, missionId, election } = await completeApplication();
    expect(await submitApplication(actor, missionId, ip)).toMatchObject({ ok: true });
    const renamed = acc.missionDetails(election, { name: "Renamed mission" });
    expect(await saveMissionDetails(actor, missionId, renamed, ip)).toEqual({ ok: false, refusal: "notEditable" });
    expect((await acc.missionRow(missionId))!.name).toBe(`Mission ${data.token}`);

    await acc.setMissionStatus(missionId, "changes_requested");
    expect(await saveMissionDetails(actor, missionId, renamed, ip)).toEqual({ ok: true });
    expect((await acc.missionRow(missionId))!.name).toBe("Renamed mission");
  });
});

describe("attachLetter", () => {
  it("refuses a file that is not a PDF whatever its name, and stores nothing", async () => {
    const { actor, missionId } = await acc.draftApplication();
    const png = await makeImage(200, 300, "png");
    expect(await attachLetter(actor, missionId, { bytes: png, name: "letter.pdf" }, ip)).toEqual({ ok: false, fieldErrors: { letter: "letterNotPdf" } });
    // A PDF cut short in the upload has no end-of-file marker.
    const truncated = makePdf().subarray(0, 120);
    expect(await attachLetter(actor, missionId, { bytes: truncated, name: "letter.pdf" }, ip)).toEqual({ ok: false, fieldErrors: { letter: "letterNotPdf" } });

    expect(await ownLetterFileId(actor, missionId)).toBeNull();
    expect(await acc.filesUploadedBy(actor.id)).toEqual([]);
    expect((await data.auditOf("mission", missionId)).map((e) => e.action)).toEqual(["application.started"]);
  });

  it("stores a PDF as sent, and a second letter replaces the first", async () => {
    const { actor, missionId } = await acc.draftApplication();
    const first = makePdf("First request");
    expect(await attachLetter(actor, missionId, { bytes: first, name: "Request 2031.pdf" }, ip)).toEqual({ ok: true });
    const firstId = await ownLetterFileId(actor, missionId);
    expect(firstId).not.toBeNull();
    const [stored] = await getDb().select({ kind: files.kind, mediaType: files.mediaType, content: files.content }).from(files).where(eq(files.id, firstId!));
    expect(stored).toMatchObject({ kind: "letter", mediaType: "application/pdf" });
    expect(Buffer.compare(stored!.content, first)).toBe(0);
    expect((await getOwnApplication(actor, missionId, "en"))!.letter).toEqual({ id: firstId, name: "Request 2031.pdf", byteSize: first.length });

    expect(await attachLetter(actor, missionId, { bytes: makePdf("Second request"), name: "second.pdf" }, ip)).toEqual({ ok: true });
    const secondId = await ownLetterFileId(actor, missionId);
    expect(secondId).not.toBeNull();
    expect(secondId).not.toBe(firstId);
    const attached = (await data.auditOf("mission", missionId)).filter((e) => e.action === "application.letter_attached");
    expect(attached.map((e) => e.details.fileId)).toEqual([firstId, secondId]);
  });

  it("is refused once the application is submitted", async () => {
    const { actor, missionId } = await completeApplication();
    expect(await submitApplication(actor, missionId, ip)).toMatchObject({ ok: true });
    const before = await ownLetterFileId(actor, missionId);
    expect(await attachLetter(actor, missionId, letter(), ip)).toEqual({ ok: false, refusal: "notEditable" });
    expect(await ownLetterFileId(actor, missionId)).toBe(before);
  });
});

describe("previewSubmission", () => {
  it("lists what is missing without changing anything", async () => {
    const { actor, missionId } = await acc.draftApplication();
    const preview = await previewSubmission(actor, missionId);
    expect(preview).toMatchObject({ canSubmit: false, detailsMissing: true, letterMissing: true, observersToCorrect: [], observersToCorrectCount: 0 });
    expect(preview!.issues.map((i) => i.code)).toEqual(["noObservers"]);
    expect(await acc.missionRow(missionId)).toMatchObject({ status: "draft", submittedAt: null });
  });

  it("says a complete application can be submitted", async () => {
    const { actor, missionId } = await completeApplication();
    const preview = await previewSubmission(actor, missionId);
    expect(preview).toMatchObject({ canSubmit: true, detailsMissing: false, letterMissing: false, issues: [], observersToCorrect: [], observersToCorrectCount: 0 });
  });

  it("names the observers to correct, and only what the coordinator may see", async () => {
    const { actor, missionId, headId } = await completeApplication();
    await getDb().update(observers).set({ photoFileId: null }).where(eq(observers.id, headId));
    const preview = await previewSubmission(actor, missionId);
    expect(preview!.canSubmit).toBe(false);
    expect(preview!.observersToCorrect).toEqual([{ id: headId, name: expect.stringMatching(/, /), issues: [expect.objectContaining({ field: "photo", code: "photoRequired" })] }]);
    expect(preview!.issues.map((i) => i.code)).toEqual(["observersIncomplete"]);
  });
});

describe("submitApplication", () => {
  const codes = (result: Awaited<ReturnType<typeof submitApplication>>) => {
    if (result.ok || result.refusal !== "incomplete") throw new Error(`expected an incomplete application, got ${JSON.stringify(result)}`);
    return result.check;
  };

  it("refuses an empty application: no details, no letter, no observers", async () => {
    const { actor, missionId } = await acc.draftApplication();
    const check = codes(await submitApplication(actor, missionId, ip));
    expect(check).toMatchObject({ canSubmit: false, detailsMissing: true, letterMissing: true });
    expect(check.issues.map((i) => i.code)).toEqual(["noObservers"]);
    expect(await acc.missionRow(missionId)).toMatchObject({ status: "draft", submittedAt: null, decisionDueOn: null });
    expect(await acc.submissionsOf(missionId)).toEqual([]);
    expect(await acc.emailsTo(actor.email)).toEqual([]);
  });

  it("refuses an application without a head of mission", async () => {
    const { actor, missionId, election } = await acc.draftApplication();
    await saveMissionDetails(actor, missionId, acc.missionDetails(election), ip);
    await attachLetter(actor, missionId, letter(), ip);
    await addObserver(actor, missionId, acc.observerInput(election), await acc.photo(), ip);
    const check = codes(await submitApplication(actor, missionId, ip));
    expect(check).toMatchObject({ detailsMissing: false, letterMissing: false });
    expect(check.issues.map((i) => i.code)).toEqual(["noHeadOfMission"]);
    expect((await acc.missionRow(missionId))!.status).toBe("draft");
  });

  it("refuses an application with an observer without a photo, and names that observer", async () => {
    const { actor, missionId, election } = await acc.draftApplication();
    await saveMissionDetails(actor, missionId, acc.missionDetails(election), ip);
    await attachLetter(actor, missionId, letter(), ip);
    await addObserver(actor, missionId, acc.observerInput(election, { role: "head_of_mission" }), await acc.photo(), ip);
    const bare = await addObserver(actor, missionId, acc.observerInput(election), null, ip);
    const check = codes(await submitApplication(actor, missionId, ip));
    expect(check.issues.map((i) => i.code)).toEqual(["observersIncomplete"]);
    expect(check.issues[0]!.params).toEqual({ count: 1 });
    const flagged = check.observers.filter((o) => o.issues.length > 0);
    expect(flagged).toEqual([{ id: (bare as { observerId: string }).observerId, issues: [expect.objectContaining({ field: "photo", code: "photoRequired" })] }]);
    expect(await acc.submissionsOf(missionId)).toEqual([]);
  });

  it("refuses an application whose details or letter are missing, even with complete observers", async () => {
    const { actor, missionId, election } = await acc.draftApplication();
    await addObserver(actor, missionId, acc.observerInput(election, { role: "head_of_mission" }), await acc.photo(), ip);
    const withoutBoth = codes(await submitApplication(actor, missionId, ip));
    expect(withoutBoth).toMatchObject({ issues: [], detailsMissing: true, letterMissing: true, canSubmit: false });

    await saveMissionDetails(actor, missionId, acc.missionDetails(election), ip);
    expect(codes(await submitApplication(actor, missionId, ip))).toMatchObject({ issues: [], detailsMissing: false, letterMissing: true });
    expect((await acc.missionRow(missionId))!.status).toBe("draft");
  });

  it("submits: the status moves, the clock starts, the submission is kept, the receipt and the commission's notices are queued", async () => {
    const reviewerEn = await data.user("reviewer", { preferredLocale: "en" });
    const reviewerRu = await data.user("reviewer", { preferredLocale: "ru" });
    const disabledReviewer = await data.user("reviewer", { disabledAt: new Date() });
    const admin = await data.user("admin");
    const { actor, missionId, election } = await completeApplication();
    const today = todayInAshgabat();

    const result = await submitApplication(actor, missionId, ip);
    const due = workingDaysAfter(today, 5);
    expect(election.decisionWorkingDays).toBe(5);
    expect(result).toEqual({ ok: true, number: 1, decisionDueOn: due });

    const row = await acc.missionRow(missionId);
    expect(row).toMatchObject({ status: "submitted", decisionDueOn: due });
    expect(row!.submittedAt).toBeInstanceOf(Date);
    expect(Date.now() - row!.submittedAt!.getTime()).toBeLessThan(60_000);

    const submissions = await acc.submissionsOf(missionId);
    expect(submissions).toHaveLength(1);
    expect(submissions[0]).toMatchObject({ number: 1, observerCount: 2, submittedBy: actor.id, decisionDueOn: due });
    const snapshot = submissions[0]!.snapshot as { details: { name: string }; observers: { surname: string; hasPhoto: boolean }[] };
    expect(snapshot.details.name).toBe(`Mission ${data.token}`);
    expect(snapshot.observers.map((o) => [o.surname, o.hasPhoto])).toEqual([
      ["Berg", true],
      ["Nowak", true],
    ]);

    const submitted = (await data.auditOf("mission", missionId)).filter((e) => e.action === "application.submitted");
    expect(submitted).toEqual([
      {
        action: "application.submitted",
        actorId: actor.id,
        actorRole: "coordinator",
        ip,
        details: { number: 1, from: "draft", to: "submitted", observers: 2, decisionDueOn: due },
      },
    ]);

    const receipt = await acc.emailsTo(actor.email);
    expect(receipt).toHaveLength(1);
    // In the account's language (Turkmen by default), whatever page it was submitted from.
    expect(receipt[0]).toMatchObject({ template: "application-receipt", locale: "tk" });
    expect(receipt[0]!.subject).toContain(`Saýlaw ${data.token}`);
    expect(receipt[0]!.textBody).toContain(`Mission ${data.token}`);
    expect(receipt[0]!.textBody).toContain(`/tk/portal/applications/${missionId}`);

    expect(await acc.emailsTo(reviewerEn.email)).toEqual([expect.objectContaining({ template: "application-notice", locale: "en" })]);
    expect(await acc.emailsTo(reviewerRu.email)).toEqual([expect.objectContaining({ template: "application-notice", locale: "ru" })]);
    expect(await acc.emailsTo(disabledReviewer.email)).toEqual([]);
    expect(await acc.emailsTo(admin.email)).toEqual([]);
  });

  it("does not count the commission's closed days (public holidays) towards the decision", async () => {
    // Sixty working days: the closed day lies beyond every day another test file books a meeting on.
    const election = await data.election({ decisionWorkingDays: 60 });
    const { actor, missionId } = await completeApplication({ election });
    const holiday = workingDaysAfter(todayInAshgabat(), 60);
    await getDb().insert(closedDays).values({ day: holiday, reasonTk: "Baýramçylyk", reasonRu: "Праздник", reasonEn: "Holiday" }).onConflictDoNothing();
    try {
      expect(await submitApplication(actor, missionId, ip)).toMatchObject({ ok: true, decisionDueOn: workingDaysAfter(holiday, 1) });
    } finally {
      await getDb().delete(closedDays).where(eq(closedDays.day, holiday));
    }
  });

  it("submits once when the button is pressed twice at once", async () => {
    const { actor, missionId } = await completeApplication();
    const results = await Promise.all([submitApplication(actor, missionId, ip), submitApplication(actor, missionId, ip)]);
    expect(results).toEqual(expect.arrayContaining([expect.objectContaining({ ok: true, number: 1 }), { ok: false, refusal: "notEditable" }]));
    expect(await acc.submissionsOf(missionId)).toHaveLength(1);
    expect(await acc.emailsTo(actor.email)).toHaveLength(1);
  });

  it("runs the clock for as many working days as the election says", async () => {
    const election = await data.election({ decisionWorkingDays: 10 });
    const { actor, missionId } = await completeApplication({ election });
    const result = await submitApplication(actor, missionId, ip);
    expect(result).toEqual({ ok: true, number: 1, decisionDueOn: workingDaysAfter(todayInAshgabat(), 10) });
  });

  it("refuses to submit again while the commission has the application, and accepts a resubmission when changes are requested", async () => {
    const { actor, missionId, election } = await completeApplication();
    expect(await submitApplication(actor, missionId, ip)).toMatchObject({ ok: true, number: 1 });
    expect(await submitApplication(actor, missionId, ip)).toEqual({ ok: false, refusal: "notEditable" });
    expect(await acc.submissionsOf(missionId)).toHaveLength(1);

    await acc.setMissionStatus(missionId, "changes_requested");
    await addObserver(actor, missionId, acc.observerInput(election, { surname: "Okafor" }), await acc.photo(), ip);
    expect(await submitApplication(actor, missionId, ip)).toMatchObject({ ok: true, number: 2 });
    expect((await acc.missionRow(missionId))!.status).toBe("submitted");
    expect((await acc.submissionsOf(missionId)).map((s) => [s.number, s.observerCount])).toEqual([
      [1, 2],
      [2, 3],
    ]);
    const submitted = (await data.auditOf("mission", missionId)).filter((e) => e.action === "application.submitted");
    expect(submitted.map((e) => [e.details.number, e.details.from])).toEqual([
      [1, "draft"],
      [2, "changes_requested"],
    ]);
    const receipts = await acc.emailsTo(actor.email);
    expect(receipts.map((e) => e.locale)).toEqual(["tk", "tk"]);
  });

  it("writes the receipt in the language of the coordinator's account, the one the commission's decisions are sent in", async () => {
    const account = await data.user("coordinator", { preferredLocale: "ru" });
    const actor = { id: account.id, role: account.role, email: account.email, organizationId: account.organizationId! };
    const reviewer = await data.user("reviewer");
    const { missionId } = await completeApplication({ actor });
    expect(await submitApplication(actor, missionId, ip)).toMatchObject({ ok: true, number: 1 });
    const version = (await acc.missionRow(missionId))!.version;
    expect(await requestChanges(reviewer, missionId, version, { comment: "Please sign the letter.", observerIds: [] }, ip)).toEqual({ ok: true });

    const emails = await acc.emailsTo(actor.email);
    expect(emails.map((e) => [e.template, e.locale]).sort()).toEqual([
      ["application-receipt", "ru"],
      ["decision-changesRequested", "ru"],
    ]);
    const receipt = emails.find((e) => e.template === "application-receipt")!;
    expect(receipt.subject).toContain(`Выборы ${data.token}`);
    expect(receipt.textBody).toContain(`/ru/portal/applications/${missionId}`);
    // The mission's name after a colon, in no grammatical case; the count agrees with its noun.
    expect(receipt.textBody).toContain(`Миссия: Mission ${data.token}. В заявке 2 наблюдателя.`);
  });

  it("refuses a first submission after the accreditation window closed, but takes a resubmission until election day", async () => {
    const { actor, missionId, election } = await completeApplication();
    await getDb().update(elections).set({ accreditationOpensAt: new Date(Date.now() - 20 * DAY_MS), accreditationClosesAt: new Date(Date.now() - 60_000) }).where(eq(elections.id, election.id));
    expect(await submitApplication(actor, missionId, ip)).toEqual({ ok: false, refusal: "windowClosed" });
    expect((await acc.missionRow(missionId))!.status).toBe("draft");

    await acc.setMissionStatus(missionId, "changes_requested");
    expect(await submitApplication(actor, missionId, ip)).toMatchObject({ ok: true, number: 1 });
  });

  it("refuses an approved, rejected or withdrawn application", async () => {
    const { actor, missionId } = await completeApplication();
    for (const status of ["approved", "rejected", "withdrawn"] as const) {
      await acc.setMissionStatus(missionId, status);
      expect(await submitApplication(actor, missionId, ip)).toEqual({ ok: false, refusal: "notEditable" });
      expect((await acc.missionRow(missionId))!.status).toBe(status);
    }
    expect(await acc.submissionsOf(missionId)).toEqual([]);
  });
});

describe("withdrawApplication", () => {
  it("withdraws a draft, a submitted application and one with changes requested", async () => {
    for (const status of ["draft", "submitted", "changes_requested"] as const) {
      const { actor, missionId } = await acc.draftApplication();
      await acc.setMissionStatus(missionId, status);
      expect(await withdrawApplication(actor, missionId, ip)).toEqual({ ok: true });
      expect((await acc.missionRow(missionId))!.status).toBe("withdrawn");
      const withdrawn = (await data.auditOf("mission", missionId)).filter((e) => e.action === "application.withdrawn");
      expect(withdrawn).toEqual([expect.objectContaining({ actorId: actor.id, ip, details: { from: status, observersWithdrawn: 0 } })]);
    }
  });

  it("withdraws its observers with it, the accredited ones too, and leaves the refused as they were", async () => {
    const { actor, missionId, election } = await acc.draftApplication();
    const ids = [];
    for (let i = 0; i < 3; i++) {
      const result = await addObserver(actor, missionId, acc.observerInput(election), null, ip);
      ids.push((result as { observerId: string }).observerId);
    }
    await acc.setMissionStatus(missionId, "submitted");
    await acc.setObserverStatus(ids[1]!, "accredited");
    await acc.setObserverStatus(ids[2]!, "refused");
    expect(await withdrawApplication(actor, missionId, ip)).toEqual({ ok: true });
    expect((await acc.observerRow(ids[0]!))!.status).toBe("withdrawn");
    expect((await acc.observerRow(ids[1]!))!.status).toBe("withdrawn");
    expect((await acc.observerRow(ids[2]!))!.status).toBe("refused");
  });

  it("is refused after the commission's decision and once withdrawn", async () => {
    for (const status of ["approved", "rejected", "withdrawn"] as const) {
      const { actor, missionId } = await acc.draftApplication();
      await acc.setMissionStatus(missionId, status);
      expect(await withdrawApplication(actor, missionId, ip)).toEqual({ ok: false, refusal: "notEditable" });
      expect((await acc.missionRow(missionId))!.status).toBe(status);
      expect((await data.auditOf("mission", missionId)).map((e) => e.action)).toEqual(["application.started"]);
    }
  });
});
