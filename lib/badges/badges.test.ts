import { randomUUID } from "node:crypto";
import { statSync } from "node:fs";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { embeddedDataDir, getDb } from "@/db";
import { badges, emailOutbox, users } from "@/db/schema";
import { saveMissionDetails, withdrawApplication } from "@/lib/accreditation/applications";
import { addObserver, removeObserver } from "@/lib/accreditation/observer-changes";
import { correctAccreditedObserver } from "@/lib/accreditation/review/corrections";
import { decideObservers, rejectApplication, type Staff } from "@/lib/accreditation/review/decisions";
import { PermissionDeniedError } from "@/lib/identity/authorize";
import { ashgabatInstant } from "@/lib/dates";
import { getEnv } from "@/lib/env";
import { nameSortKey } from "@/lib/name-sort-key";
import { accreditationData } from "@/test/accreditation-fixtures";
import { setUpTestDatabase, testData } from "@/test/db-fixtures";
import { reissueBadge, newBadgeId } from "./issue";
import { getBadgeKeys } from "./keys";
import { verifyOfflineList } from "./offline-check";
import { signBadgeToken, verifyBadgeToken } from "./token";
import { badgePhotoResponse, lookUpBadge, lookUpBadgeFrom, signedRevocationList, verifyBadge } from "./verification";

const data = testData();
const acc = accreditationData(data);
const ip = "198.51.100.7";

let reviewer: Staff;
let election: Awaited<ReturnType<typeof data.election>>;
/** A moment inside the election's observation window, and one on each side. */
let during: Date;
let before: Date;
let after: Date;

/** A submitted application with one observer (with a photo) whom a reviewer accredits. */
async function accreditedObserver(surname = "Lindqvist") {
  const draft = await acc.draftApplication({ election });
  const saved = await saveMissionDetails(draft.actor, draft.missionId, acc.missionDetails(election), ip);
  if (!saved.ok) throw new Error("expected the details to be saved");
  const added = await addObserver(draft.actor, draft.missionId, acc.observerInput(election, { surname, cyrillicName: "Линдквист Анна" }), await acc.photo(), ip);
  if (!added.ok) throw new Error(`expected the observer to be added: ${JSON.stringify(added)}`);
  await acc.setMissionStatus(draft.missionId, "submitted");
  const row = await acc.observerRow(added.observerId);
  const decided = await decideObservers(reviewer, draft.missionId, [{ observerId: added.observerId, version: row!.version }], { kind: "accredit" }, ip);
  if (!decided.ok) throw new Error(`expected the accreditation to pass: ${JSON.stringify(decided)}`);
  return { ...draft, observerId: added.observerId };
}

const emailsTo = (address: string) =>
  getDb().select({ template: emailOutbox.template, locale: emailOutbox.locale, subject: emailOutbox.subject, text: emailOutbox.textBody }).from(emailOutbox).where(eq(emailOutbox.toAddress, address));
const badgesOf = (observerId: string) => getDb().select().from(badges).where(eq(badges.observerId, observerId)).orderBy(badges.issuedAt);
const currentBadgeOf = async (observerId: string) => (await badgesOf(observerId)).find((b) => b.revokedAt === null);

setUpTestDatabase(data);

beforeAll(async () => {
  reviewer = await data.user("reviewer");
  election = await data.election();
  during = ashgabatInstant(election.electionDay, "12:00");
  before = new Date(ashgabatInstant(election.observationStartsOn).getTime() - 1000);
  after = ashgabatInstant(election.observationEndsOn, "23:59");
  after = new Date(after.getTime() + 60_000);
});

describe("the signing key", () => {
  it("on the embedded default is generated into the data folder, readable by its owner only", () => {
    const { current, keySet } = getBadgeKeys();
    expect(keySet.keys[0]).toEqual(current.publicJwk);
    if (getEnv().BADGE_SIGNING_KEY) return;
    expect(statSync(join(embeddedDataDir(), "badge-signing-key")).mode & 0o777).toBe(0o600);
  });
});

