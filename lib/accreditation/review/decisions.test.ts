import { and, asc, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { emailOutbox, observers, reviewComments } from "@/db/schema";
import { PermissionDeniedError } from "@/lib/identity/authorize";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import tk from "@/messages/tk.json";
import { accreditationData } from "@/test/accreditation-fixtures";
import { setUpTestDatabase, testData } from "@/test/db-fixtures";
import { submitApplication, withdrawApplication } from "../applications";
import { addObserver, removeObserver } from "../observer-changes";
import { approveApplication, decideObservers, rejectApplication, requestChanges, type Staff } from "./decisions";

const data = testData();
const acc = accreditationData(data);
const ip = "192.0.2.61";

let reviewer: Staff;
let colleague: Staff;

setUpTestDatabase(data);

beforeAll(async () => {
  reviewer = await data.user("reviewer");
  colleague = await data.user("reviewer");
});

/** A data function's outcome, whether it throws at once or rejects later. */
const attempt = (call: () => Promise<unknown>) => Promise.resolve().then(call);

const accredit = { kind: "accredit" } as const;
const refuse = { kind: "refuse", reasonCode: "invalid_passport", reason: "The passport number does not match the copy." } as const;
const revoke = { kind: "revoke", reasonCode: "other", reason: "The observer campaigned for a party." } as const;

/** Observers by id: their status, reason and accreditation number as stored. */
async function decisionsOf(observerIds: string[]) {
  return Promise.all(
    observerIds.map(async (id) => {
      const row = (await acc.observerRow(id))!;
      return { status: row.status, reasonCode: row.reasonCode, statusReason: row.statusReason, accreditationNumber: row.accreditationNumber, decidedBy: row.decidedBy };
    }),
  );
}

async function commentsOf(missionId: string) {
  return getDb()
    .select({ observerId: reviewComments.observerId, authorId: reviewComments.authorId, body: reviewComments.body })
    .from(reviewComments)
    .where(eq(reviewComments.missionId, missionId))
    .orderBy(asc(reviewComments.observerId));
}

/** The decision emails queued to this file's addresses, by template. */
async function decisionEmails() {
  return getDb()
    .select({ to: emailOutbox.toAddress, template: emailOutbox.template, locale: emailOutbox.locale, subject: emailOutbox.subject, text: emailOutbox.textBody })
    .from(emailOutbox)
    .where(and(like(emailOutbox.toAddress, `%${data.token}%`), like(emailOutbox.template, "decision-%")));
}

async function decisionEmailsTo(address: string) {
  return (await decisionEmails()).filter((email) => email.to === address);
}

const actionsOf = async (missionId: string) => (await data.auditOf("mission", missionId)).map((event) => event.action);

describe("who may decide", () => {
  it("refuses coordinators, even of the applying organization, and changes nothing", async () => {
    const { missionId, observerIds, actor } = await acc.submittedApplication();
    const version = await acc.missionVersion(missionId);
    const seen = await acc.seen(observerIds);
    const before = await acc.missionRow(missionId);
    const observersBefore = await acc.observersOf(missionId);

    for (const who of [actor, await acc.coordinator()]) {
      await expect(attempt(() => requestChanges(who, missionId, version, { comment: "Please fix.", observerIds }, ip))).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(attempt(() => approveApplication(who, missionId, version, ip))).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(attempt(() => rejectApplication(who, missionId, version, "No.", ip))).rejects.toBeInstanceOf(PermissionDeniedError);
      for (const decision of [accredit, refuse, revoke]) {
        await expect(attempt(() => decideObservers(who, missionId, seen, decision, ip))).rejects.toBeInstanceOf(PermissionDeniedError);
      }
    }
    expect(await acc.missionRow(missionId)).toEqual(before);
    expect(await acc.observersOf(missionId)).toEqual(observersBefore);
    expect(await commentsOf(missionId)).toEqual([]);
    expect(await decisionEmails()).toEqual([]);
  });

  it("lets an administrator decide as a reviewer does", async () => {
    const { missionId, observerIds } = await acc.submittedApplication({ observers: 1 });
    const admin = await data.user("admin");
    expect(await decideObservers(admin, missionId, await acc.seen(observerIds), accredit, ip)).toEqual({ ok: true, count: 1 });
    expect(await approveApplication(admin, missionId, await acc.missionVersion(missionId), ip)).toEqual({ ok: true });
    expect(await acc.missionRow(missionId)).toMatchObject({ status: "approved" });
    const events = (await data.auditOf("mission", missionId)).slice(-2);
    expect(events.map((e) => [e.action, e.actorId, e.actorRole])).toEqual([
      ["observers.accredited", admin.id, "admin"],
      ["application.approved", admin.id, "admin"],
    ]);
  });

  it("finds nothing by ids that are not UUIDs or name no application", async () => {
    const { missionId, observerIds } = await acc.submittedApplication({ observers: 1 });
    const seen = await acc.seen(observerIds);
    const notFound = { ok: false, refusal: "notFound" };
    for (const id of ["", "42", "not-a-uuid", "' or '1'='1", `${missionId}x`, crypto.randomUUID()]) {
      expect(await requestChanges(reviewer, id, 1, { comment: "Please fix.", observerIds: [] }, ip)).toEqual(notFound);
      expect(await approveApplication(reviewer, id, 1, ip)).toEqual(notFound);
      expect(await rejectApplication(reviewer, id, 1, "No.", ip)).toEqual(notFound);
      expect(await decideObservers(reviewer, id, seen, accredit, ip)).toEqual(notFound);
    }
    // The mission is right, the observers are not.
    expect(await decideObservers(reviewer, missionId, [], accredit, ip)).toEqual(notFound);
    expect(await decideObservers(reviewer, missionId, [{ observerId: "not-a-uuid", version: 1 }], accredit, ip)).toEqual(notFound);
    expect(await decideObservers(reviewer, missionId, [{ observerId: crypto.randomUUID(), version: 1 }], accredit, ip)).toEqual(notFound);
    expect(await decisionsOf(observerIds)).toEqual([expect.objectContaining({ status: "pending", accreditationNumber: null })]);
    expect(await acc.missionRow(missionId)).toMatchObject({ status: "submitted" });
  });

  it("does not decide another mission's observers, even in a batch with the mission's own", async () => {
    const first = await acc.submittedApplication({ observers: 1 });
    const second = await acc.submittedApplication({ election: first.election, observers: 1 });
    const notFound = { ok: false, refusal: "notFound" };

    expect(await decideObservers(reviewer, first.missionId, await acc.seen(second.observerIds), accredit, ip)).toEqual(notFound);
    const mixed = await acc.seen([...first.observerIds, ...second.observerIds]);
    expect(await decideObservers(reviewer, first.missionId, mixed, refuse, ip)).toEqual(notFound);

    expect(await decisionsOf([...first.observerIds, ...second.observerIds])).toEqual([
      expect.objectContaining({ status: "pending", reasonCode: null }),
      expect.objectContaining({ status: "pending", reasonCode: null }),
    ]);
    expect(await acc.accreditationSequence(first.election.id)).toBe(0);
    expect(await actionsOf(first.missionId)).not.toContain("observers.refused");
  });
});

describe("decisions on what the reviewer saw", () => {
  it("refuses to request changes, approve or reject an application that changed since it was read, and changes nothing", async () => {
    const { missionId, observerIds } = await acc.submittedApplication();
    const seenVersion = await acc.missionVersion(missionId);
    // Meanwhile a colleague decides every observer: the application's version moves on.
    expect(await decideObservers(colleague, missionId, await acc.seen(observerIds), accredit, ip)).toEqual({ ok: true, count: 2 });
    const before = await acc.missionRow(missionId);
    const actionsBefore = await actionsOf(missionId);
    const emailsBefore = await decisionEmails();
    expect(before!.version).toBeGreaterThan(seenVersion);

    const changed = { ok: false, refusal: "changed" };
    expect(await requestChanges(reviewer, missionId, seenVersion, { comment: "Please fix.", observerIds }, ip)).toEqual(changed);
    expect(await approveApplication(reviewer, missionId, seenVersion, ip)).toEqual(changed);
    expect(await rejectApplication(reviewer, missionId, seenVersion, "Too late.", ip)).toEqual(changed);
    // A version from the future is no better.
    expect(await approveApplication(reviewer, missionId, before!.version + 1, ip)).toEqual(changed);

    expect(await acc.missionRow(missionId)).toEqual(before);
    expect(await commentsOf(missionId)).toEqual([]);
    expect(await actionsOf(missionId)).toEqual(actionsBefore);
    expect(await decisionEmails()).toEqual(emailsBefore);

    // At the version now shown, the same decision goes through.
    expect(await approveApplication(reviewer, missionId, before!.version, ip)).toEqual({ ok: true });
    expect(await acc.missionRow(missionId)).toMatchObject({ status: "approved", version: before!.version + 1 });
  });

  it("lets only one of two reviewers deciding at the same version through", async () => {
    const { missionId } = await acc.submittedApplication();
    const version = await acc.missionVersion(missionId);
    const results = await Promise.all([
      requestChanges(reviewer, missionId, version, { comment: "Please add the second page of the letter.", observerIds: [] }, ip),
      rejectApplication(colleague, missionId, version, "The organization is not eligible.", ip),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, refusal: "changed" }]);
    const row = await acc.missionRow(missionId);
    if (results[0]!.ok) {
      expect(row).toMatchObject({ status: "changes_requested", rejectionReason: null });
      expect(await actionsOf(missionId)).not.toContain("application.rejected");
    } else {
      expect(row).toMatchObject({ status: "rejected", rejectionReason: "The organization is not eligible." });
      expect(await commentsOf(missionId)).toEqual([]);
    }
  });

  it("accredits observers once when two reviewers accredit them at the same moment", async () => {
    const { missionId, observerIds, election } = await acc.submittedApplication({ observers: 2 });
    const seen = await acc.seen(observerIds);
    const results = await Promise.all([
      decideObservers(reviewer, missionId, seen, accredit, ip),
      decideObservers(colleague, missionId, seen, accredit, ip),
    ]);
    expect(results).toContainEqual({ ok: true, count: 2 });
    expect(results).toContainEqual({ ok: false, refusal: "changed", changedObserverIds: expect.arrayContaining(observerIds) });
    expect((await decisionsOf(observerIds)).map((o) => o.accreditationNumber)).toEqual([`${election.code}-0001`, `${election.code}-0002`]);
    expect(await acc.accreditationSequence(election.id)).toBe(2);
    expect((await actionsOf(missionId)).filter((a) => a === "observers.accredited")).toHaveLength(1);
  });

  it("decides none of a batch when one observer changed meanwhile, and names that one", async () => {
    const { missionId, observerIds, election } = await acc.submittedApplication({ observers: 3 });
    const [first, second, third] = observerIds as [string, string, string];
    const seen = await acc.seen(observerIds);
    // A colleague refuses the second observer while the first reviewer's page is open.
    expect(await decideObservers(colleague, missionId, await acc.seen([second]), refuse, ip)).toEqual({ ok: true, count: 1 });
    const versionBefore = await acc.missionVersion(missionId);
    const actionsBefore = await actionsOf(missionId);
    const emailsBefore = await decisionEmails();

    expect(await decideObservers(reviewer, missionId, seen, accredit, ip)).toEqual({ ok: false, refusal: "changed", changedObserverIds: [second] });

    expect(await decisionsOf(observerIds)).toEqual([
      expect.objectContaining({ status: "pending", accreditationNumber: null }),
      expect.objectContaining({ status: "refused", reasonCode: "invalid_passport", accreditationNumber: null, decidedBy: colleague.id }),
      expect.objectContaining({ status: "pending", accreditationNumber: null }),
    ]);
    expect(await acc.accreditationSequence(election.id)).toBe(0);
    expect(await acc.missionVersion(missionId)).toBe(versionBefore);
    expect(await actionsOf(missionId)).toEqual(actionsBefore);
    expect(await decisionEmails()).toEqual(emailsBefore);

    // The fresh ones, at the versions now shown, are decided; the numbers start at the first.
    expect(await decideObservers(reviewer, missionId, await acc.seen([first, third]), accredit, ip)).toEqual({ ok: true, count: 2 });
    expect((await decisionsOf([first, third])).map((o) => o.accreditationNumber)).toEqual([`${election.code}-0001`, `${election.code}-0002`]);
  });

  it("refuses to revoke an observer the coordinator withdrew while the reviewer looked", async () => {
    const { missionId, observerIds, actor } = await acc.submittedApplication();
    expect(await decideObservers(reviewer, missionId, await acc.seen(observerIds), accredit, ip)).toEqual({ ok: true, count: 2 });
    expect(await approveApplication(reviewer, missionId, await acc.missionVersion(missionId), ip)).toEqual({ ok: true });
    const seen = await acc.seen(observerIds);
    expect(await removeObserver(actor, missionId, observerIds[1]!, ip)).toEqual({ ok: true, outcome: "withdrawn" });

    expect(await decideObservers(reviewer, missionId, seen, revoke, ip)).toEqual({ ok: false, refusal: "changed", changedObserverIds: [observerIds[1]] });
    expect((await decisionsOf(observerIds)).map((o) => o.status)).toEqual(["accredited", "withdrawn"]);
  });
  it("answers 'changed', not 'not possible', when the application was sent back or rejected after the reviewer's page was read", async () => {
    const returned = await acc.submittedApplication();
    const seenVersion = await acc.missionVersion(returned.missionId);
    const seen = await acc.seen(returned.observerIds);
    expect(await requestChanges(colleague, returned.missionId, seenVersion, { comment: "Fix the dates.", observerIds: [] }, ip)).toEqual({ ok: true });
    const changed = { ok: false, refusal: "changed" };
    for (const decision of [accredit, refuse]) expect(await decideObservers(reviewer, returned.missionId, seen, decision, ip, seenVersion)).toEqual(changed);
    // At the version now shown, the decision is simply not possible.
    expect(await decideObservers(reviewer, returned.missionId, seen, accredit, ip, await acc.missionVersion(returned.missionId))).toEqual({ ok: false, refusal: "notAllowed" });

    const rejected = await acc.submittedApplication({ election: returned.election });
    const rejectedSeenVersion = await acc.missionVersion(rejected.missionId);
    expect(await rejectApplication(colleague, rejected.missionId, rejectedSeenVersion, "Not eligible.", ip)).toEqual({ ok: true });
    expect(await decideObservers(reviewer, rejected.missionId, await acc.seen(rejected.observerIds), accredit, ip, rejectedSeenVersion)).toEqual(changed);
    expect((await decisionsOf([...returned.observerIds, ...rejected.observerIds])).map((o) => o.status)).toEqual(["pending", "pending", "refused", "refused"]);
  });
});

