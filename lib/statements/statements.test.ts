import { eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { emailOutbox, statementTexts, statementVersions } from "@/db/schema";
import { accreditationData } from "@/test/accreditation-fixtures";
import { setUpTestDatabase, testData } from "@/test/db-fixtures";
import { makePdf } from "@/test/images";
import { contentHash } from "./canonical";
import { createStatement, getOwnStatement, listOwnStatements, startCorrection, submitVersion, updateDraft } from "./drafting";
import { getPublicStatement, isPublicAttachment, listElectionStatements, listPublicStatements, listRecentEmbargoes, listStatementsForSitemap, mayDownloadAttachment, newestPublicationInstant } from "./public";
import { getVersionForReview, listStatementQueue, publishVersion, returnVersion } from "./publishing";
import { statementDraftSchema, type StatementDraftInput } from "./schemas";

const data = testData();
const accreditation = accreditationData(data);
const ip = "203.0.113.7";
const HOUR = 3600_000;

setUpTestDatabase(data);

function draftInput(missionId: string, overrides: Partial<Record<keyof StatementDraftInput, string>> = {}): StatementDraftInput {
  return statementDraftSchema.parse({
    missionId,
    kind: "preliminary",
    originalLanguage: "en",
    otherLanguageName: "",
    title: `Preliminary findings ${data.token}`,
    body: "Voting was calm and orderly.\n\nObservers noted long queues at polling stations.",
    embargoAt: "",
    tkTitle: "",
    tkBody: "",
    ruTitle: `Предварительные выводы ${data.token}`,
    ruBody: "## Итоги\n\nГолосование прошло **спокойно**. Наблюдатели отметили длинные очереди на [избирательных участках](https://example.org/uchastki).",
    enTitle: "",
    enBody: "",
    ...overrides,
  });
}

async function approvedMission(options: Parameters<typeof accreditation.draftApplication>[0] = {}) {
  const draft = await accreditation.draftApplication(options);
  await accreditation.setMissionStatus(draft.missionId, "approved");
  return draft;
}

async function submitted(overrides: Partial<Record<keyof StatementDraftInput, string>> = {}, attachments = [] as { buffer: Buffer; name: string }[]) {
  const mission = await approvedMission();
  const created = await createStatement(mission.actor, draftInput(mission.missionId, overrides), attachments, ip);
  if (!created.ok) throw new Error("expected the statement to be created");
  await submitVersion(mission.actor, created.versionId, ip);
  const version = (await getVersionForReview(await staff(), created.versionId, "en"))!;
  return { ...mission, ...created, revision: version.revision };
}

let reviewer: { id: string; role: "reviewer" } | undefined;
async function staff() {
  reviewer ??= { id: (await data.user("reviewer")).id, role: "reviewer" };
  return reviewer;
}

describe("drafting", () => {
  it("drafts a statement of an approved mission with its translation and attachment, and an audit event; refuses a mission not approved or not the coordinator's", async () => {
    const mission = await approvedMission();
    const pdf = makePdf();
    const created = await createStatement(mission.actor, draftInput(mission.missionId), [{ buffer: pdf, name: "findings.pdf" }], ip);
    expect(created.ok).toBe(true);
    const { statementId } = created as { statementId: string };
    const own = await getOwnStatement(mission.actor, statementId, "en");
    expect(own!.latest).toMatchObject({ number: 1, status: "draft", originalLanguage: "en" });
    expect(own!.texts.map((t) => [t.language, t.isOriginal])).toEqual([
      ["en", true],
      ["ru", false],
    ]);
    expect(own!.attachments.map((a) => a.name)).toEqual(["findings.pdf"]);
    expect((await listOwnStatements(mission.actor, "en")).map((s) => s.id)).toEqual([statementId]);
    expect((await data.auditOf("statement", statementId)).map((e) => e.action)).toEqual(["statement.drafted"]);

    const other = await accreditation.coordinator();
    expect(await getOwnStatement(other, statementId, "en")).toBeNull();
    expect(await createStatement(other, draftInput(mission.missionId), [], ip)).toEqual({ ok: false, fieldErrors: { missionId: "missionCannotPublish" } });
    const pending = await accreditation.draftApplication();
    expect(await createStatement(pending.actor, draftInput(pending.missionId), [], ip)).toEqual({ ok: false, fieldErrors: { missionId: "missionCannotPublish" } });
    expect(await mayDownloadAttachment(other, own!.attachments[0]!.fileId)).toBe(false);
    expect(await mayDownloadAttachment(mission.actor, own!.attachments[0]!.fileId)).toBe(true);
    expect(await mayDownloadAttachment({ ...(await staff()), organizationId: null }, own!.attachments[0]!.fileId)).toBe(false);
  });

  it("another organization's coordinator finds no statement to change, submit or correct, and nothing changes", async () => {
    const mission = await approvedMission();
    const { statementId, versionId } = (await createStatement(mission.actor, draftInput(mission.missionId), [], ip)) as { statementId: string; versionId: string };
    const stored = async () => ({
      versions: await getDb().select().from(statementVersions).where(eq(statementVersions.statementId, statementId)).orderBy(statementVersions.number),
      texts: await getDb().select().from(statementTexts).where(eq(statementTexts.versionId, versionId)).orderBy(statementTexts.language),
      audit: await data.auditOf("statement", statementId),
    });
    const other = await accreditation.coordinator();
    const notFound = { ok: false, refusal: "notFound" };

    const draft = await stored();
    expect(await updateDraft(other, versionId, draftInput(mission.missionId, { title: "Hijacked" }), [], [], ip)).toEqual(notFound);
    expect(await submitVersion(other, versionId, ip)).toEqual(notFound);
    expect(await stored()).toEqual(draft);

    // Only a published statement can be corrected: publish it, so that refusal is the scope's alone.
    await submitVersion(mission.actor, versionId, ip);
    const { revision } = (await getVersionForReview(await staff(), versionId, "en"))!;
    await publishVersion(await staff(), versionId, revision, "now", ip, new Date());
    const published = await stored();
    expect(await startCorrection(other, statementId, ip)).toEqual(notFound);
    expect(await stored()).toEqual(published);
  });

  it("the form refuses a translation into the original's language and a translation without its text", () => {
    const parsed = statementDraftSchema.safeParse({ ...draftInput("x"), enTitle: "Again", enBody: "Same language", ruBody: "" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["ruBody", "required"],
      ["enTitle", "translationOfOriginal"],
    ]);
  });
});

describe("publishing", () => {
  it("publishes now: the hash of the canonical content, public in list, search, election and sitemap; the coordinator is emailed; the words can no longer change", async () => {
    const s = await submitted();
    const now = new Date();
    const published = await publishVersion(await staff(), s.versionId, s.revision, "now", ip, now);
    expect(published.ok).toBe(true);
    const texts = await getDb().select().from(statementTexts).where(eq(statementTexts.versionId, s.versionId));
    const expected = contentHash({
      statementId: s.statementId,
      number: 1,
      kind: "preliminary",
      originalLanguage: "en",
      otherLanguageName: null,
      texts: texts.map((t) => ({ language: t.language, isOriginal: t.isOriginal, title: t.title, body: t.body })),
      attachments: [],
    });
    expect((published as { sha256: string }).sha256).toBe(expected);

    const page = await getPublicStatement(s.statementId, null, now);
    expect(page!.versions).toEqual([{ number: 1, publishedAt: now.toISOString(), sha256: expected }]);
    const list = await listPublicStatements("ru", { election: s.election.code }, { page: 1, pageSize: 20 }, now);
    expect(list.total).toBe(1);
    expect(list.rows[0]).toMatchObject({ id: s.statementId, title: `Предварительные выводы ${data.token}`, titleLanguage: "ru", languages: ["ru", "en"] });
    // Russian stems: "очередь" finds "очереди"; English stems: "queue" finds "queues".
    const ru = await listPublicStatements("ru", { election: s.election.code, q: "очередь" }, { page: 1, pageSize: 20 }, now);
    expect(ru.rows[0]!.snippet).toContain("\u0002очереди\u0003");
    // The passage is the words, not the Markdown they were written in.
    expect(ru.rows[0]!.snippet).toContain("прошло спокойно");
    expect(ru.rows[0]!.snippet).not.toMatch(/[#*[\]()]|https?:/);
    expect((await listPublicStatements("en", { election: s.election.code, q: "queue" }, { page: 1, pageSize: 20 }, now)).total).toBe(1);
    expect((await listPublicStatements("en", { election: s.election.code, q: "saýlaw" }, { page: 1, pageSize: 20 }, now)).total).toBe(0);
    expect((await listPublicStatements("en", { election: s.election.code, language: "tk" }, { page: 1, pageSize: 20 }, now)).total).toBe(0);
    expect((await listElectionStatements("en", s.election.code, now)).flatMap((m) => m.shown.map((r) => r.id))).toEqual([s.statementId]);
    expect((await listStatementsForSitemap(now)).map((r) => r.id)).toContain(s.statementId);

    const emails = await getDb().select().from(emailOutbox).where(eq(emailOutbox.toAddress, s.actor.email));
    expect(emails.map((e) => e.template)).toEqual(["statement-published"]);
    expect(emails[0]!.textBody).toContain(expected);
    expect((await data.auditOf("statement", s.statementId)).map((e) => e.action)).toEqual(["statement.drafted", "statement.submitted", "statement.published"]);

    await expect(getDb().update(statementTexts).set({ body: "Rewritten" }).where(eq(statementTexts.versionId, s.versionId))).rejects.toThrow();
    await expect(getDb().update(statementVersions).set({ sha256: "0".repeat(64) }).where(eq(statementVersions.id, s.versionId))).rejects.toThrow();
    expect(await updateDraft(s.actor, s.versionId, draftInput(s.missionId), [], [], ip)).toEqual({ ok: false, refusal: "notEditable" });
  });

  it("keeps an embargoed statement out of every public query until its time, then shows it; refuses to publish it early", async () => {
    const now = new Date();
    const embargo = new Date(Math.ceil((now.getTime() + 2 * HOUR) / 60_000) * 60_000);
    const wallClock = new Date(embargo.getTime() + 5 * HOUR).toISOString().slice(0, 16);
    const pdf = makePdf();
    const s = await submitted({ embargoAt: wallClock }, [{ buffer: pdf, name: "annex.pdf" }]);
    expect(await publishVersion(await staff(), s.versionId, s.revision, "now", ip, now)).toEqual({ ok: false, refusal: "embargoNotPassed" });
    const scheduled = await publishVersion(await staff(), s.versionId, s.revision, "embargo", ip, now);
    expect(scheduled).toMatchObject({ ok: true, publishedAt: embargo });
    const queue = await listStatementQueue(await staff(), "en", now);
    expect(queue.scheduled.map((v) => v.versionId)).toContain(s.versionId);

    const fileId = (await getOwnStatement(s.actor, s.statementId, "en"))!.attachments[0]!.fileId;
    const before = new Date(embargo.getTime() - 1000);
    expect(await getPublicStatement(s.statementId, null, before)).toBeNull();
    expect((await listPublicStatements("en", { election: s.election.code }, { page: 1, pageSize: 20 }, before)).total).toBe(0);
    expect((await listPublicStatements("en", { q: "queues" }, { page: 1, pageSize: 200 }, before)).rows.map((r) => r.id)).not.toContain(s.statementId);
    expect(await listElectionStatements("en", s.election.code, before)).toEqual([]);
    expect((await listStatementsForSitemap(before)).map((r) => r.id)).not.toContain(s.statementId);
    expect(await isPublicAttachment(fileId, before)).toBe(false);
    expect(await listRecentEmbargoes(now)).toContain(embargo.toISOString());
    // What the publication watch looks at: it moves to the embargo when the embargo passes, not before.
    expect(await newestPublicationInstant(before)).not.toBe(embargo.toISOString());
    expect(await newestPublicationInstant(embargo)).toBe(embargo.toISOString());

    expect(await getPublicStatement(s.statementId, null, embargo)).not.toBeNull();
    expect((await listPublicStatements("en", { election: s.election.code }, { page: 1, pageSize: 20 }, embargo)).total).toBe(1);
    expect(await isPublicAttachment(fileId, embargo)).toBe(true);
    expect((await data.auditOf("statement", s.statementId)).map((e) => e.action)).toContain("statement.scheduled");
  });

  it("a correction is version 2, published the same way; both versions and hashes stay public", async () => {
    const s = await submitted();
    const now = new Date();
    const first = await publishVersion(await staff(), s.versionId, s.revision, "now", ip, now);
    const correction = await startCorrection(s.actor, s.statementId, ip);
    expect(correction.ok).toBe(true);
    const v2 = (correction as { versionId: string }).versionId;
    expect(await startCorrection(s.actor, s.statementId, ip)).toEqual({ ok: false, refusal: "notEditable" });
    await updateDraft(s.actor, v2, draftInput(s.missionId, { body: "Voting was calm and orderly in most polling stations." }), [], [], ip);
    await submitVersion(s.actor, v2, ip);
    const review = (await getVersionForReview(await staff(), v2, "en"))!;
    expect(await publishVersion(await staff(), v2, review.revision - 1, "now", ip, now)).toEqual({ ok: false, refusal: "changed" });
    const listed = async (at: Date) => (await listPublicStatements("en", { election: s.election.code, q: "calm" }, { page: 1, pageSize: 20 }, at)).rows.map((r) => [r.id, r.version]);
    expect(await listed(now)).toEqual([[s.statementId, 1]]);
    const later = new Date(now.getTime() + 1000);
    const second = await publishVersion(await staff(), v2, review.revision, "now", ip, later);
    const page = (await getPublicStatement(s.statementId, null, later))!;
    expect(page.versions.map((v) => [v.number, v.sha256])).toEqual([
      [2, (second as { sha256: string }).sha256],
      [1, (first as { sha256: string }).sha256],
    ]);
    expect(page.shown.number).toBe(2);
    expect(await listed(later)).toEqual([[s.statementId, 2]]);
    expect(await listed(now)).toEqual([[s.statementId, 1]]);
    expect(page.shown.texts[0]!.body).toContain("most polling stations");
    expect((await getPublicStatement(s.statementId, 1, later))!.shown.texts[0]!.body).not.toContain("most polling stations");
  });

  it("counts a search's matches only up to its cap, and says there are more; the page still lists them newest first; a list without a search counts all", async () => {
    const now = new Date();
    const word = `capword${data.token}`;
    const older = await submitted({ body: `Voting was calm. ${word}` });
    await publishVersion(await staff(), older.versionId, older.revision, "now", ip, new Date(now.getTime() - 1000));
    const newer = await submitted({ body: `Counting was orderly. ${word}` });
    await publishVersion(await staff(), newer.versionId, newer.revision, "now", ip, now);
    const search = { q: word };
    const capped = await listPublicStatements("en", search, { page: 1, pageSize: 20, countCap: 1 }, now);
    expect(capped).toMatchObject({ total: 1, totalCapped: true });
    expect(capped.rows.map((r) => r.id)).toEqual([newer.statementId, older.statementId]);
    expect(await listPublicStatements("en", search, { page: 1, pageSize: 20, countCap: 2 }, now)).toMatchObject({ total: 2, totalCapped: false });
    // Without a search the count is exact, however many there are.
    const unsearched = await listPublicStatements("en", { organization: data.token }, { page: 1, pageSize: 20, countCap: 1 }, now);
    expect(unsearched.totalCapped).toBe(false);
    expect(unsearched.total).toBeGreaterThanOrEqual(2);
  });

  it("gives a feed the rows alone: the same statements in the same order, without the passages and the count it does not show", async () => {
    const now = new Date();
    const word = `feedword${data.token}`;
    for (const body of [`Voting was calm. ${word}`, `Counting was orderly. ${word}`]) {
      const s = await submitted({ body });
      await publishVersion(await staff(), s.versionId, s.revision, "now", ip, now);
    }
    const page = { page: 1, pageSize: 20 };
    const listed = await listPublicStatements("en", { q: word }, page, now);
    expect(listed.rows.every((r) => r.snippet?.includes(`\u0002${word}\u0003`))).toBe(true);
    // ts_headline runs as a raw statement (db.execute); the rows come from the query builder.
    const passages = vi.spyOn(getDb(), "execute");
    const fed = await listPublicStatements("en", { q: word }, { ...page, rowsOnly: true }, now);
    const passagesMade = passages.mock.calls.length;
    passages.mockRestore();
    expect(passagesMade).toBe(0);
    expect(fed).toEqual({ rows: listed.rows.map((r) => ({ ...r, snippet: null })) });
  });

  it("finds organizations as a reader names them: a whole acronym alone, else words of a name in any language and case", async () => {
    const now = new Date();
    const election = await data.election();
    const published = async (organization: Partial<Parameters<typeof data.organization>[0]>) => {
      const { id } = await data.organization(organization);
      const mission = await approvedMission({ election, actor: await accreditation.coordinator(id) });
      const created = await createStatement(mission.actor, draftInput(mission.missionId), [], ip);
      if (!created.ok) throw new Error("expected the statement to be created");
      await submitVersion(mission.actor, created.versionId, ip);
      const { revision } = (await getVersionForReview(await staff(), created.versionId, "en"))!;
      await publishVersion(await staff(), created.versionId, revision, "now", ip, now);
      return created.statementId;
    };
    const watch = await published({ acronym: `W${data.token}`, nameRu: `Наблюдение Альфа ${data.token}`, nameEn: `Alpha Watch ${data.token}` });
    const assembly = await published({ acronym: `W${data.token}-PA`, nameRu: `Ассамблея ${data.token}`, nameEn: `Parliamentary Assembly ${data.token}` });
    const found = async (organization: string) => (await listPublicStatements("en", { election: election.code, organization }, { page: 1, pageSize: 20 }, now)).rows.map((r) => r.id).sort();
    expect(await found(`w${data.token}`)).toEqual([watch]);
    expect(await found(`w${data.token}-pa`)).toEqual([assembly]);
    expect(await found(`альфа ${data.token}`)).toEqual([watch]);
    expect(await found(`ASSEMBLY`)).toEqual([assembly]);
    expect(await found(data.token)).toEqual([watch, assembly].sort());
    // Russian-speaking readers know the CIS as СНГ, the OTS as ОТГ: a Cyrillic acronym is searched as the Latin one is.
    const cis = await published({ acronym: `CIS EC ${data.token}`, cyrillicAcronym: "ИК СНГ", nameEn: `Commonwealth ${data.token}` });
    const ots = await published({ acronym: `OTS ${data.token}`, cyrillicAcronym: "ОТГ", nameEn: `Turkic States ${data.token}` });
    expect(await found("СНГ")).toEqual([cis]);
    expect(await found("снг")).toEqual([cis]);
    expect(await found("ИК СНГ")).toEqual([cis]);
    expect(await found("отг")).toEqual([ots]);
    expect(await found("ОБСЕ")).toEqual([]);
    // Typed characters are words, not patterns.
    expect(await found("%")).toEqual([]);
    expect(await found("W_")).toEqual([]);
  });

  it("a returned version is the mission's again: staff read that they returned it and why, not the words, embargo and PDFs the mission changes before resubmitting", async () => {
    const s = await submitted({}, [{ buffer: makePdf("Submitted annex"), name: "annex.pdf" }]);
    const reviewer = { ...(await staff()), organizationId: null };
    const submittedFile = (await getVersionForReview(await staff(), s.versionId, "en"))!.attachments[0]!.fileId;
    expect(await mayDownloadAttachment(reviewer, submittedFile)).toBe(true);
    await returnVersion(await staff(), s.versionId, s.revision, "Wrong election", ip);

    const embargo = new Date(Date.now() + 3 * 24 * HOUR).toISOString().slice(0, 16);
    const changes = draftInput(s.missionId, { body: "Unsubmitted second thoughts.", embargoAt: embargo });
    expect((await updateDraft(s.actor, s.versionId, changes, [{ buffer: makePdf("New annex"), name: "new-annex.pdf" }], [], ip)).ok).toBe(true);
    const newFile = (await getOwnStatement(s.actor, s.statementId, "en"))!.attachments.find((a) => a.name === "new-annex.pdf")!.fileId;
    expect(await getVersionForReview(await staff(), s.versionId, "en")).toMatchObject({ status: "returned", returnReason: "Wrong election", embargoAt: null, texts: [], attachments: [] });
    expect(await mayDownloadAttachment(reviewer, submittedFile)).toBe(false);
    expect(await mayDownloadAttachment(reviewer, newFile)).toBe(false);
    expect(await mayDownloadAttachment(s.actor, newFile)).toBe(true);

    // Resubmitted, the changes are the staff's to read.
    await submitVersion(s.actor, s.versionId, ip);
    const resubmitted = (await getVersionForReview(await staff(), s.versionId, "en"))!;
    expect(resubmitted.texts[0]!.body).toBe("Unsubmitted second thoughts.");
    expect(resubmitted.embargoAt).not.toBeNull();
    expect(await mayDownloadAttachment(reviewer, newFile)).toBe(true);
  });

  it("returns a version with a reason the mission reads; the mission changes and resubmits it; drafts and returned versions are never public", async () => {
    const s = await submitted();
    expect(await returnVersion(await staff(), s.versionId, s.revision, "Wrong election", ip)).toEqual({ ok: true });
    const own = (await getOwnStatement(s.actor, s.statementId, "en"))!;
    expect(own.latest).toMatchObject({ status: "returned", returnReason: "Wrong election" });
    expect(await getPublicStatement(s.statementId, null, new Date(Date.now() + 365 * 24 * HOUR))).toBeNull();
    expect(await publishVersion(await staff(), s.versionId, s.revision, "now", ip, new Date())).toEqual({ ok: false, refusal: "notSubmitted" });
    expect((await updateDraft(s.actor, s.versionId, draftInput(s.missionId), [], [], ip)).ok).toBe(true);
    expect((await submitVersion(s.actor, s.versionId, ip)).ok).toBe(true);
    const [row] = await getDb().select({ status: statementVersions.status, reason: statementVersions.returnReason, count: sql<number>`1` }).from(statementVersions).where(eq(statementVersions.id, s.versionId));
    expect(row).toMatchObject({ status: "submitted", reason: null });
  });
});