describe("accrediting an observer", () => {
  it("issues one signed badge in the same transaction, with the claims of the accreditation and an audit event", async () => {
    const { observerId, missionId } = await accreditedObserver();
    const rows = await badgesOf(observerId);
    expect(rows).toHaveLength(1);
    const badge = rows[0]!;
    expect(badge.revokedAt).toBeNull();
    const observer = await acc.observerRow(observerId);
    const check = await verifyBadgeToken(badge.token, getBadgeKeys().keySet);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.kid).toBe(badge.kid);
    expect(check.claims).toMatchObject({
      jti: badge.id,
      n: observer!.accreditationNumber,
      sn: "Lindqvist",
      gn: "Anna Maria",
      cn: "Линдквист Анна",
      r: "short_term_observer",
      e: election.code,
      et: election.titleEn,
      nbf: ashgabatInstant(election.observationStartsOn).getTime() / 1000,
    });
    expect(check.claims.ph).toMatch(/^[0-9a-f]{16}$/);
    expect(badge.token).not.toContain(observer!.passportNumber);
    const audit = await data.auditOf("mission", missionId);
    expect(audit.map((e) => e.action)).toContain("badge.issued");
    expect(audit.find((e) => e.action === "badge.issued")!.details).toMatchObject({ count: 1, badges: [{ observerId, badgeId: badge.id }] });
  });
});

describe("verifying a badge", () => {
  it("is VALID inside the observation window, NOT YET VALID before it and EXPIRED after it", async () => {
    const { observerId } = await accreditedObserver();
    const badge = (await currentBadgeOf(observerId))!;
    expect(await verifyBadge(badge.token, "en", during)).toMatchObject({ status: "valid", badgeId: badge.id, photo: true, electionTitle: election.titleEn });
    expect(await verifyBadge(badge.token, "en", before)).toMatchObject({ status: "notYetValid", photo: false });
    expect(await verifyBadge(badge.token, "en", after)).toMatchObject({ status: "expired", photo: false });
    expect(await verifyBadge(badge.token, "tk", during)).toMatchObject({ status: "valid", electionTitle: `Saýlaw ${data.token}` });
  });

  it("is NOT GENUINE with one character changed, and for a well-signed token whose badge id is unknown", async () => {
    const { observerId } = await accreditedObserver();
    const badge = (await currentBadgeOf(observerId))!;
    const i = badge.token.indexOf(".") + 8;
    const changed = badge.token.slice(0, i) + (badge.token[i] === "A" ? "B" : "A") + badge.token.slice(i + 1);
    expect(await verifyBadge(changed, "en", during)).toEqual({ status: "notGenuine" });
    const check = await verifyBadgeToken(badge.token, getBadgeKeys().keySet);
    if (!check.ok) throw new Error("expected the stored token to verify");
    const unknown = await signBadgeToken({ ...check.claims, jti: newBadgeId() }, getBadgeKeys().current);
    expect(await verifyBadge(unknown, "en", during)).toEqual({ status: "notGenuine" });
  });

  it("finds the badge by accreditation number and surname in any case, and says only 'not found' otherwise", async () => {
    const { observerId } = await accreditedObserver("Öwezowa");
    const number = (await acc.observerRow(observerId))!.accreditationNumber!;
    expect(await lookUpBadge(number.toLowerCase(), "  öWEZOWA ", "en", during)).toMatchObject({ status: "valid" });
    expect(await lookUpBadge(number, "Owezowa", "en", during)).toEqual({ status: "notFound" });
    expect(await lookUpBadge(`${number}9`, "Öwezowa", "en", during)).toEqual({ status: "notFound" });
  });

  it("limits lookups that find nothing per address: after 50 in 15 minutes even a right pair waits, and other addresses are not held up", async () => {
    const { observerId } = await accreditedObserver("Atayewa");
    const number = (await acc.observerRow(observerId))!.accreditationNumber!;
    const address = `203.0.113.${Math.floor(Math.random() * 250) + 1}-${randomUUID()}`;
    // Lookups that find the badge do not count.
    for (let i = 0; i < 3; i++) expect(await lookUpBadgeFrom(address, number, "Atayewa", "en", during)).toMatchObject({ status: "valid" });
    for (let i = 0; i < 49; i++) expect(await lookUpBadgeFrom(address, number, `Guess${i}`, "en", during)).toEqual({ status: "notFound" });
    expect(await lookUpBadgeFrom(address, number, "Atayewa", "en", during)).toMatchObject({ status: "valid" });
    expect(await lookUpBadgeFrom(address, number, "Guess49", "en", during)).toEqual({ status: "notFound" });
    expect(await lookUpBadgeFrom(address, number, "Atayewa", "en", during)).toEqual({ status: "limited" });
    expect(await lookUpBadgeFrom(`${address}-other`, number, "Atayewa", "en", during)).toMatchObject({ status: "valid" });
  });

  it("serves the photo of a valid badge only", async () => {
    const { observerId } = await accreditedObserver();
    const badge = (await currentBadgeOf(observerId))!;
    const photo = await badgePhotoResponse(badge.id, during);
    expect(photo.status).toBe(200);
    expect(photo.headers.get("content-type")).toBe("image/jpeg");
    expect(photo.headers.get("cache-control")).toContain("no-store");
    expect((await badgePhotoResponse(badge.id, before)).status).toBe(404);
    expect((await badgePhotoResponse(newBadgeId(), during)).status).toBe(404);
    expect((await badgePhotoResponse("../../etc/passwd", during)).status).toBe(404);
  });
});