describe("accreditation numbers", () => {
  it("follow the observers' names and run on across missions and batches of the election", async () => {
    const first = await acc.submittedApplication({
      observers: [
        { surname: "Zeller", givenNames: "Anna" },
        { surname: "Adams", givenNames: "Bert" },
        { surname: "Miller", givenNames: "Carl" },
        { surname: "Adams", givenNames: "Anna" },
      ],
    });
    const [zeller, adamsBert, miller, adamsAnna] = first.observerIds as [string, string, string, string];
    const second = await acc.submittedApplication({ election: first.election, observers: [{ surname: "Young" }, { surname: "Brown" }] });
    const [young, brown] = second.observerIds as [string, string];
    const code = first.election.code;
    expect(await acc.accreditationSequence(first.election.id)).toBe(0);

    // Sent in the order of the checkboxes clicked; numbered in the order of the names.
    expect(await decideObservers(reviewer, first.missionId, await acc.seen([zeller, miller, adamsBert]), accredit, ip)).toEqual({ ok: true, count: 3 });
    expect(await acc.accreditationSequence(first.election.id)).toBe(3);
    expect(await decideObservers(reviewer, second.missionId, await acc.seen([young, brown]), accredit, ip)).toEqual({ ok: true, count: 2 });
    // The first mission's last observer comes first by name, but after everyone numbered before.
    expect(await decideObservers(reviewer, first.missionId, await acc.seen([adamsAnna]), accredit, ip)).toEqual({ ok: true, count: 1 });

    const numbers = (await decisionsOf([adamsBert, miller, zeller, brown, young, adamsAnna])).map((o) => o.accreditationNumber);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6].map((n) => `${code}-000${n}`));
    expect(await acc.accreditationSequence(first.election.id)).toBe(6);

    // Another election counts on its own.
    const other = await acc.submittedApplication({ observers: 1 });
    expect(await decideObservers(reviewer, other.missionId, await acc.seen(other.observerIds), accredit, ip)).toEqual({ ok: true, count: 1 });
    expect((await decisionsOf(other.observerIds))[0]!.accreditationNumber).toBe(`${other.election.code}-0001`);
    expect(await acc.accreditationSequence(first.election.id)).toBe(6);
  });

  it("are never given again: a revoked observer keeps theirs, refusals and refused batches take none", async () => {
    const { missionId, observerIds, election, actor } = await acc.submittedApplication({ observers: [{ surname: "Adams" }, { surname: "Baker" }, { surname: "Clark" }] });
    const [adams, baker, clark] = observerIds as [string, string, string];
    const code = election.code;
    expect(await decideObservers(reviewer, missionId, await acc.seen([adams, clark]), accredit, ip)).toEqual({ ok: true, count: 2 });
    expect(await decideObservers(reviewer, missionId, await acc.seen([baker]), refuse, ip)).toEqual({ ok: true, count: 1 });
    expect(await acc.accreditationSequence(election.id)).toBe(2);

    expect(await decideObservers(reviewer, missionId, await acc.seen([adams]), revoke, ip)).toEqual({ ok: true, count: 1 });
    expect(await decisionsOf([adams])).toEqual([
      { status: "revoked", reasonCode: "other", statusReason: revoke.reason, accreditationNumber: `${code}-0001`, decidedBy: reviewer.id },
    ]);
    // A batch refused as stale takes no number.
    const stale = (await acc.seen([clark])).map((s) => ({ ...s, version: s.version - 1 }));
    expect(await decideObservers(reviewer, missionId, stale, revoke, ip)).toMatchObject({ ok: false, refusal: "changed" });

    // After approval an amendment is numbered after everything given before.
    expect(await approveApplication(reviewer, missionId, await acc.missionVersion(missionId), ip)).toEqual({ ok: true });
    const added = await addObserver(actor, missionId, acc.observerInput(election, { surname: "Aaberg" }), await acc.photo(), ip);
    if (!added.ok) throw new Error("expected the amendment to be added");
    expect(await decideObservers(reviewer, missionId, await acc.seen([added.observerId]), accredit, ip)).toEqual({ ok: true, count: 1 });

    expect((await decisionsOf([adams, baker, clark, added.observerId])).map((o) => o.accreditationNumber)).toEqual([
      `${code}-0001`,
      null,
      `${code}-0002`,
      `${code}-0003`,
    ]);
    expect(await acc.accreditationSequence(election.id)).toBe(3);
  });

  it("stay unique when two missions of the election are accredited at the same moment", async () => {
    const first = await acc.submittedApplication({ observers: 3 });
    const second = await acc.submittedApplication({ election: first.election, observers: 3 });
    const results = await Promise.all([
      decideObservers(reviewer, first.missionId, await acc.seen(first.observerIds), accredit, ip),
      decideObservers(colleague, second.missionId, await acc.seen(second.observerIds), accredit, ip),
    ]);
    expect(results).toEqual([
      { ok: true, count: 3 },
      { ok: true, count: 3 },
    ]);
    const firstNumbers = (await decisionsOf(first.observerIds)).map((o) => o.accreditationNumber!);
    const secondNumbers = (await decisionsOf(second.observerIds)).map((o) => o.accreditationNumber!);
    const code = first.election.code;
    expect([...firstNumbers, ...secondNumbers].sort()).toEqual([1, 2, 3, 4, 5, 6].map((n) => `${code}-000${n}`));
    // Each batch is a run of consecutive numbers in name order (the default surnames are alphabetical).
    for (const numbers of [firstNumbers, secondNumbers]) {
      const sequence = numbers.map((n) => Number(n.slice(-4)));
      expect(sequence).toEqual([sequence[0], sequence[0]! + 1, sequence[0]! + 2]);
    }
    expect(await acc.accreditationSequence(first.election.id)).toBe(6);
  });
});

