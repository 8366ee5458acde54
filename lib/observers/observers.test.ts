import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { observerInvitations, observers, users } from "@/db/schema";
import { decideObservers } from "@/lib/accreditation/review/decisions";
import { attachLetter, saveMissionDetails, submitApplication } from "@/lib/accreditation/applications";
import { addObserver, updateObserver } from "@/lib/accreditation/observer-changes";
import { addDays, todayInAshgabat } from "@/lib/dates";
import { PermissionDeniedError } from "@/lib/identity/authorize";
import { hashPassword } from "@/lib/identity/password";
import { nameSortKey } from "@/lib/name-sort-key";
import { accreditationData } from "@/test/accreditation-fixtures";
import { setUpTestDatabase, testData } from "@/test/db-fixtures";
import { makePdf } from "@/test/images";
import { acceptObserverInvitation, inviteObserver, linkExistingAccount, openObserverInvitation, revokeObserverInvitation } from "./invitations";
import { getOwnRecord, listOwnRecords, ownPassportErrors, saveOwnDetails } from "./own-record";
import { personalDataOf, whoHandledMyData } from "./privacy";
import { ownDetailsSchema } from "./schemas";

const data = testData();
const acc = accreditationData(data);
const ip = "198.51.100.9";
const PASSWORD = "Lantern-river-2027";

setUpTestDatabase(data);

/** A draft application with one observer who has an email address. */
async function nominated(email = `${data.unique("obs-")}@test.example`) {
  const draft = await acc.draftApplication();
  const added = await addObserver(draft.actor, draft.missionId, acc.observerInput(draft.election, { email, role: "head_of_mission" }), null, ip);
  if (!added.ok) throw new Error(JSON.stringify(added));
  return { ...draft, observerId: added.observerId, email };
}

/** The link's token, as the invitee reads it in the latest email. */
async function tokenSentTo(email: string) {
  const emails = await acc.emailsTo(email);
  const match = /observer-invitation\/([A-Za-z0-9_-]{43})/.exec(emails.at(-1)!.textBody);
  return match![1]!;
}

async function observerAccount(email: string) {
  const [user] = await getDb().select({ id: users.id, role: users.role, preferredLocale: users.preferredLocale }).from(users).where(eq(users.email, email));
  return user!;
}

describe("the coordinator's invitation", () => {
  it("emails a single-use link in the chosen language and keeps only its hash", async () => {
    const { actor, missionId, observerId, email } = await nominated();
    expect(await inviteObserver(actor, missionId, observerId, "ru", ip)).toEqual({ ok: true, resent: false });
    const [sent] = await acc.emailsTo(email);
    expect(sent).toMatchObject({ template: "observer-invitation", locale: "ru" });
    expect(sent!.subject).toContain("Завершите аккредитацию");
    const token = await tokenSentTo(email);
    const [row] = await getDb().select({ tokenHash: observerInvitations.tokenHash, expiresAt: observerInvitations.expiresAt }).from(observerInvitations).where(eq(observerInvitations.observerId, observerId));
    expect(row!.tokenHash).not.toContain(token);
    expect(row!.expiresAt.getTime() - Date.now()).toBeGreaterThan(13.9 * 24 * 3600_000);
    expect((await data.auditOf("observer", observerId)).map((e) => e.action)).toContain("observer.invited");
  });

  it("finds nothing of another organization's observer and refuses observers without an email", async () => {
    const { missionId, observerId } = await nominated();
    const stranger = await acc.coordinator();
    expect(await inviteObserver(stranger, missionId, observerId, "en", ip)).toEqual({ ok: false, refusal: "notFound" });
    expect(await revokeObserverInvitation(stranger, missionId, observerId, ip)).toEqual({ ok: false, refusal: "notFound" });
    const draft = await acc.draftApplication();
    const silent = await addObserver(draft.actor, draft.missionId, acc.observerInput(draft.election), null, ip);
    if (!silent.ok) throw new Error("expected the observer to be added");
    expect(await inviteObserver(draft.actor, draft.missionId, silent.observerId, "en", ip)).toEqual({ ok: false, refusal: "noEmail" });
  });

  it("kills the old link when a new one is sent, and revokes on request", async () => {
    const { actor, missionId, observerId, email } = await nominated();
    await inviteObserver(actor, missionId, observerId, "en", ip);
    const first = await tokenSentTo(email);
    expect(await inviteObserver(actor, missionId, observerId, "tk", ip)).toEqual({ ok: true, resent: true });
    const second = await tokenSentTo(email);
    expect(await openObserverInvitation(first)).toMatchObject({ usable: false, reason: "revoked" });
    expect(await openObserverInvitation(second)).toMatchObject({ usable: true, account: null, locale: "tk" });
    expect(await revokeObserverInvitation(actor, missionId, observerId, ip)).toEqual({ ok: true, revoked: true });
    expect(await openObserverInvitation(second)).toMatchObject({ usable: false, reason: "revoked" });
  });
});