describe("revoking and withdrawing", () => {
  it("revoking the observer revokes the badge at once: REVOKED, no photo, on the signed list", async () => {
    const { observerId, missionId } = await accreditedObserver();
    const badge = (await currentBadgeOf(observerId))!;
    const row = await acc.observerRow(observerId);
    const revoked = await decideObservers(reviewer, missionId, [{ observerId, version: row!.version }], { kind: "revoke", reasonCode: "other", reason: "Broke the code of conduct." }, ip);
    expect(revoked.ok).toBe(true);
    const [stored] = await badgesOf(observerId);
    expect(stored).toMatchObject({ id: badge.id, revocationReason: "observer_revoked" });
    expect(stored!.revokedAt).toBeInstanceOf(Date);
    expect(await verifyBadge(badge.token, "en", during)).toMatchObject({ status: "revoked", photo: false });
    expect((await badgePhotoResponse(badge.id, during)).status).toBe(404);
    const list = await verifyOfflineList(await signedRevocationList(), getBadgeKeys().keySet);
    expect(list?.revoked).toContain(badge.id);
    expect((await data.auditOf("mission", missionId)).map((e) => e.action)).toContain("badge.revoked");
  });

  it("the coordinator withdrawing an accredited observer revokes the badge", async () => {
    const { observerId, missionId, actor } = await accreditedObserver();
    await acc.setMissionStatus(missionId, "approved");
    const removed = await removeObserver(actor, missionId, observerId, ip);
    expect(removed).toEqual({ ok: true, outcome: "withdrawn" });
    expect(await badgesOf(observerId)).toMatchObject([{ revocationReason: "observer_withdrawn" }]);
    // In the coordinator's language (Turkmen unless chosen otherwise).
    const email = (await emailsTo(actor.email)).find((e) => e.template === "decision-badgeWithdrawn");
    expect(email).toMatchObject({ locale: "tk", subject: expect.stringContaining("Synçy yzyna alnandan soň nyşan ýatyryldy") });
    expect(email!.text).toContain(`Lindqvist, Anna Maria (${(await acc.observerRow(observerId))!.accreditationNumber})`);
  });

  it("withdrawing the application revokes its badges", async () => {
    const { observerId, missionId, actor } = await accreditedObserver();
    expect(await withdrawApplication(actor, missionId, ip)).toEqual({ ok: true });
    expect(await badgesOf(observerId)).toMatchObject([{ revocationReason: "application_withdrawn" }]);
  });

  it("rejecting the application revokes the badges already issued", async () => {
    const { observerId, missionId } = await accreditedObserver();
    const mission = await acc.missionRow(missionId);
    expect(await rejectApplication(reviewer, missionId, mission!.version, "Incomplete request.", ip)).toEqual({ ok: true });
    expect(await badgesOf(observerId)).toMatchObject([{ revocationReason: "application_rejected" }]);
  });
});