describe("requestChanges", () => {
  it("sends the application back with the comment on each named observer of this mission, not again on the whole application", async () => {
    const { missionId, observerIds, election } = await acc.submittedApplication({ observers: 3 });
    const other = await acc.submittedApplication({ election, observers: 1 });
    const version = await acc.missionVersion(missionId);
    const comment = "Please send a readable copy of the second passport.";

    const named = [observerIds[0]!, observerIds[2]!, other.observerIds[0]!, "not-a-uuid"];
    expect(await requestChanges(reviewer, missionId, version, { comment, observerIds: named }, ip)).toEqual({ ok: true });

    const row = await acc.missionRow(missionId);
    expect(row).toMatchObject({ status: "changes_requested", version: version + 1, decidedAt: null, rejectionReason: null });
    const comments = await commentsOf(missionId);
    expect(comments).toHaveLength(2);
    expect(comments).toEqual(
      expect.arrayContaining([
        { observerId: observerIds[0], authorId: reviewer.id, body: comment },
        { observerId: observerIds[2], authorId: reviewer.id, body: comment },
      ]),
    );
    expect(await commentsOf(other.missionId)).toEqual([]);
    // The observers themselves are not decided.
    expect((await decisionsOf(observerIds)).map((o) => o.status)).toEqual(["pending", "pending", "pending"]);

    const events = await data.auditOf("mission", missionId);
    expect(events.at(-1)).toEqual({
      action: "application.changes_requested",
      actorId: reviewer.id,
      actorRole: "reviewer",
      ip,
      details: { from: "submitted", to: "changes_requested", observers: 2 },
    });
  });

  it("is allowed only while the application is submitted", async () => {
    const draft = await acc.draftApplication();
    const notAllowed = { ok: false, refusal: "notAllowed" };
    expect(await requestChanges(reviewer, draft.missionId, await acc.missionVersion(draft.missionId), { comment: "Hm.", observerIds: [] }, ip)).toEqual(notAllowed);

    const { missionId, observerIds, actor } = await acc.submittedApplication({ observers: 1 });
    expect(await requestChanges(reviewer, missionId, await acc.missionVersion(missionId), { comment: "First round.", observerIds: [] }, ip)).toEqual({ ok: true });
    // Twice in a row: the coordinator has not answered yet.
    expect(await requestChanges(reviewer, missionId, await acc.missionVersion(missionId), { comment: "Second round.", observerIds: [] }, ip)).toEqual(notAllowed);
    expect(await approveApplication(reviewer, missionId, await acc.missionVersion(missionId), ip)).toEqual(notAllowed);
    expect(await rejectApplication(reviewer, missionId, await acc.missionVersion(missionId), "No.", ip)).toEqual(notAllowed);
    // Naming no observer, the comment is on the whole application.
    expect(await commentsOf(missionId)).toEqual([{ observerId: null, authorId: reviewer.id, body: "First round." }]);

    // Once resubmitted, the commission may ask again.
    expect(await submitApplication(actor, missionId, ip)).toMatchObject({ ok: true, number: 2 });
    expect(await requestChanges(reviewer, missionId, await acc.missionVersion(missionId), { comment: "Second round.", observerIds }, ip)).toEqual({ ok: true });
    expect((await commentsOf(missionId)).map((c) => c.body).sort()).toEqual(["First round.", "Second round."]);

    // Not after a decision, nor after the coordinator withdrew.
    const approved = await acc.submittedApplication({ observers: 1 });
    await decideObservers(reviewer, approved.missionId, await acc.seen(approved.observerIds), accredit, ip);
    expect(await approveApplication(reviewer, approved.missionId, await acc.missionVersion(approved.missionId), ip)).toEqual({ ok: true });
    expect(await requestChanges(reviewer, approved.missionId, await acc.missionVersion(approved.missionId), { comment: "Hm.", observerIds: [] }, ip)).toEqual(notAllowed);
    const withdrawn = await acc.submittedApplication({ observers: 1 });
    expect(await withdrawApplication(withdrawn.actor, withdrawn.missionId, ip)).toEqual({ ok: true });
    expect(await requestChanges(reviewer, withdrawn.missionId, await acc.missionVersion(withdrawn.missionId), { comment: "Hm.", observerIds: [] }, ip)).toEqual(notAllowed);
    expect(await commentsOf(approved.missionId)).toEqual([]);
    expect(await commentsOf(withdrawn.missionId)).toEqual([]);
    expect(await commentsOf(draft.missionId)).toEqual([]);
  });
});

