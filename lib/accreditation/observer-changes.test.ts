import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { elections, reviewComments } from "@/db/schema";
import { addDays, todayInAshgabat } from "@/lib/dates";
import { readZipPhotos, type ZipPhotoEntry } from "@/lib/files/zip-photos";
import { PermissionDeniedError } from "@/lib/identity/authorize";
import { accreditationData } from "@/test/accreditation-fixtures";
import { setUpTestDatabase, testData } from "@/test/db-fixtures";
import { makeImage, makePdf } from "@/test/images";
import { buildZip } from "@/test/zip-writer";
import { withdrawApplication } from "./applications";
import { addObserver, attachZipPhotos, importObservers, photoTargets, removeObserver, savedDataErrors, updateObserver } from "./observer-changes";
import type { ObserverInput } from "./observer-schema";
import type { Coordinator } from "./scope";

const data = testData();
const acc = accreditationData(data);
const ip = "198.51.100.7";
const DAY_MS = 24 * 60 * 60 * 1000;

setUpTestDatabase(data);

async function added(result: Awaited<ReturnType<typeof addObserver>>) {
  if (!result.ok) throw new Error(`expected the observer to be added: ${JSON.stringify(result)}`);
  return result.observerId;
}

/** A draft application with one observer already on it. */
async function applicationWithObserver(overrides: Parameters<typeof acc.observerInput>[1] = {}) {
  const draft = await acc.draftApplication();
  const input = acc.observerInput(draft.election, overrides);
  const observerId = await added(await addObserver(draft.actor, draft.missionId, input, null, ip));
  return { ...draft, input, observerId };
}

/** Every audit event about the mission's observers, and the mission, as one text. */
async function auditText(missionId: string, observerIds: string[]) {
  const events = [await data.auditOf("mission", missionId), ...(await Promise.all(observerIds.map((id) => data.auditOf("observer", id))))];
  return JSON.stringify(events.flat());
}

describe("who may change a mission's observers", () => {
  it("finds nothing of another organization's mission or observers, and changes nothing", async () => {
    const { missionId, observerId, election, input } = await applicationWithObserver();
    const other = await acc.draftApplication({ election });
    const before = await acc.observersOf(missionId);
    const photo = await acc.photo();
    const entry: ZipPhotoEntry = { fileName: `${input.passportNumber}.jpg`, passportNumber: input.passportNumber, ok: true, photo };
    const notFound = { ok: false, refusal: "notFound" };

    // With the other organization's mission id…
    expect(await addObserver(other.actor, missionId, acc.observerInput(election), photo, ip)).toEqual(notFound);
    expect(await updateObserver(other.actor, missionId, observerId, { ...input, surname: "Hijacked" }, photo, ip)).toEqual(notFound);
    expect(await removeObserver(other.actor, missionId, observerId, ip)).toEqual(notFound);
    expect(await importObservers(other.actor, missionId, { observers: [acc.observerInput(election)], rows: [2] }, ip)).toEqual(notFound);
    expect(await photoTargets(other.actor, missionId)).toEqual(notFound);
    expect(await attachZipPhotos(other.actor, missionId, [entry], ip)).toEqual(notFound);
    // …and with their own mission id but the first organization's observer.
    expect(await updateObserver(other.actor, other.missionId, observerId, { ...input, surname: "Hijacked" }, null, ip)).toEqual(notFound);
    expect(await removeObserver(other.actor, other.missionId, observerId, ip)).toEqual(notFound);
    expect(await attachZipPhotos(other.actor, other.missionId, [entry], ip)).toEqual({ ok: true, attached: 0 });

    expect(await acc.observersOf(missionId)).toEqual(before);
    expect(await acc.observersOf(other.missionId)).toEqual([]);
    expect(await acc.filesUploadedBy(other.actor.id)).toEqual([]);
  });

  it("refuses staff roles and a coordinator without an organization", async () => {
    const { missionId, observerId, election, input, actor } = await applicationWithObserver();
    const reviewer = await data.user("reviewer");
    const admin = await data.user("admin");
    const orphan: Coordinator = { id: actor.id, role: "coordinator", organizationId: null };
    for (const who of [reviewer, admin, orphan]) {
      await expect(addObserver(who, missionId, acc.observerInput(election), null, ip)).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(updateObserver(who, missionId, observerId, input, null, ip)).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(removeObserver(who, missionId, observerId, ip)).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(importObservers(who, missionId, { observers: [], rows: [] }, ip)).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(photoTargets(who, missionId)).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(attachZipPhotos(who, missionId, [], ip)).rejects.toBeInstanceOf(PermissionDeniedError);
    }
    expect((await acc.observersOf(missionId)).map((o) => o.id)).toEqual([observerId]);
  });

  it("finds nothing by ids that are not UUIDs", async () => {
    const { missionId, observerId, election, input, actor } = await applicationWithObserver();
    const notFound = { ok: false, refusal: "notFound" };
    for (const id of ["", "1", "not-a-uuid", "' or '1'='1"]) {
      expect(await addObserver(actor, id, acc.observerInput(election), null, ip)).toEqual(notFound);
      expect(await updateObserver(actor, id, observerId, input, null, ip)).toEqual(notFound);
      expect(await updateObserver(actor, missionId, id, input, null, ip)).toEqual(notFound);
      expect(await removeObserver(actor, id, observerId, ip)).toEqual(notFound);
      expect(await removeObserver(actor, missionId, id, ip)).toEqual(notFound);
      expect(await importObservers(actor, id, { observers: [], rows: [] }, ip)).toEqual(notFound);
      expect(await photoTargets(actor, id)).toEqual(notFound);
      expect(await attachZipPhotos(actor, id, [], ip)).toEqual(notFound);
    }
    expect(await removeObserver(actor, missionId, crypto.randomUUID(), ip)).toEqual(notFound);
    expect((await acc.observersOf(missionId)).map((o) => o.id)).toEqual([observerId]);
  });
});