describe("the observer's account", () => {
  it("is made once from the link, in the invitation's language, and owns the record", async () => {
    const { actor, missionId, observerId, email } = await nominated();
    await inviteObserver(actor, missionId, observerId, "tk", ip);
    const token = await tokenSentTo(email);
    await openObserverInvitation(token);
    expect((await getDb().select({ openedAt: observerInvitations.openedAt }).from(observerInvitations).where(eq(observerInvitations.observerId, observerId)))[0]!.openedAt).not.toBeNull();
    expect(await acceptObserverInvitation(token, PASSWORD, ip)).toMatchObject({ ok: true });
    const user = await observerAccount(email);
    expect(user).toMatchObject({ role: "observer", preferredLocale: "tk" });
    const [linked] = await getDb().select({ userId: observers.userId }).from(observers).where(eq(observers.id, observerId));
    expect(linked!.userId).toBe(user.id);
    expect(await acceptObserverInvitation(token, PASSWORD, ip)).toEqual({ ok: false, refusal: "unavailable" });
    expect(await openObserverInvitation(token)).toMatchObject({ usable: false, reason: "used" });
  });

  it("refuses an expired link", async () => {
    const { actor, missionId, observerId, email } = await nominated();
    await inviteObserver(actor, missionId, observerId, "en", ip);
    await getDb().update(observerInvitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(observerInvitations.observerId, observerId));
    const token = await tokenSentTo(email);
    expect(await openObserverInvitation(token)).toMatchObject({ usable: false, reason: "expired" });
    expect(await acceptObserverInvitation(token, PASSWORD, ip)).toEqual({ ok: false, refusal: "unavailable" });
  });

  it("joins an observer's existing account with its password; never a coordinator's", async () => {
    const email = `${data.unique("returning-")}@test.example`;
    const existing = await data.user("observer", { email, passwordHash: await hashPassword(PASSWORD) });
    const { actor, missionId, observerId } = await nominated(email);
    await inviteObserver(actor, missionId, observerId, "en", ip);
    const token = await tokenSentTo(email);
    expect(await openObserverInvitation(token)).toMatchObject({ usable: true, account: "observer" });
    expect(await linkExistingAccount(token, "not-the-password", ip)).toEqual({ ok: false, refusal: "wrongPassword" });
    expect(await linkExistingAccount(token, PASSWORD, ip)).toMatchObject({ ok: true, user: { id: existing.id } });

    const coordinator = await acc.coordinator();
    await getDb().update(users).set({ passwordHash: await hashPassword(PASSWORD) }).where(eq(users.id, coordinator.id));
    const other = await nominated(coordinator.email);
    await inviteObserver(other.actor, other.missionId, other.observerId, "en", ip);
    const coordinatorsToken = await tokenSentTo(coordinator.email);
    expect(await openObserverInvitation(coordinatorsToken)).toMatchObject({ usable: true, account: "other" });
    expect(await linkExistingAccount(coordinatorsToken, PASSWORD, ip)).toEqual({ ok: false, refusal: "otherRole" });
  });
});

/** A nominated observer who followed their link: the observer as the data functions take them. */
async function joined() {
  const nominee = await nominated();
  await inviteObserver(nominee.actor, nominee.missionId, nominee.observerId, "ru", ip);
  const outcome = await acceptObserverInvitation(await tokenSentTo(nominee.email), PASSWORD, ip);
  if (!outcome.ok) throw new Error("expected the account");
  return { ...nominee, observer: { id: outcome.user.id, role: "observer" as const } };
}

const ownDetails = (overrides: Record<string, string> = {}) =>
  ownDetailsSchema.parse({
    surname: "Petrova",
    givenNames: "Olga",
    cyrillicName: "Петрова Ольга",
    sex: "female",
    dateOfBirth: "1979-03-02",
    nationality: "KZ",
    passportNumber: data.unique("N").toUpperCase(),
    passportExpiresOn: addDays(todayInAshgabat(), 4 * 365),
    ...overrides,
  });

