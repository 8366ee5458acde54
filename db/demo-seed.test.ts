import { randomBytes } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { checkMissionDates, checkObserverDates } from "@/lib/accreditation/intake";
import { observerSchema } from "@/lib/accreditation/observer-schema";
import { ashgabatInstant, todayInAshgabat } from "@/lib/dates";
import { readEnv } from "@/lib/env";
import { listElectionMeetingSummaries, listLatestMeetingSummaries } from "@/lib/public/meeting-summaries";
import { buildPublicRegister, findPublicElection } from "@/lib/public/register";
import { contentHash } from "@/lib/statements/canonical";
import { getPublicStatement, listPublicStatements } from "@/lib/statements/public";
import { closeDb, getDb } from "./index";
import { migrateDatabase } from "./migrate";
import { elections, missions, observerRecordColumns, observers } from "./schema";
import { seedDemoData } from "./seed";
import { onDatabaseServer } from "@/test/database-server";

/**
 * The demo's public record (db/seed-public-record.ts), read back through the app's own queries.
 * It needs a database the seed finds empty: on PGlite this file's own data folder (test/setup.ts);
 * on PostgreSQL, whose database other test files share, a database of its own, made and dropped here.
 */
// Read uncached: lib/env.ts keeps the configuration it first reads, which must be this file's database.
const sharedUrl = readEnv().DATABASE_URL;
const ownDatabase = `demo_seed_${randomBytes(4).toString("hex")}`;

beforeAll(async () => {
  if (sharedUrl) {
    await onDatabaseServer(sharedUrl, `create database ${ownDatabase}`);
    // Before the first read of the configuration, which lib/env.ts then keeps.
    const url = new URL(sharedUrl);
    url.pathname = `/${ownDatabase}`;
    vi.stubEnv("DATABASE_URL", url.toString());
  }
  await migrateDatabase();
  expect(await seedDemoData(getDb())).not.toBeNull();
});

afterAll(async () => {
  if (!sharedUrl) return;
  await closeDb();
  await onDatabaseServer(sharedUrl, `drop database if exists ${ownDatabase}`);
});