describe("addObserver", () => {
  it("adds a pending observer, the photo optional while the application is a draft, and audits no passport data", async () => {
    const { actor, missionId, election } = await acc.draftApplication();
    const withoutPhoto = acc.observerInput(election, { surname: "Svensson", cyrillicName: "Свенссон", email: "svensson@mission.example" });
    const withPhoto = acc.observerInput(election, { surname: "Tanaka", role: "head_of_mission" });
    const firstId = await added(await addObserver(actor, missionId, withoutPhoto, null, ip));
    const secondId = await added(await addObserver(actor, missionId, withPhoto, await acc.photo(), ip));

    expect(await acc.observerRow(firstId)).toMatchObject({
      ...withoutPhoto,
      missionId,
      status: "pending",
      photoFileId: null,
      isAmendment: false,
    });
    const second = await acc.observerRow(secondId);
    expect(second).toMatchObject({ status: "pending", isAmendment: false, role: "head_of_mission", cyrillicName: null, email: null });
    expect(second!.photoFileId).not.toBeNull();
    expect(await acc.filesUploadedBy(actor.id)).toEqual([{ id: second!.photoFileId, kind: "photo", mediaType: "image/jpeg", width: 450, height: 600 }]);

    expect(await data.auditOf("observer", firstId)).toEqual([
      {
        action: "observer.added",
        actorId: actor.id,
        actorRole: "coordinator",
        ip,
        details: { missionId, role: "short_term_observer", amendment: false, withPhoto: false },
      },
    ]);
    expect((await data.auditOf("observer", secondId))[0]!.details).toMatchObject({ withPhoto: true });
    const recorded = await auditText(missionId, [firstId, secondId]);
    for (const value of [withoutPhoto.passportNumber, withPhoto.passportNumber, "Svensson", "svensson@mission.example", withoutPhoto.dateOfBirth]) {
      expect(recorded).not.toContain(value);
    }
  });

  it.each<[string, (election: Awaited<ReturnType<typeof data.election>>) => Partial<Record<keyof ObserverInput, string>>, Record<string, string>]>([
    ["an arrival before the observation window", (e) => ({ arrivalOn: addDays(e.observationStartsOn, -1) }), { arrivalOn: "arrivalOutsideObservation" }],
    ["a departure after the observation window", (e) => ({ departureOn: addDays(e.observationEndsOn, 1) }), { departureOn: "departureOutsideObservation" }],
    ["someone under 18 on election day", (e) => ({ dateOfBirth: `${Number(e.electionDay.slice(0, 4)) - 17}-01-01` }), { dateOfBirth: "underage" }],
    ["a passport that expires before departure", (e) => ({ passportExpiresOn: addDays(e.observationEndsOn, -2) }), { passportExpiresOn: "passportExpiresBeforeDeparture" }],
  ])("refuses %s and stores nothing", async (_, overrides, fieldErrors) => {
    const { actor, missionId, election } = await acc.draftApplication();
    const input = acc.observerInput(election, overrides(election));
    expect(await addObserver(actor, missionId, input, await acc.photo(), ip)).toEqual({ ok: false, fieldErrors });
    expect(await acc.observersOf(missionId)).toEqual([]);
    expect(await acc.filesUploadedBy(actor.id)).toEqual([]);
  });

  it("accepts someone who turns 18 on election day, and what only the commission is warned about", async () => {
    // Election day is not a 29 February, whose 18th anniversary falls in a common year.
    const day = addDays(todayInAshgabat(), 30).endsWith("-02-29") ? addDays(todayInAshgabat(), 31) : addDays(todayInAshgabat(), 30);
    const { actor, missionId, election } = await acc.draftApplication({ election: await data.election({ electionDay: day }) });
    const eighteen = election.electionDay.replace(/^\d{4}/, (y) => String(Number(y) - 18));
    await added(await addObserver(actor, missionId, acc.observerInput(election, { dateOfBirth: eighteen }), null, ip));
    // Valid past departure but within six months of arrival; a national of the host country.
    const shortPassport = acc.observerInput(election, { passportExpiresOn: election.observationEndsOn, nationality: "TM" });
    await added(await addObserver(actor, missionId, shortPassport, null, ip));
    expect(await acc.observersOf(missionId)).toHaveLength(2);
  });

  it("refuses a passport already on the mission, but not the same number of another country", async () => {
    const { actor, missionId, election, input } = await applicationWithObserver();
    const twin = acc.observerInput(election, { passportNumber: input.passportNumber, surname: "Other" });
    expect(await addObserver(actor, missionId, twin, null, ip)).toEqual({ ok: false, fieldErrors: { passportNumber: "passportTwiceInMission" } });
    // Written with spaces and in small letters it is the same passport.
    const spaced = acc.observerInput(election, { passportNumber: input.passportNumber.toLowerCase().replace(/(.{3})/, "$1 "), surname: "Other" });
    expect(await addObserver(actor, missionId, spaced, null, ip)).toEqual({ ok: false, fieldErrors: { passportNumber: "passportTwiceInMission" } });
    expect(await acc.observersOf(missionId)).toHaveLength(1);

    const foreign = acc.observerInput(election, { passportNumber: input.passportNumber, nationality: "NO" });
    await added(await addObserver(actor, missionId, foreign, null, ip));
    expect(await acc.observersOf(missionId)).toHaveLength(2);
  });

  it("refuses a passport on another organization's live application to the same election", async () => {
    const first = await applicationWithObserver();
    const second = await acc.draftApplication({ election: first.election });
    const same = acc.observerInput(first.election, { passportNumber: first.input.passportNumber });

    const result = await addObserver(second.actor, second.missionId, same, null, ip);
    expect(result).toEqual({ ok: false, fieldErrors: { passportNumber: "passportInOtherApplication" } });
    expect(JSON.stringify(result)).not.toContain(first.actor.organizationId);
    expect(await acc.observersOf(second.missionId)).toEqual([]);

    // Another election's applications do not count…
    const elsewhere = await acc.draftApplication({ actor: second.actor });
    await added(await addObserver(elsewhere.actor, elsewhere.missionId, acc.observerInput(elsewhere.election, { passportNumber: first.input.passportNumber }), null, ip));
    // …nor, once withdrawn, the first organization's application.
    expect(await withdrawApplication(first.actor, first.missionId, ip)).toEqual({ ok: true });
    await added(await addObserver(second.actor, second.missionId, same, null, ip));
  });

  it("does not count another organization's refused observers, nor its rejected application", async () => {
    const refusedOne = await applicationWithObserver();
    await acc.setObserverStatus(refusedOne.observerId, "refused");
    const rejected = await applicationWithObserver();
    await acc.setMissionStatus(rejected.missionId, "rejected");
    const mine = await acc.draftApplication({ election: refusedOne.election });
    const ownOther = await acc.draftApplication({ election: rejected.election, actor: mine.actor });
    await added(await addObserver(mine.actor, mine.missionId, acc.observerInput(mine.election, { passportNumber: refusedOne.input.passportNumber }), null, ip));
    await added(await addObserver(mine.actor, ownOther.missionId, acc.observerInput(rejected.election, { passportNumber: rejected.input.passportNumber }), null, ip));
  });

  it("does not name the other organization's acronym in the refusal", async () => {
    const organization = await data.organization();
    const first = await acc.draftApplication({ actor: await acc.coordinator(organization.id) });
    const input = acc.observerInput(first.election);
    await added(await addObserver(first.actor, first.missionId, input, null, ip));
    const second = await acc.draftApplication({ election: first.election });
    const result = await addObserver(second.actor, second.missionId, acc.observerInput(first.election, { passportNumber: input.passportNumber }), null, ip);
    expect(result).toEqual({ ok: false, fieldErrors: { passportNumber: "passportInOtherApplication" } });
    expect(JSON.stringify(result)).not.toContain(organization.acronym);
  });

  it("adds a passport once when the same observer is sent twice at once", async () => {
    const { actor, missionId, election } = await acc.draftApplication();
    const input = acc.observerInput(election);
    const results = await Promise.all([addObserver(actor, missionId, input, null, ip), addObserver(actor, missionId, input, null, ip)]);
    expect(results).toEqual(
      expect.arrayContaining([expect.objectContaining({ ok: true }), { ok: false, fieldErrors: { passportNumber: "passportTwiceInMission" } }]),
    );
    expect(await acc.observersOf(missionId)).toHaveLength(1);
  });

  it("refuses a second head of mission on the role field and saves nothing, also as an amendment, until the head is withdrawn", async () => {
    const { actor, missionId, election, observerId: headId } = await applicationWithObserver({ role: "head_of_mission" });
    const second = acc.observerInput(election, { surname: "Second", role: "head_of_mission" });
    const refusal = { ok: false, fieldErrors: { role: "headOfMissionSaved" } };
    expect(await addObserver(actor, missionId, second, await acc.photo(), ip)).toEqual(refusal);
    expect((await acc.observersOf(missionId)).map((o) => o.id)).toEqual([headId]);
    expect(await acc.filesUploadedBy(actor.id)).toEqual([]);
    // Two at once: the mission's lock lets the first through and shows the second its head.
    // Fresh passports: whichever wins stays in that application, and `second` is needed below.
    const raced = ["Raced", "Racer"].map((surname) => acc.observerInput(election, { surname, role: "head_of_mission" }));
    const other = await acc.draftApplication({ election });
    const results = await Promise.all(raced.map((input) => addObserver(other.actor, other.missionId, input, null, ip)));
    expect(results).toEqual(expect.arrayContaining([expect.objectContaining({ ok: true }), refusal]));
    expect(await acc.observersOf(other.missionId)).toHaveLength(1);

    // After approval the accredited head still counts, and can no longer change role: the message
    // says to withdraw them first. Once withdrawn, an amendment brings the new one.
    await acc.setObserverStatus(headId, "accredited");
    await acc.setMissionStatus(missionId, "approved");
    expect(await addObserver(actor, missionId, second, await acc.photo(), ip)).toEqual({ ok: false, fieldErrors: { role: "headOfMissionDecided" } });
    expect((await data.auditOf("mission", missionId)).map((e) => e.action)).toEqual(["application.started"]);
    expect(await removeObserver(actor, missionId, headId, ip)).toEqual({ ok: true, outcome: "withdrawn" });
    const newHeadId = await added(await addObserver(actor, missionId, second, await acc.photo(), ip));
    expect(await acc.observerRow(newHeadId)).toMatchObject({ role: "head_of_mission", isAmendment: true });
  });

  it("is refused while the commission has the application", async () => {
    const { actor, missionId, election } = await acc.draftApplication();
    for (const status of ["submitted", "rejected", "withdrawn"] as const) {
      await acc.setMissionStatus(missionId, status);
      expect(await addObserver(actor, missionId, acc.observerInput(election), await acc.photo(), ip)).toEqual({ ok: false, refusal: "notEditable" });
    }
    expect(await acc.observersOf(missionId)).toEqual([]);
  });

  it("after approval adds observers as amendments, which need a photo", async () => {
    const { actor, missionId, election } = await acc.draftApplication();
    await acc.setMissionStatus(missionId, "approved");
    const input = acc.observerInput(election, { surname: "Late" });
    expect(await addObserver(actor, missionId, input, null, ip)).toEqual({ ok: false, fieldErrors: { photo: "photoRequired" } });
    expect(await acc.observersOf(missionId)).toEqual([]);

    const observerId = await added(await addObserver(actor, missionId, input, await acc.photo(), ip));
    const row = await acc.observerRow(observerId);
    expect(row).toMatchObject({ status: "pending", isAmendment: true, surname: "Late" });
    expect(row!.photoFileId).not.toBeNull();
    expect((await data.auditOf("observer", observerId))[0]!.details).toEqual({ missionId, role: "short_term_observer", amendment: true, withPhoto: true });
  });

  it("after approval refuses amendments once the accreditation window has closed", async () => {
    const election = await data.election();
    const { actor, missionId } = await acc.draftApplication({ election });
    await acc.setMissionStatus(missionId, "approved");
    await getDb().update(elections).set({ accreditationOpensAt: new Date(Date.now() - 20 * DAY_MS), accreditationClosesAt: new Date(Date.now() - 60_000) }).where(eq(elections.id, election.id));
    expect(await addObserver(actor, missionId, acc.observerInput(election), await acc.photo(), ip)).toEqual({ ok: false, refusal: "windowClosed" });
    expect(await acc.observersOf(missionId)).toEqual([]);
  });
});