describe("approveApplication", () => {
  it("is refused while any observer is pending, and allowed once every one is decided", async () => {
    const { missionId, observerIds } = await acc.submittedApplication({ observers: 3 });
    const [first, second, third] = observerIds as [string, string, string];
    const pending = { ok: false, refusal: "pendingObservers" };
    expect(await approveApplication(reviewer, missionId, await acc.missionVersion(missionId), ip)).toEqual(pending);
    await decideObservers(reviewer, missionId, await acc.seen([first, second]), accredit, ip);
    expect(await approveApplication(reviewer, missionId, await acc.missionVersion(missionId), ip)).toEqual(pending);
    expect(await acc.missionRow(missionId)).toMatchObject({ status: "submitted", decidedAt: null });
    expect(await actionsOf(missionId)).not.toContain("application.approved");

    await decideObservers(reviewer, missionId, await acc.seen([third]), refuse, ip);
    const version = await acc.missionVersion(missionId);
    expect(await approveApplication(reviewer, missionId, version, ip)).toEqual({ ok: true });
    const row = await acc.missionRow(missionId);
    expect(row).toMatchObject({ status: "approved", version: version + 1 });
    expect(row!.decidedAt).toBeInstanceOf(Date);
    expect((await data.auditOf("mission", missionId)).at(-1)).toEqual({
      action: "application.approved",
      actorId: reviewer.id,
      actorRole: "reviewer",
      ip,
      details: { from: "submitted", to: "approved", accredited: 2 },
    });
    // Approved once is approved: again is not a decision.
    expect(await approveApplication(reviewer, missionId, version + 1, ip)).toEqual({ ok: false, refusal: "notAllowed" });
  });

  it("is not allowed on a draft or on an application sent back for changes", async () => {
    const draft = await acc.draftApplication();
    expect(await approveApplication(reviewer, draft.missionId, await acc.missionVersion(draft.missionId), ip)).toEqual({ ok: false, refusal: "notAllowed" });
    expect(await acc.missionRow(draft.missionId)).toMatchObject({ status: "draft", decidedAt: null });
    const returned = await acc.submittedApplication({ observers: 1 });
    await decideObservers(reviewer, returned.missionId, await acc.seen(returned.observerIds), accredit, ip);
    expect(await requestChanges(reviewer, returned.missionId, await acc.missionVersion(returned.missionId), { comment: "One more page.", observerIds: [] }, ip)).toEqual({ ok: true });
    expect(await approveApplication(reviewer, returned.missionId, await acc.missionVersion(returned.missionId), ip)).toEqual({ ok: false, refusal: "notAllowed" });
    expect(await acc.missionRow(returned.missionId)).toMatchObject({ status: "changes_requested", decidedAt: null });
  });
});