describe("the demo's public record", () => {
  it("fills the public register of PRES-2022 with the CIS and OTS missions, each led by an accredited head", async () => {
    const election = await findPublicElection("PRES-2022");
    const register = await buildPublicRegister(election!);
    const seen = register.missions
      .filter((m) => ["CIS EC", "OTS"].includes(m.acronym))
      .map((m) => ({ acronym: m.acronym, accredited: m.accredited, headOfMission: m.headOfMission, countries: m.countries }));
    expect(seen).toEqual([
      { acronym: "CIS EC", accredited: 5, headOfMission: "Andrei Sokolov", countries: ["BY", "KG", "KZ", "RU", "TJ"] },
      { acronym: "OTS", accredited: 4, headOfMission: "Mehmet Ali Yıldırım", countries: ["AZ", "KZ", "TR", "UZ"] },
    ]);
    expect(register.totals).toEqual({ missions: 2, observers: 9, countries: 8 });
    // The election's names stay unpublished, as every election's are unless staff decide otherwise.
    expect(register.observers).toBeNull();

    const mej2023 = await buildPublicRegister((await findPublicElection("MEJ-2023"))!);
    const odihr = mej2023.missions.find((m) => m.acronym === "OSCE/ODIHR");
    expect(odihr).toMatchObject({ type: "limited_observation_mission", accredited: 4, headOfMission: "Eva Maria Lindqvist" });
  });

  it("numbers the seeded observers from each election's sequence, so the next accreditation continues after them", async () => {
    for (const [code, count] of [["PRES-2022", 9], ["MEJ-2023", 4]] as const) {
      const [election] = await getDb().select({ id: elections.id, sequence: elections.accreditationSequence }).from(elections).where(eq(elections.code, code));
      const numbers = await getDb()
        .select({ number: observers.accreditationNumber })
        .from(observers)
        .innerJoin(missions, eq(missions.id, observers.missionId))
        .where(eq(missions.electionId, election!.id));
      expect(numbers.map((n) => n.number).sort()).toEqual(Array.from({ length: count }, (_, i) => `${code}-${String(i + 1).padStart(4, "0")}`));
      expect(election!.sequence).toBe(count);
    }
  });

  it("seeds only observers and missions the application forms and intake rules would accept", async () => {
    const rows = await getDb()
      .select({ ...observerRecordColumns, plannedArrivalOn: missions.plannedArrivalOn, plannedDepartureOn: missions.plannedDepartureOn, election: elections })
      .from(observers)
      .innerJoin(missions, eq(missions.id, observers.missionId))
      .innerJoin(elections, eq(elections.id, missions.electionId))
      .where(inArray(elections.code, ["PRES-2022", "MEJ-2023"]));
    expect(rows).toHaveLength(13);
    for (const { plannedArrivalOn, plannedDepartureOn, election, ...observer } of rows) {
      const parsed = observerSchema.safeParse({ ...observer, cyrillicName: observer.cyrillicName ?? "", email: observer.email ?? "" });
      expect(parsed.error?.issues ?? [], observer.surname).toEqual([]);
      expect(checkObserverDates(observer, election), observer.surname).toEqual([]);
      expect(checkMissionDates({ plannedArrivalOn: plannedArrivalOn!, plannedDepartureOn: plannedDepartureOn! }, election)).toEqual([]);
    }
  });

  it("publishes the CIS and OTS preliminary statements in their own languages, each version's hash the app's own", async () => {
    const now = new Date();
    const { rows } = await listPublicStatements("en", { election: "PRES-2022" }, { page: 1, pageSize: 100 }, now);
    const seeded = rows.filter((r) => ["CIS EC", "OTS"].includes(r.acronym)).sort((a, b) => a.acronym.localeCompare(b.acronym));
    expect(seeded.map((r) => ({ acronym: r.acronym, kind: r.kind, originalLanguage: r.originalLanguage, version: r.version }))).toEqual([
      { acronym: "CIS EC", kind: "preliminary", originalLanguage: "ru", version: 1 },
      { acronym: "OTS", kind: "preliminary", originalLanguage: "en", version: 1 },
    ]);
    for (const summary of seeded) {
      // A preliminary statement comes the day after election day.
      expect(todayInAshgabat(new Date(summary.publishedAt))).toBe("2022-03-13");
      const page = await getPublicStatement(summary.id, null, now);
      expect(page!.versions).toHaveLength(1);
      const { shown } = page!;
      expect(shown.texts).toHaveLength(1);
      expect(shown.texts[0]).toMatchObject({ language: summary.originalLanguage, isOriginal: true });
      const recomputed = contentHash({
        statementId: page!.id,
        number: shown.number,
        kind: page!.kind,
        originalLanguage: shown.originalLanguage,
        otherLanguageName: shown.otherLanguageName,
        texts: shown.texts,
        attachments: shown.attachments,
      });
      expect(shown.sha256).toBe(recomputed);
      expect(page!.versions[0]!.sha256).toBe(recomputed);
    }
  });

  it("shows the OSCE/ODIHR needs-assessment meeting of 29 November 2022 among MEJ-2023's and the latest summaries", async () => {
    const election = await findPublicElection("MEJ-2023");
    const summaries = await listElectionMeetingSummaries(election!.id);
    expect(summaries).toHaveLength(1);
    const [meeting] = summaries;
    expect(meeting!.acronym).toBe("OSCE/ODIHR");
    expect(meeting!.heldAt).toBe(ashgabatInstant("2022-11-29", "11:00").toISOString());
    expect(meeting!.summary.en).toContain("needs-assessment");
    expect(meeting!.summary.ru).toContain("ОБСЕ");
    expect(meeting!.summary.tk).toContain("ÝHHG");
    expect((await listLatestMeetingSummaries()).map((m) => m.id)).toEqual([meeting!.id]);
  });
});