describe("updateObserver", () => {
  it("corrects a pending observer and audits which fields changed, never their values", async () => {
    const { actor, missionId, election, observerId, input } = await applicationWithObserver({ surname: "Smith" });
    const corrected = acc.observerInput(election, { ...input, surname: "Smyth", passportNumber: data.unique("N").toUpperCase() });
    expect(await updateObserver(actor, missionId, observerId, corrected, null, ip)).toEqual({ ok: true });
    expect(await acc.observerRow(observerId)).toMatchObject({ surname: "Smyth", passportNumber: corrected.passportNumber, status: "pending" });

    const updated = (await data.auditOf("observer", observerId)).filter((e) => e.action === "observer.updated");
    expect(updated).toHaveLength(1);
    expect(updated[0]!.details).toEqual({ missionId, fields: ["surname", "passportNumber"], newPhoto: false });
    const recorded = JSON.stringify(updated[0]!.details);
    for (const value of [input.passportNumber, corrected.passportNumber, "Smith", "Smyth"]) expect(recorded).not.toContain(value);
  });

  it("keeps the observer's own passport, refuses another observer's, and refuses intake errors, storing nothing", async () => {
    const { actor, missionId, election, observerId, input } = await applicationWithObserver();
    const colleague = acc.observerInput(election, { surname: "Colleague" });
    await added(await addObserver(actor, missionId, colleague, null, ip));

    // Its own passport number is not a duplicate of itself.
    expect(await updateObserver(actor, missionId, observerId, { ...input, givenNames: "Anna" }, null, ip)).toEqual({ ok: true });
    expect(await updateObserver(actor, missionId, observerId, { ...input, passportNumber: colleague.passportNumber }, null, ip)).toEqual({
      ok: false,
      fieldErrors: { passportNumber: "passportTwiceInMission" },
    });
    expect(await updateObserver(actor, missionId, observerId, { ...input, departureOn: addDays(election.observationEndsOn, 3) }, null, ip)).toEqual({
      ok: false,
      fieldErrors: { departureOn: "departureOutsideObservation" },
    });
    expect(await acc.observerRow(observerId)).toMatchObject({ ...input, givenNames: "Anna" });
  });

  it("keeps the head of mission's own role, and refuses a second head on the role field, storing nothing", async () => {
    const { actor, missionId, election, observerId: headId, input: head } = await applicationWithObserver({ role: "head_of_mission" });
    const member = acc.observerInput(election, { surname: "Member" });
    const memberId = await added(await addObserver(actor, missionId, member, null, ip));

    expect(await updateObserver(actor, missionId, headId, { ...head, givenNames: "Anna" }, null, ip)).toEqual({ ok: true });
    expect(await updateObserver(actor, missionId, memberId, { ...member, givenNames: "Changed", role: "head_of_mission" }, await acc.photo(), ip)).toEqual({
      ok: false,
      fieldErrors: { role: "headOfMissionSaved" },
    });
    expect(await acc.observerRow(memberId)).toMatchObject({ ...member, photoFileId: null });
    expect((await data.auditOf("observer", memberId)).map((e) => e.action)).toEqual(["observer.added"]);

    // Once the head takes another role, the member may become head.
    expect(await updateObserver(actor, missionId, headId, { ...head, role: "core_team" }, null, ip)).toEqual({ ok: true });
    expect(await updateObserver(actor, missionId, memberId, { ...member, role: "head_of_mission" }, null, ip)).toEqual({ ok: true });
  });

  it("replaces the photo, and records nothing when nothing changed", async () => {
    const { actor, missionId, observerId, input } = await applicationWithObserver();
    expect(await updateObserver(actor, missionId, observerId, input, null, ip)).toEqual({ ok: true });
    expect((await data.auditOf("observer", observerId)).map((e) => e.action)).toEqual(["observer.added"]);

    expect(await updateObserver(actor, missionId, observerId, input, await acc.photo(), ip)).toEqual({ ok: true });
    const photoFileId = (await acc.observerRow(observerId))!.photoFileId;
    expect(photoFileId).not.toBeNull();
    expect(await updateObserver(actor, missionId, observerId, input, await acc.photo(), ip)).toEqual({ ok: true });
    const replaced = (await acc.observerRow(observerId))!.photoFileId;
    expect(replaced).not.toBeNull();
    expect(replaced).not.toBe(photoFileId);
    const updates = (await data.auditOf("observer", observerId)).filter((e) => e.action === "observer.updated");
    expect(updates.map((e) => e.details)).toEqual([
      { missionId, fields: [], newPhoto: true },
      { missionId, fields: [], newPhoto: true },
    ]);
  });

  it("is refused while the commission has the application, after approval, and for an observer no longer pending", async () => {
    const { actor, missionId, observerId, input } = await applicationWithObserver({ surname: "Fixed" });
    for (const status of ["submitted", "approved", "rejected", "withdrawn"] as const) {
      await acc.setMissionStatus(missionId, status);
      expect(await updateObserver(actor, missionId, observerId, { ...input, surname: "Changed" }, null, ip)).toEqual({ ok: false, refusal: "notEditable" });
    }
    await acc.setMissionStatus(missionId, "changes_requested");
    await acc.setObserverStatus(observerId, "refused");
    expect(await updateObserver(actor, missionId, observerId, { ...input, surname: "Changed" }, null, ip)).toEqual({ ok: false, refusal: "notEditable" });
    await acc.setObserverStatus(observerId, "pending");
    expect(await updateObserver(actor, missionId, observerId, { ...input, surname: "Changed" }, null, ip)).toEqual({ ok: true });
    expect((await acc.observerRow(observerId))!.surname).toBe("Changed");
  });
});