describe("rejectApplication", () => {
  it("rejects with its reason and refuses the observers still pending with it", async () => {
    const { missionId, observerIds } = await acc.submittedApplication({ observers: 3 });
    const [first, second, third] = observerIds as [string, string, string];
    await decideObservers(reviewer, missionId, await acc.seen([first]), refuse, ip);
    const version = await acc.missionVersion(missionId);
    const reason = "The organization is not registered as an observer organization.";

    expect(await rejectApplication(colleague, missionId, version, reason, ip)).toEqual({ ok: true });

    const row = await acc.missionRow(missionId);
    expect(row).toMatchObject({ status: "rejected", rejectionReason: reason });
    expect(row!.version).toBeGreaterThan(version);
    expect(row!.decidedAt).toBeInstanceOf(Date);
    expect(await decisionsOf([first, second, third])).toEqual([
      // Refused before: keeps its own reason and reviewer.
      { status: "refused", reasonCode: "invalid_passport", statusReason: refuse.reason, accreditationNumber: null, decidedBy: reviewer.id },
      { status: "refused", reasonCode: "other", statusReason: reason, accreditationNumber: null, decidedBy: colleague.id },
      { status: "refused", reasonCode: "other", statusReason: reason, accreditationNumber: null, decidedBy: colleague.id },
    ]);
    expect((await data.auditOf("mission", missionId)).at(-1)).toEqual({
      action: "application.rejected",
      actorId: colleague.id,
      actorRole: "reviewer",
      ip,
      details: { from: "submitted", to: "rejected", observersRefused: 2, observersRevoked: 0 },
    });
    // Nothing more is decided on a rejected application.
    expect(await decideObservers(reviewer, missionId, await acc.seen([second]), accredit, ip)).toEqual({ ok: false, refusal: "notAllowed" });
    expect(await rejectApplication(reviewer, missionId, await acc.missionVersion(missionId), reason, ip)).toEqual({ ok: false, refusal: "notAllowed" });
  });

  it("is allowed only while the application is submitted", async () => {
    const { missionId, actor } = await acc.submittedApplication({ observers: 1 });
    expect(await requestChanges(reviewer, missionId, await acc.missionVersion(missionId), { comment: "Add the letter.", observerIds: [] }, ip)).toEqual({ ok: true });
    expect(await rejectApplication(reviewer, missionId, await acc.missionVersion(missionId), "No.", ip)).toEqual({ ok: false, refusal: "notAllowed" });
    expect(await acc.missionRow(missionId)).toMatchObject({ status: "changes_requested", rejectionReason: null });
    expect(await acc.observersOf(missionId)).toEqual([expect.objectContaining({ status: "pending", statusReason: null })]);
    const draft = await acc.draftApplication({ actor: await acc.coordinator(actor.organizationId) });
    expect(await rejectApplication(reviewer, draft.missionId, await acc.missionVersion(draft.missionId), "No.", ip)).toEqual({ ok: false, refusal: "notAllowed" });
  });
});

