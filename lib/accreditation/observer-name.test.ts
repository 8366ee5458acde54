import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { observers } from "@/db/schema";
import { nameSortKey } from "@/lib/name-sort-key";
import { accreditationData } from "@/test/accreditation-fixtures";
import { setUpTestDatabase, testData } from "@/test/db-fixtures";
import { previewSubmission } from "./applications";
import { addObserver, importObservers, updateObserver } from "./observer-changes";
import { listOwnObservers, listOwnReviewComments } from "./queries";
import { getApplicationForReview, listObserversForReview } from "./review/application";
import { decideObservers, requestChanges } from "./review/decisions";

const data = testData();
const acc = accreditationData(data);
const ip = "192.0.2.71";

setUpTestDatabase(data);

/** In Turkmen alphabetical order; bytes (the embedded database's only collation) would put Zähmet third and Ňurow after Ýazmyrat. */
const inTurkmenOrder = ["Aman", "Berdi", "Çary", "Äşirowa", "Ňurow", "Öwezow", "Şirin", "Ýazmyrat", "Zähmet"];

/** Every page of a list, one after the other. */
async function allPages<Row>(pageSize: number, total: number, read: (page: number) => Promise<{ rows: Row[] }>) {
  const rows: Row[] = [];
  for (let page = 1; (page - 1) * pageSize < total; page++) rows.push(...(await read(page)).rows);
  return rows;
}

/** Whether each observer's stored key is that of their names as they are now, by surname. */
async function keysUpToDate(ids: string[]) {
  const rows = await getDb().select({ surname: observers.surname, givenNames: observers.givenNames, key: observers.nameSortKey }).from(observers).where(inArray(observers.id, ids));
  return Object.fromEntries(rows.map((row) => [row.surname, row.key === nameSortKey(row.surname, row.givenNames)]));
}

describe("observer lists in name order", () => {
  it("page the coordinator's list in Turkmen alphabetical order, equal names by id", async () => {
    // Added last name first, and "Aman, Berdi" twice: only the key and the id can order them.
    const specs = [...inTurkmenOrder].reverse().map((surname) => ({ surname, givenNames: "Berdi" }));
    const { actor, missionId, observerIds } = await acc.completeDraft({ observers: [...specs, { surname: "Aman", givenNames: "Berdi" }] });
    const rows = await allPages(2, observerIds.length, (page) =>
      listOwnObservers(actor, missionId, { filter: "all", search: "", page, pageSize: 2, sort: "surname", dir: "asc" }),
    );
    expect(rows.map((row) => row.surname)).toEqual(["Aman", ...inTurkmenOrder]);
    const twins = [observerIds[inTurkmenOrder.length - 1]!, observerIds[inTurkmenOrder.length]!].sort();
    expect(rows.slice(0, 2).map((row) => row.id)).toEqual(twins);
  });

  it("page the commission's list of a submitted application in the same order, which the accreditation numbers follow", async () => {
    const { missionId, observerIds } = await acc.submittedApplication({ observers: [...inTurkmenOrder].reverse().map((surname) => ({ surname })) });
    const reviewer = await data.user("reviewer");
    const application = (await getApplicationForReview(reviewer, missionId, "tk"))!;
    const rows = await allPages(4, inTurkmenOrder.length, (page) =>
      listObserversForReview(reviewer, application, { filter: "all", page, pageSize: 4, sort: "name", dir: "asc" }),
    );
    expect(rows.map((row) => row.surname)).toEqual(inTurkmenOrder);

    expect(await decideObservers(reviewer, missionId, await acc.seen(observerIds), { kind: "accredit" }, ip)).toMatchObject({ ok: true });
    const numbered = await getDb().select({ surname: observers.surname, number: observers.accreditationNumber }).from(observers).where(eq(observers.missionId, missionId));
    expect(numbered.sort((a, b) => a.number!.localeCompare(b.number!)).map((row) => row.surname)).toEqual(inTurkmenOrder);
  });

  it("name the observers still to correct on the check-your-answers page in the same order", async () => {
    const { actor, missionId, election } = await acc.draftApplication();
    for (const surname of [...inTurkmenOrder].reverse()) {
      expect(await addObserver(actor, missionId, acc.observerInput(election, { surname, givenNames: "Berdi" }), null, ip)).toMatchObject({ ok: true });
    }
    const preview = await previewSubmission(actor, missionId);
    expect(preview!.observersToCorrect.map((observer) => observer.name)).toEqual(inTurkmenOrder.map((surname) => `${surname}, Berdi`));
  });

  it("name the observers a request for changes concerns in the same order", async () => {
    const { actor, missionId, observerIds } = await acc.submittedApplication({ observers: [...inTurkmenOrder].reverse().map((surname) => ({ surname, givenNames: "Berdi" })) });
    const reviewer = await data.user("reviewer");
    const request = { comment: "Please check the photos.", observerIds };
    expect(await requestChanges(reviewer, missionId, await acc.missionVersion(missionId), request, ip)).toMatchObject({ ok: true });
    const [comment] = await listOwnReviewComments(actor, missionId);
    expect(comment!.observers.map((observer) => observer.name)).toEqual(inTurkmenOrder.map((surname) => `${surname} Berdi`));
  });

  it("keep the key with the names when the coordinator corrects or imports them", async () => {
    const { actor, missionId, election, observerIds } = await acc.completeDraft({ observers: [{ surname: "Zähmet" }, { surname: "Berdi" }] });
    const renamed = acc.observerInput(election, { surname: "Aman", givenNames: "Ogulgerek" });
    const [row] = await getDb().select({ passportNumber: observers.passportNumber }).from(observers).where(eq(observers.id, observerIds[0]!));
    expect(await updateObserver(actor, missionId, observerIds[0]!, { ...renamed, role: "head_of_mission", passportNumber: row!.passportNumber }, null, ip)).toEqual({ ok: true });
    const imported = [acc.observerInput(election, { surname: "Öwezow" }), acc.observerInput(election, { surname: "Çary" })];
    expect(await importObservers(actor, missionId, { observers: imported, rows: [2, 3] }, ip)).toEqual({ ok: true, imported: 2 });

    const list = await listOwnObservers(actor, missionId, { filter: "all", search: "", page: 1, pageSize: 10, sort: "surname", dir: "asc" });
    expect(list.rows.map((observer) => observer.surname)).toEqual(["Aman", "Berdi", "Çary", "Öwezow"]);
    expect(await keysUpToDate(list.rows.map((observer) => observer.id))).toEqual({ Aman: true, Berdi: true, Çary: true, Öwezow: true });
  });

  it("get their keys on migration when they have none, as the observers stored before the key existed", async () => {
    const { observerIds } = await acc.completeDraft({ observers: [{ surname: "Äşirowa" }] });
    await getDb().update(observers).set({ nameSortKey: "" }).where(eq(observers.id, observerIds[0]!));
    await migrateDatabase();
    expect(await keysUpToDate(observerIds)).toEqual({ Äşirowa: true });
  });
});