describe("removeObserver", () => {
  it("deletes an observer of a draft", async () => {
    const { actor, missionId, observerId } = await applicationWithObserver();
    expect(await removeObserver(actor, missionId, observerId, ip)).toEqual({ ok: true, outcome: "removed" });
    expect(await acc.observerRow(observerId)).toBeUndefined();
    expect((await data.auditOf("observer", observerId)).map((e) => [e.action, e.details])).toEqual([
      ["observer.added", expect.anything()],
      ["observer.removed", { missionId }],
    ]);
    expect(await removeObserver(actor, missionId, observerId, ip)).toEqual({ ok: false, refusal: "notFound" });
  });

  it("is refused while the commission has the application", async () => {
    const { actor, missionId, observerId } = await applicationWithObserver();
    await acc.setMissionStatus(missionId, "submitted");
    expect(await removeObserver(actor, missionId, observerId, ip)).toEqual({ ok: false, refusal: "notEditable" });
    expect((await acc.observerRow(observerId))!.status).toBe("pending");
  });

  it("after approval withdraws pending and accredited observers, and no others", async () => {
    const { actor, missionId, election, observerId: pendingId } = await applicationWithObserver({ surname: "Pending" });
    const accreditedId = await added(await addObserver(actor, missionId, acc.observerInput(election, { surname: "Accredited" }), null, ip));
    const refusedId = await added(await addObserver(actor, missionId, acc.observerInput(election, { surname: "Refused" }), null, ip));
    await acc.setObserverStatus(accreditedId, "accredited");
    await acc.setObserverStatus(refusedId, "refused");
    await acc.setMissionStatus(missionId, "approved");

    expect(await removeObserver(actor, missionId, pendingId, ip)).toEqual({ ok: true, outcome: "withdrawn" });
    expect(await removeObserver(actor, missionId, accreditedId, ip)).toEqual({ ok: true, outcome: "withdrawn" });
    expect(await removeObserver(actor, missionId, refusedId, ip)).toEqual({ ok: false, refusal: "notEditable" });
    expect(await removeObserver(actor, missionId, pendingId, ip)).toEqual({ ok: false, refusal: "notEditable" });

    expect((await acc.observersOf(missionId)).map((o) => [o.surname, o.status])).toEqual([
      ["Accredited", "withdrawn"],
      ["Pending", "withdrawn"],
      ["Refused", "refused"],
    ]);
    const withdrawn = (await data.auditOf("observer", accreditedId)).filter((e) => e.action === "observer.withdrawn");
    expect(withdrawn).toEqual([expect.objectContaining({ actorId: actor.id, details: { missionId, from: "accredited" } })]);
  });

  it("after approval lets a withdrawn observer's passport come back as an amendment", async () => {
    const { actor, missionId, election, observerId, input } = await applicationWithObserver();
    await acc.setMissionStatus(missionId, "approved");
    expect(await removeObserver(actor, missionId, observerId, ip)).toEqual({ ok: true, outcome: "withdrawn" });
    const againId = await added(await addObserver(actor, missionId, acc.observerInput(election, { ...input }), await acc.photo(), ip));
    expect(await acc.observerRow(againId)).toMatchObject({ status: "pending", isAmendment: true, passportNumber: input.passportNumber });
  });
});