describe("decideObservers", () => {
  it("decides nothing while the application is a draft, sent back for changes, or withdrawn", async () => {
    const notAllowed = { ok: false, refusal: "notAllowed" };
    const draft = await acc.draftApplication();
    const added = await addObserver(draft.actor, draft.missionId, acc.observerInput(draft.election), null, ip);
    if (!added.ok) throw new Error("expected the observer to be added");
    const draftSeen = await acc.seen([added.observerId]);
    for (const decision of [accredit, refuse]) expect(await decideObservers(reviewer, draft.missionId, draftSeen, decision, ip)).toEqual(notAllowed);

    const returned = await acc.submittedApplication({ observers: 2 });
    expect(await requestChanges(reviewer, returned.missionId, await acc.missionVersion(returned.missionId), { comment: "Fix the dates.", observerIds: [] }, ip)).toEqual({ ok: true });
    const returnedSeen = await acc.seen(returned.observerIds);
    for (const decision of [accredit, refuse]) expect(await decideObservers(reviewer, returned.missionId, returnedSeen, decision, ip)).toEqual(notAllowed);

    const withdrawn = await acc.submittedApplication({ election: returned.election, observers: 1 });
    expect(await withdrawApplication(withdrawn.actor, withdrawn.missionId, ip)).toEqual({ ok: true });
    expect(await decideObservers(reviewer, withdrawn.missionId, await acc.seen(withdrawn.observerIds), accredit, ip)).toEqual(notAllowed);

    expect(await decisionsOf([added.observerId, ...returned.observerIds])).toEqual(
      Array.from({ length: 3 }, () => expect.objectContaining({ status: "pending", accreditationNumber: null, reasonCode: null })),
    );
    // Withdrawing the application withdrew its observer; no number was given.
    expect(await decisionsOf(withdrawn.observerIds)).toEqual([expect.objectContaining({ status: "withdrawn", accreditationNumber: null, reasonCode: null })]);
    expect(await acc.accreditationSequence(returned.election.id)).toBe(0);
    expect(await acc.accreditationSequence(draft.election.id)).toBe(0);
  });

  it("refuses with the reason from the list and the reviewer's words, and audits ids without passport data", async () => {
    const { missionId, observerIds } = await acc.submittedApplication({ observers: 3 });
    const [first, second, third] = observerIds as [string, string, string];
    const before = await acc.observersOf(missionId);
    const version = await acc.missionVersion(missionId);

    expect(await decideObservers(reviewer, missionId, await acc.seen([third, first]), refuse, ip)).toEqual({ ok: true, count: 2 });

    const [rowFirst, rowSecond, rowThird] = await Promise.all([first, second, third].map((id) => acc.observerRow(id)));
    for (const row of [rowFirst!, rowThird!]) {
      expect(row).toMatchObject({ status: "refused", reasonCode: "invalid_passport", statusReason: refuse.reason, accreditationNumber: null, decidedBy: reviewer.id });
      expect(row.decidedAt).toBeInstanceOf(Date);
      expect(row.version).toBe(before.find((o) => o.id === row.id)!.version + 1);
    }
    expect(rowSecond).toMatchObject({ status: "pending", reasonCode: null, decidedAt: null });
    expect(await acc.missionVersion(missionId)).toBe(version + 1);

    const event = (await data.auditOf("mission", missionId)).at(-1)!;
    expect(event).toMatchObject({ action: "observers.refused", actorId: reviewer.id, actorRole: "reviewer", ip });
    expect(event.details).toEqual({ observerIds: expect.arrayContaining([first, third]), count: 2, reasonCode: "invalid_passport" });
    expect((event.details as { observerIds: string[] }).observerIds).toHaveLength(2);
    const recorded = JSON.stringify(await data.auditOf("mission", missionId));
    for (const observer of before) expect(recorded).not.toContain(observer.passportNumber);
  });

  it("revokes only accredited observers, keeping their number, and decides only pending ones otherwise", async () => {
    const { missionId, observerIds, election } = await acc.submittedApplication({ observers: 3 });
    const [first, second, third] = observerIds as [string, string, string];
    const undecidable = (...ids: string[]) => ({ ok: false, refusal: "undecidable", undecidableObserverIds: ids });
    expect(await decideObservers(reviewer, missionId, await acc.seen([first]), accredit, ip)).toEqual({ ok: true, count: 1 });

    // A pending observer cannot be revoked; an accredited one is neither accredited again nor refused.
    expect(await decideObservers(reviewer, missionId, await acc.seen([second]), revoke, ip)).toEqual(undecidable(second));
    expect(await decideObservers(reviewer, missionId, await acc.seen([first]), accredit, ip)).toEqual(undecidable(first));
    expect(await decideObservers(reviewer, missionId, await acc.seen([first]), refuse, ip)).toEqual(undecidable(first));
    // One that may not be decided stops the whole batch, and is named.
    expect(await decideObservers(reviewer, missionId, await acc.seen([second, first, third]), accredit, ip)).toEqual(undecidable(first));
    expect(await decisionsOf([second, third])).toEqual([
      expect.objectContaining({ status: "pending", accreditationNumber: null }),
      expect.objectContaining({ status: "pending", accreditationNumber: null }),
    ]);
    expect(await acc.accreditationSequence(election.id)).toBe(1);

    expect(await decideObservers(reviewer, missionId, await acc.seen([first]), revoke, ip)).toEqual({ ok: true, count: 1 });
    expect(await decisionsOf([first])).toEqual([
      { status: "revoked", reasonCode: "other", statusReason: revoke.reason, accreditationNumber: `${election.code}-0001`, decidedBy: reviewer.id },
    ]);
    const event = (await data.auditOf("mission", missionId)).at(-1)!;
    expect(event).toMatchObject({ action: "observers.revoked", details: { observerIds: [first], count: 1, reasonCode: "other" } });
    // Revoked is final.
    expect(await decideObservers(reviewer, missionId, await acc.seen([first]), revoke, ip)).toEqual(undecidable(first));
    expect(await decideObservers(reviewer, missionId, await acc.seen([first]), accredit, ip)).toEqual(undecidable(first));
  });

  it("decides amendments after approval", async () => {
    const { missionId, observerIds, election, actor } = await acc.submittedApplication({ observers: 1 });
    await decideObservers(reviewer, missionId, await acc.seen(observerIds), accredit, ip);
    expect(await approveApplication(reviewer, missionId, await acc.missionVersion(missionId), ip)).toEqual({ ok: true });
    const ids: string[] = [];
    for (const surname of ["Novak", "Oliveira"]) {
      const added = await addObserver(actor, missionId, acc.observerInput(election, { surname }), await acc.photo(), ip);
      if (!added.ok) throw new Error("expected the amendment to be added");
      ids.push(added.observerId);
    }
    expect(await decideObservers(reviewer, missionId, await acc.seen([ids[0]!]), accredit, ip)).toEqual({ ok: true, count: 1 });
    expect(await decideObservers(reviewer, missionId, await acc.seen([ids[1]!]), refuse, ip)).toEqual({ ok: true, count: 1 });
    expect(await decisionsOf(ids)).toEqual([
      expect.objectContaining({ status: "accredited", accreditationNumber: `${election.code}-0002` }),
      expect.objectContaining({ status: "refused", reasonCode: "invalid_passport" }),
    ]);
    // The application stays approved.
    expect(await acc.missionRow(missionId)).toMatchObject({ status: "approved" });
    const rows = await getDb().select({ id: observers.id, isAmendment: observers.isAmendment }).from(observers).where(eq(observers.missionId, missionId));
    expect(rows.filter((r) => r.isAmendment).map((r) => r.id).sort()).toEqual([...ids].sort());
  });

  it("writes one audit event per decision naming the observers and how many", async () => {
    const { missionId, observerIds } = await acc.submittedApplication({ observers: 2 });
    expect(await decideObservers(reviewer, missionId, await acc.seen([...observerIds, observerIds[0]!]), accredit, ip)).toEqual({ ok: true, count: 2 });
    const events = (await data.auditOf("mission", missionId)).filter((e) => e.action.startsWith("observers."));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "observers.accredited", actorId: reviewer.id, actorRole: "reviewer", ip });
    expect(events[0]!.details).toEqual({ observerIds: expect.arrayContaining(observerIds), count: 2 });
    expect(Object.keys(events[0]!.details)).not.toContain("reasonCode");
  });
});