describe("reissueBadge", () => {
  it("revokes the old badge and signs a new id; the old one verifies as REVOKED", async () => {
    const { observerId } = await accreditedObserver();
    const old = (await currentBadgeOf(observerId))!;
    const fresh = await getDb().transaction((tx) => reissueBadge(tx, reviewer, observerId, ip));
    expect(fresh).not.toBeNull();
    expect(fresh!.id).not.toBe(old.id);
    const rows = await badgesOf(observerId);
    expect(rows.filter((b) => b.revokedAt === null).map((b) => b.id)).toEqual([fresh!.id]);
    expect(rows.find((b) => b.id === old.id)).toMatchObject({ revocationReason: "reissued" });
    expect(await verifyBadge(old.token, "en", during)).toMatchObject({ status: "revoked" });
    expect(await verifyBadge(fresh!.token, "en", during)).toMatchObject({ status: "valid" });
  });

  it("does nothing for an observer who is not accredited", async () => {
    const { observerId } = await accreditedObserver();
    await acc.setObserverStatus(observerId, "revoked");
    expect(await getDb().transaction((tx) => reissueBadge(tx, reviewer, observerId, ip))).toBeNull();
    expect(await getDb().select().from(badges).where(and(eq(badges.observerId, observerId)))).toHaveLength(1);
  });
});

describe("correcting an accredited observer's name or photo", () => {
  const correction = { surname: "Lindquist", givenNames: "Anna Maria", cyrillicName: "Линдквист Анна" };

  it("updates the observer, re-issues the badge (the old one verifies as REVOKED), audits it and emails the coordinator in their language", async () => {
    const { observerId, missionId, actor } = await accreditedObserver();
    await getDb().update(users).set({ preferredLocale: "ru" }).where(eq(users.id, actor.id));
    const old = (await currentBadgeOf(observerId))!;
    const row = (await acc.observerRow(observerId))!;
    const result = await correctAccreditedObserver(reviewer, missionId, { observerId, version: row.version }, correction, await acc.photo(), ip);
    expect(result).toMatchObject({ ok: true });
    const corrected = (await acc.observerRow(observerId))!;
    expect(corrected).toMatchObject({ surname: "Lindquist", version: row.version + 1, status: "accredited", accreditationNumber: row.accreditationNumber });
    // The lists sort by the corrected name.
    expect(corrected.nameSortKey).toBe(nameSortKey("Lindquist", "Anna Maria"));
    expect(corrected.photoFileId).not.toBe(row.photoFileId);

    const fresh = (await currentBadgeOf(observerId))!;
    expect(fresh.id).not.toBe(old.id);
    expect(await verifyBadge(old.token, "en", during)).toMatchObject({ status: "revoked" });
    expect(await verifyBadge(fresh.token, "en", during)).toMatchObject({ status: "valid", claims: { sn: "Lindquist", n: row.accreditationNumber } });
    expect((await data.auditOf("observer", observerId)).find((e) => e.action === "observer.corrected")?.details).toEqual({ missionId, fields: ["surname"], newPhoto: true });
    expect((await data.auditOf("mission", missionId)).map((e) => e.action)).toEqual(expect.arrayContaining(["badge.revoked", "badge.issued"]));
    const emails = (await emailsTo(actor.email)).filter((e) => e.template === "decision-badgeReissued");
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ locale: "ru", subject: expect.stringContaining("Новый бейдж для печати") });
    expect(emails[0]!.text).toContain(`Lindquist, Anna Maria (${row.accreditationNumber})`);
  });

  it("changes nothing at a version the reviewer did not see, without a change, for an observer not accredited, or for a coordinator", async () => {
    const { observerId, missionId, actor } = await accreditedObserver();
    const row = (await acc.observerRow(observerId))!;
    const seen = { observerId, version: row.version };
    expect(await correctAccreditedObserver(reviewer, missionId, { observerId, version: row.version - 1 }, correction, null, ip)).toEqual({ ok: false, refusal: "changed" });
    expect(await correctAccreditedObserver(reviewer, missionId, seen, { surname: row.surname, givenNames: row.givenNames, cyrillicName: row.cyrillicName ?? undefined }, null, ip)).toEqual({
      ok: false,
      refusal: "unchanged",
    });
    await expect(correctAccreditedObserver({ id: actor.id, role: "coordinator" }, missionId, seen, correction, null, ip)).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(await correctAccreditedObserver(reviewer, randomUUID(), seen, correction, null, ip)).toEqual({ ok: false, refusal: "notFound" });
    await acc.setObserverStatus(observerId, "revoked");
    expect(await correctAccreditedObserver(reviewer, missionId, seen, correction, null, ip)).toEqual({ ok: false, refusal: "notAllowed" });
    expect((await acc.observerRow(observerId))!.surname).toBe(row.surname);
    expect(await badgesOf(observerId)).toHaveLength(1);
  });
});