describe("importObservers", () => {
  it("imports nothing when any row fails an intake check, and names each row and column", async () => {
    const { actor, missionId, election, input: existing } = await applicationWithObserver();
    const list = {
      observers: [
        acc.observerInput(election, { surname: "Good" }),
        acc.observerInput(election, { surname: "Young", dateOfBirth: addDays(todayInAshgabat(), -365 * 10) }),
        acc.observerInput(election, { surname: "Good" }),
        acc.observerInput(election, { surname: "Twice", passportNumber: existing.passportNumber }),
        acc.observerInput(election, { surname: "Early", arrivalOn: addDays(election.observationStartsOn, -3), passportExpiresOn: addDays(election.observationEndsOn, -2) }),
      ],
      // Spreadsheet rows: a header, and a blank line skipped after row 3.
      rows: [2, 3, 5, 6, 7],
    };
    expect(await importObservers(actor, missionId, list, ip)).toEqual({
      ok: false,
      errors: [
        { row: 3, column: "dateOfBirth", code: "underage" },
        { row: 6, column: "passportNumber", code: "passportTwiceInMission" },
        { row: 7, column: "arrivalOn", code: "arrivalOutsideObservation" },
        { row: 7, column: "passportExpiresOn", code: "passportExpiresBeforeDeparture" },
      ],
    });
    expect((await acc.observersOf(missionId)).map((o) => o.passportNumber)).toEqual([existing.passportNumber]);
    expect((await data.auditOf("mission", missionId)).map((e) => e.action)).toEqual(["application.started"]);
  });

  it("refuses passports on another organization's application to the same election", async () => {
    const first = await applicationWithObserver();
    const second = await acc.draftApplication({ election: first.election });
    const list = { observers: [acc.observerInput(first.election), acc.observerInput(first.election, { passportNumber: first.input.passportNumber })], rows: [2, 3] };
    expect(await importObservers(second.actor, second.missionId, list, ip)).toEqual({
      ok: false,
      errors: [{ row: 3, column: "passportNumber", code: "passportInOtherApplication" }],
    });
    expect(await acc.observersOf(second.missionId)).toEqual([]);
  });

  it("imports a long list whole, in one audit event that carries the count only", async () => {
    const { actor, missionId, election } = await acc.draftApplication();
    const count = 650; // more than one insert statement's chunk
    const observers = Array.from({ length: count }, (_, i) => acc.observerInput(election, { role: i === 0 ? "head_of_mission" : "short_term_observer" }));
    const list = { observers, rows: observers.map((_, i) => i + 2) };
    expect(await importObservers(actor, missionId, list, ip)).toEqual({ ok: true, imported: count });

    const stored = await acc.observersOf(missionId);
    expect(stored).toHaveLength(count);
    expect(new Set(stored.map((o) => o.passportNumber))).toEqual(new Set(observers.map((o) => o.passportNumber)));
    expect(stored.every((o) => o.status === "pending" && o.photoFileId === null && !o.isAmendment)).toBe(true);
    const events = (await data.auditOf("mission", missionId)).filter((e) => e.action === "observers.imported");
    expect(events).toEqual([expect.objectContaining({ actorId: actor.id, ip, details: { count } })]);

    // Importing the same list again finds every passport on the mission already, and its head of mission.
    const again = await importObservers(actor, missionId, list, ip);
    expect(again).toMatchObject({ ok: false });
    const errors = (again as { errors: { row: number; code: string }[] }).errors;
    expect(errors.filter((e) => e.code === "passportTwiceInMission")).toHaveLength(count);
    expect(errors.filter((e) => e.code === "headOfMissionSaved")).toEqual([{ row: 2, column: "role", code: "headOfMissionSaved" }]);
    expect(await acc.observersOf(missionId)).toHaveLength(count);
  });

  it("refuses a second head of mission when one is saved from the form, on the role column of each head row, and saves nothing", async () => {
    const { actor, missionId, election, observerId, input } = await applicationWithObserver({ role: "head_of_mission" });
    const list = {
      observers: [
        acc.observerInput(election, { surname: "Short" }),
        acc.observerInput(election, { surname: "Head", role: "head_of_mission" }),
        acc.observerInput(election, { surname: "Interpreter", role: "interpreter" }),
      ],
      rows: [2, 3, 4],
    };
    expect(await importObservers(actor, missionId, list, ip)).toEqual({
      ok: false,
      errors: [{ row: 3, column: "role", code: "headOfMissionSaved" }],
    });
    expect((await acc.observersOf(missionId)).map((o) => o.id)).toEqual([observerId]);
    expect((await data.auditOf("mission", missionId)).map((e) => e.action)).toEqual(["application.started"]);

    // Once the saved head takes another role, the same list goes in whole.
    expect(await updateObserver(actor, missionId, observerId, { ...input, role: "core_team" }, null, ip)).toEqual({ ok: true });
    expect(await importObservers(actor, missionId, list, ip)).toEqual({ ok: true, imported: 3 });
  });

  it("refuses a head of mission when an earlier import brought one, and counts no head of another mission", async () => {
    const { actor, missionId, election } = await acc.draftApplication();
    const head = () => acc.observerInput(election, { role: "head_of_mission" });
    expect(await importObservers(actor, missionId, { observers: [head(), acc.observerInput(election)], rows: [2, 3] }, ip)).toEqual({ ok: true, imported: 2 });
    expect(await importObservers(actor, missionId, { observers: [acc.observerInput(election), head()], rows: [2, 3] }, ip)).toEqual({
      ok: false,
      errors: [{ row: 3, column: "role", code: "headOfMissionSaved" }],
    });
    expect(await acc.observersOf(missionId)).toHaveLength(2);

    // Returned for changes with the head already accredited: the report says to withdraw them first.
    const [saved] = (await acc.observersOf(missionId)).filter((o) => o.role === "head_of_mission");
    await acc.setObserverStatus(saved!.id, "accredited");
    await acc.setMissionStatus(missionId, "changes_requested");
    expect(await importObservers(actor, missionId, { observers: [head()], rows: [2] }, ip)).toEqual({
      ok: false,
      errors: [{ row: 2, column: "role", code: "headOfMissionDecided" }],
    });

    const other = await acc.draftApplication({ election });
    expect(await importObservers(other.actor, other.missionId, { observers: [head()], rows: [2] }, ip)).toEqual({ ok: true, imported: 1 });
  });

  it("is refused while the commission has the application", async () => {
    const { actor, missionId, election } = await acc.draftApplication();
    await acc.setMissionStatus(missionId, "submitted");
    expect(await importObservers(actor, missionId, { observers: [acc.observerInput(election)], rows: [2] }, ip)).toEqual({ ok: false, refusal: "notEditable" });
    await acc.setMissionStatus(missionId, "approved");
    expect(await importObservers(actor, missionId, { observers: [acc.observerInput(election)], rows: [2] }, ip)).toEqual({ ok: false, refusal: "notEditable" });
    expect(await acc.observersOf(missionId)).toEqual([]);
  });
});