describe("what the coordinators are told", () => {
  const messages = { en, ru, tk };
  type Kind = keyof typeof en.email.decision.subjects;
  const subject = (locale: "en" | "ru" | "tk", kind: Kind, mission: string) => messages[locale].email.decision.subjects[kind].replace("{mission}", mission);
  const titles = { en: "Election", ru: "Выборы", tk: "Saýlaw" } as const;
  const missionWord = { en: "Mission", ru: "Миссия", tk: "Missiýa" } as const;
  const counts = {
    en: ["2 observers are accredited.", "1 observer is refused accreditation.", "The accreditation of 1 observer is revoked."],
    ru: ["Аккредитовано 2 наблюдателя.", "Отказано в аккредитации 1 наблюдателю.", "Отозвана аккредитация 1 наблюдателя."],
    tk: ["2 synçy akkreditasiýa edildi.", "1 synçynyň akkreditasiýasy ret edildi.", "1 synçynyň akkreditasiýasy ýatyryldy."],
  } as const;

  it("queues one email per active coordinator of the organization for every decision, each in their language", async () => {
    const election = await data.election();
    const submitter = await acc.coordinator();
    const organizationId = submitter.organizationId;
    const russian = await data.user("coordinator", { organizationId, preferredLocale: "ru" });
    const english = await data.user("coordinator", { organizationId, preferredLocale: "en" });
    const disabled = await data.user("coordinator", { organizationId, preferredLocale: "en", disabledAt: new Date() });
    const outsider = await acc.submittedApplication({ election, observers: 1 });
    const missionName = `Caspian Mission ${data.token}`;
    const { missionId, observerIds, actor } = await acc.submittedApplication({ election, actor: submitter, observers: 3, details: { name: missionName } });
    const [first, second, third] = observerIds as [string, string, string];

    const comment = "Please send the letter signed by the chair.";
    expect(await requestChanges(reviewer, missionId, await acc.missionVersion(missionId), { comment, observerIds: [] }, ip)).toEqual({ ok: true });
    expect(await submitApplication(actor, missionId, ip)).toMatchObject({ ok: true });
    expect(await decideObservers(reviewer, missionId, await acc.seen([first, second]), accredit, ip)).toEqual({ ok: true, count: 2 });
    expect(await decideObservers(reviewer, missionId, await acc.seen([third]), refuse, ip)).toEqual({ ok: true, count: 1 });
    expect(await approveApplication(reviewer, missionId, await acc.missionVersion(missionId), ip)).toEqual({ ok: true });
    expect(await decideObservers(reviewer, missionId, await acc.seen([second]), revoke, ip)).toEqual({ ok: true, count: 1 });

    const kinds: [string, Kind][] = [
      ["decision-changesRequested", "changesRequested"],
      ["decision-accredited", "accredited"],
      ["decision-refused", "refused"],
      ["decision-approved", "approved"],
      ["decision-revoked", "revoked"],
    ];
    for (const [address, locale] of [
      [submitter.email, "tk"],
      [russian.email, "ru"],
      [english.email, "en"],
    ] as const) {
      const emails = await decisionEmailsTo(address);
      expect(emails.map((e) => e.template).sort()).toEqual(kinds.map(([template]) => template).sort());
      for (const [template, kind] of kinds) {
        const email = emails.find((e) => e.template === template)!;
        expect(email.locale).toBe(locale);
        expect(email.subject).toBe(subject(locale, kind, missionName));
        expect(email.text).toContain(`${titles[locale]} ${data.token}`);
        expect(email.text).toContain(`/${locale}/portal/applications/${missionId}`);
      }
      const texts = Object.fromEntries(emails.map((e) => [e.template, e.text]));
      expect(texts["decision-changesRequested"]).toContain(comment);
      expect(texts["decision-refused"]).toContain(refuse.reason);
      expect(texts["decision-revoked"]).toContain(revoke.reason);
      // The mission's name stands after a colon, in no grammatical case, and each count agrees with its noun.
      for (const text of Object.values(texts)) expect(text).toContain(`${missionWord[locale]}: ${missionName}.`);
      const [accredited, refused, revoked] = counts[locale];
      expect(texts["decision-accredited"]).toContain(accredited);
      expect(texts["decision-approved"]).toContain(accredited);
      expect(texts["decision-refused"]).toContain(refused);
      expect(texts["decision-revoked"]).toContain(revoked);
    }
    expect(await decisionEmailsTo(disabled.email)).toEqual([]);
    expect(await decisionEmailsTo(outsider.actor.email)).toEqual([]);
  });

  it("tells of a rejection with its reason, and sends nothing for a refused decision", async () => {
    const { missionId, actor } = await acc.submittedApplication({ observers: 1 });
    const colleagueOfCoordinator = await data.user("coordinator", { organizationId: actor.organizationId, preferredLocale: "ru" });
    const version = await acc.missionVersion(missionId);
    expect(await approveApplication(reviewer, missionId, version, ip)).toEqual({ ok: false, refusal: "pendingObservers" });
    expect(await decisionEmails()).not.toContainEqual(expect.objectContaining({ to: actor.email }));

    const reason = "The letter is not from the organization's governing body.";
    expect(await rejectApplication(reviewer, missionId, version, reason, ip)).toEqual({ ok: true });
    const [toSubmitter] = await decisionEmailsTo(actor.email);
    const [toColleague] = await decisionEmailsTo(colleagueOfCoordinator.email);
    expect(toSubmitter).toMatchObject({ template: "decision-rejected", locale: "tk", subject: subject("tk", "rejected", `Mission ${data.token}`) });
    expect(toColleague).toMatchObject({ template: "decision-rejected", locale: "ru", subject: subject("ru", "rejected", `Mission ${data.token}`) });
    expect(toColleague!.text).toContain(reason);
    expect(await decisionEmailsTo(actor.email)).toHaveLength(1);
  });
});