describe("the observer's own record", () => {
  it("is theirs alone: another observer's id finds nothing and changes nothing", async () => {
    const first = await joined();
    const second = await joined();
    expect(await getOwnRecord(first.observer, second.observerId, "en")).toBeNull();
    expect(await saveOwnDetails(first.observer, second.observerId, ownDetails(), null, ip)).toEqual({ ok: false, refusal: "notFound" });
    expect((await listOwnRecords(first.observer, "en")).map((r) => r.id)).toEqual([first.observerId]);
    await expect(listOwnRecords({ id: first.actor.id, role: "coordinator" }, "en")).rejects.toBeInstanceOf(PermissionDeniedError);
  });

  it("saves the passport details and photo with the coordinator's intake checks", async () => {
    const { observer, observerId } = await joined();
    const expired = await saveOwnDetails(observer, observerId, ownDetails({ passportExpiresOn: addDays(todayInAshgabat(), 10) }), null, ip);
    expect(expired).toMatchObject({ ok: false, fieldErrors: { passportExpiresOn: expect.any(String) } });
    expect(await saveOwnDetails(observer, observerId, ownDetails(), await acc.photo(), ip)).toEqual({ ok: true });
    const record = await getOwnRecord(observer, observerId, "ru");
    expect(record).toMatchObject({ surname: "Petrova", cyrillicName: "Петрова Ольга", nationality: "KZ", hasPhoto: true });
    // The lists sort by the new name.
    expect((await acc.observerRow(observerId))!.nameSortKey).toBe(nameSortKey("Petrova", "Olga"));
    expect(record!.selfCompletedAt).not.toBeNull();
    const events = await data.auditOf("observer", observerId);
    expect(events.at(-1)).toMatchObject({ action: "observer.self_updated", actorRole: "observer" });
    expect(JSON.stringify(events)).not.toContain(record!.passportNumber);
  });

  it("names a passport taken elsewhere for a form whose other fields failed, and nothing of another observer's record", async () => {
    const { observer, observerId, election } = await joined();
    const elsewhere = await acc.draftApplication({ election });
    const taken = acc.observerInput(election);
    expect(await addObserver(elsewhere.actor, elsewhere.missionId, taken, null, ip)).toMatchObject({ ok: true });
    const passport = { passportNumber: taken.passportNumber, nationality: taken.nationality };
    expect(await ownPassportErrors(observer, observerId, passport)).toEqual({ passportNumber: "passportInOtherApplication" });
    expect(await ownPassportErrors(observer, observerId, { passportNumber: taken.passportNumber })).toEqual({});
    const stranger = await joined();
    expect(await ownPassportErrors(stranger.observer, observerId, passport)).toEqual({});
  });

  it("is read-only once the coordinator submits, and the observer hears of each decision in their language", async () => {
    const { actor, missionId, observer, observerId, email, election } = await joined();
    await saveOwnDetails(observer, observerId, ownDetails(), await acc.photo(), ip);
    await saveMissionDetails(actor, missionId, acc.missionDetails(election), null);
    await attachLetter(actor, missionId, { bytes: makePdf(), name: "request.pdf" }, null);
    expect(await submitApplication(actor, missionId, null)).toMatchObject({ ok: true });
    expect(await saveOwnDetails(observer, observerId, ownDetails(), null, ip)).toEqual({ ok: false, refusal: "notEditable" });

    const reviewer = await data.user("reviewer");
    expect(await decideObservers(reviewer, missionId, await acc.seen([observerId]), { kind: "accredit" }, ip)).toMatchObject({ ok: true });
    const record = await getOwnRecord(observer, observerId, "ru");
    expect(record).toMatchObject({ status: "accredited", hasBadge: true });
    const decision = (await acc.emailsTo(email)).find((e) => e.template === "observer-decision-accredited");
    expect(decision).toMatchObject({ locale: "ru" });
    expect(decision!.textBody).toContain(record!.accreditationNumber!);
  });
});

describe("the observer's personal data", () => {
  it("holds their account and records only, and names by role who else handled them", async () => {
    const first = await joined();
    await joined();
    await saveOwnDetails(first.observer, first.observerId, ownDetails(), null, ip);
    const data = await personalDataOf(first.observer);
    expect(data.account.email).toBe(first.email);
    expect(data.records.map((r) => r.id)).toEqual([first.observerId]);
    const handled = await whoHandledMyData(first.observer);
    expect(handled.map((e) => e.action)).toEqual(expect.arrayContaining(["observer.invited", "observer.added"]));
    expect(handled.every((e) => e.actorRole === "coordinator")).toBe(true);
    expect(handled.map((e) => e.action)).not.toContain("observer.self_updated");
    await expect(personalDataOf({ id: first.actor.id, role: "coordinator" })).rejects.toBeInstanceOf(PermissionDeniedError);
  });
});

describe("links the coordinator's changes end", () => {
  it("stop working when the observer's address changes", async () => {
    const { actor, missionId, observerId, email, election } = await nominated();
    await inviteObserver(actor, missionId, observerId, "en", ip);
    const token = await tokenSentTo(email);
    const input = acc.observerInput(election, { email: `${data.unique("new-")}@test.example`, role: "head_of_mission" });
    const [row] = await getDb().select({ passportNumber: observers.passportNumber }).from(observers).where(eq(observers.id, observerId));
    expect(await updateObserver(actor, missionId, observerId, { ...input, passportNumber: row!.passportNumber }, null, ip)).toEqual({ ok: true });
    expect(await openObserverInvitation(token)).toMatchObject({ usable: false, reason: "revoked" });
  });
});