describe("photos from a ZIP", () => {
  it("attaches each photo to the observer whose passport names it, and stores none of the rejected ones", async () => {
    const { actor, missionId, election } = await acc.draftApplication();
    const [a, b, c] = [acc.observerInput(election, { surname: "Alpha" }), acc.observerInput(election, { surname: "Bravo" }), acc.observerInput(election, { surname: "Charlie" })];
    expect(await importObservers(actor, missionId, { observers: [a, b, c], rows: [2, 3, 4] }, ip)).toEqual({ ok: true, imported: 3 });

    const targets = await photoTargets(actor, missionId);
    expect(targets).toMatchObject({ ok: true });
    const passports = (targets as { passports: string[] }).passports;
    expect([...passports].sort()).toEqual([a, b, c].map((o) => o.passportNumber).sort());

    const portrait = await makeImage(450, 600);
    const zip = buildZip([
      { name: `${a.passportNumber}.jpg`, data: portrait },
      { name: `photos/${b.passportNumber.toLowerCase()}.png`, data: await makeImage(480, 640, "png") },
      { name: `${c.passportNumber}.jpg`, data: await makeImage(800, 600) }, // landscape
      { name: "ZZ99999999.jpg", data: portrait }, // nobody's passport
      { name: `${a.passportNumber}.jpeg`, data: portrait }, // the same passport again
      { name: "notes.jpg", data: makePdf() },
    ]);
    const read = await readZipPhotos(zip, passports);
    if (!read.ok) throw new Error(`expected the archive to be read: ${read.error}`);
    expect(read.entries.filter((e) => !e.ok).map((e) => [e.fileName, !e.ok && e.error])).toEqual([
      [`${c.passportNumber}.jpg`, "notPortrait"],
      ["ZZ99999999.jpg", "unknownPassport"],
      [`${a.passportNumber}.jpeg`, "duplicatePassport"],
      ["notes.jpg", "unknownPassport"],
    ]);

    expect(await attachZipPhotos(actor, missionId, read.entries, ip)).toEqual({ ok: true, attached: 2 });
    const rows = await acc.observersOf(missionId);
    expect(rows.map((o) => [o.surname, o.photoFileId !== null])).toEqual([
      ["Alpha", true],
      ["Bravo", true],
      ["Charlie", false],
    ]);
    const stored = await acc.filesUploadedBy(actor.id);
    expect(stored).toHaveLength(2);
    expect(new Set(stored.map((f) => f.id))).toEqual(new Set(rows.filter((o) => o.photoFileId).map((o) => o.photoFileId)));
    expect(stored.every((f) => f.kind === "photo" && f.mediaType === "image/jpeg")).toBe(true);

    const events = (await data.auditOf("mission", missionId)).filter((e) => e.action === "observer.photo_attached");
    expect(events).toEqual([expect.objectContaining({ details: { count: 2, source: "zip" } })]);
    expect(JSON.stringify(events)).not.toContain(a.passportNumber);
  });

  it("attaches nothing to observers that are not pending, and records nothing when nothing was attached", async () => {
    const { actor, missionId, election } = await acc.draftApplication();
    const input = acc.observerInput(election);
    const observerId = await added(await addObserver(actor, missionId, input, null, ip));
    await acc.setMissionStatus(missionId, "changes_requested");
    await acc.setObserverStatus(observerId, "refused");
    const entry: ZipPhotoEntry = { fileName: `${input.passportNumber}.jpg`, passportNumber: input.passportNumber, ok: true, photo: await acc.photo() };
    expect(await attachZipPhotos(actor, missionId, [entry], ip)).toEqual({ ok: true, attached: 0 });
    expect((await acc.observerRow(observerId))!.photoFileId).toBeNull();
    expect(await acc.filesUploadedBy(actor.id)).toEqual([]);
    expect((await data.auditOf("mission", missionId)).map((e) => e.action)).toEqual(["application.started"]);
  });

  it("is refused while the commission has the application", async () => {
    const { actor, missionId, input } = await applicationWithObserver();
    const entry: ZipPhotoEntry = { fileName: `${input.passportNumber}.jpg`, passportNumber: input.passportNumber, ok: true, photo: await acc.photo() };
    for (const status of ["submitted", "approved"] as const) {
      await acc.setMissionStatus(missionId, status);
      expect(await photoTargets(actor, missionId)).toEqual({ ok: false, refusal: "notEditable" });
      expect(await attachZipPhotos(actor, missionId, [entry], ip)).toEqual({ ok: false, refusal: "notEditable" });
    }
    expect(await acc.filesUploadedBy(actor.id)).toEqual([]);
  });
});

describe("found by the tests of the first version", () => {
  it("removes a pending observer the commission commented on, when changes are requested", async () => {
    const { actor, missionId, election } = await acc.draftApplication();
    const observerId = await added(await addObserver(actor, missionId, acc.observerInput(election), null, null));
    await acc.setMissionStatus(missionId, "changes_requested");
    const reviewer = await data.user("reviewer");
    await getDb().insert(reviewComments).values({ missionId, observerId, authorId: reviewer.id, body: "This observer's photo is blurred." });
    expect(await removeObserver(actor, missionId, observerId, null)).toEqual({ ok: true, outcome: "removed" });
    const [comment] = await getDb().select({ observerId: reviewComments.observerId, body: reviewComments.body }).from(reviewComments).where(eq(reviewComments.missionId, missionId));
    expect(comment).toEqual({ observerId: null, body: "This observer's photo is blurred." });
  });

  it("does not let two organizations take the same passport at the same moment", async () => {
    const first = await acc.draftApplication();
    const second = await acc.draftApplication({ election: first.election });
    const input = acc.observerInput(first.election);
    const results = await Promise.all([
      addObserver(first.actor, first.missionId, input, null, null),
      addObserver(second.actor, second.missionId, input, null, null),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, fieldErrors: { passportNumber: "passportInOtherApplication" } });
  });

  it("names a taken passport and a second head for a form whose other fields failed, within the coordinator's own mission only", async () => {
    const { actor, missionId, election, input: head, observerId: headId } = await applicationWithObserver({ role: "head_of_mission" });
    const other = await acc.draftApplication({ election });
    const taken = acc.observerInput(election);
    await added(await addObserver(other.actor, other.missionId, taken, null, ip));
    const { passportNumber, nationality } = taken;

    expect(await savedDataErrors(actor, missionId, { passportNumber, nationality, role: "head_of_mission" }, null)).toEqual({
      passportNumber: "passportInOtherApplication",
      role: "headOfMissionSaved",
    });
    expect(await savedDataErrors(actor, missionId, { passportNumber: head.passportNumber, nationality: head.nationality }, null)).toEqual({
      passportNumber: "passportTwiceInMission",
    });
    // Correcting the head themself: their own passport and role are no conflict.
    expect(await savedDataErrors(actor, missionId, { passportNumber: head.passportNumber, nationality: head.nationality, role: "head_of_mission" }, headId)).toEqual({});
    // A field that failed its format is not judged; a passport without its nationality is not either.
    expect(await savedDataErrors(actor, missionId, { passportNumber }, null)).toEqual({});
    // Another organization's mission says nothing about its observers.
    expect(await savedDataErrors(other.actor, missionId, { passportNumber: head.passportNumber, nationality: head.nationality, role: "head_of_mission" }, "not-a-uuid")).toEqual({});
  });

  it("offers a ZIP only the passports of pending observers", async () => {
    const { actor, missionId, election } = await acc.draftApplication();
    const pending = acc.observerInput(election);
    const refused = acc.observerInput(election);
    await addObserver(actor, missionId, pending, null, null);
    const refusedId = await added(await addObserver(actor, missionId, refused, null, null));
    await acc.setMissionStatus(missionId, "changes_requested");
    await acc.setObserverStatus(refusedId, "refused");
    expect(await photoTargets(actor, missionId)).toEqual({ ok: true, passports: [pending.passportNumber] });
  });
});
