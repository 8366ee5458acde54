import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "@/db/migrate";
import { approveApplication, decideObservers, type Staff } from "@/lib/accreditation/review/decisions";
import { addDays, todayInAshgabat } from "@/lib/dates";
import { countryNamer } from "@/lib/organizations/countries";
import { accreditationData } from "@/test/accreditation-fixtures";
import { testData } from "@/test/db-fixtures";
import { registerCsv } from "./register-csv";
import { buildPublicRegister, currentTotals, electionKeyOf, findPublicElection, listCurrentElections, type PublicElection } from "./register";

const data = testData();
const acc = accreditationData(data);

let reviewer: Staff;
// Observation ends in more than a year: counted "current" a year from now, unlike other tests' elections.
const farEnd = addDays(todayInAshgabat(), 400);
const aYearFromNow = new Date(Date.now() + 366 * 24 * 3600 * 1000);

/** A submitted application whose observers the reviewer accredits (or not), then approves. */
async function decidedMission(
  election: Awaited<ReturnType<typeof data.election>>,
  people: { surname: string; nationality: string; role?: string; outcome: "accredit" | "refuse" | "pending" }[],
  approve: boolean,
) {
  const application = await acc.submittedApplication({ election, observers: people.map(({ outcome, ...fields }) => (void outcome, fields)) });
  const ids = (outcome: string) => application.observerIds.filter((_, i) => people[i]!.outcome === outcome);
  if (ids("accredit").length) expect((await decideObservers(reviewer, application.missionId, await acc.seen(ids("accredit")), { kind: "accredit" }, null)).ok).toBe(true);
  if (ids("refuse").length) {
    const refusal = { kind: "refuse" as const, reasonCode: "other" as const, reason: "Not this time." };
    expect((await decideObservers(reviewer, application.missionId, await acc.seen(ids("refuse")), refusal, null)).ok).toBe(true);
  }
  if (approve) expect((await approveApplication(reviewer, application.missionId, await acc.missionVersion(application.missionId), null)).ok).toBe(true);
  return application;
}

let election: PublicElection;
let approved: Awaited<ReturnType<typeof decidedMission>>;
let revokedOnly: Awaited<ReturnType<typeof decidedMission>>;
let pendingPassports: string[];

beforeAll(async () => {
  await migrateDatabase();
  reviewer = await data.user("reviewer");
  const row = await data.election({ observationEndsOn: farEnd });
  approved = await decidedMission(
    row,
    [
      { surname: "Lindqvist", nationality: "SE", role: "head_of_mission", outcome: "accredit" },
      // Ç comes after C in Turkmen, not after Z as in the bytes: the register follows the alphabet.
      { surname: "Çaryýewa", nationality: "TR", outcome: "accredit" },
      { surname: "Müller", nationality: "DE", role: "interpreter", outcome: "accredit" },
      { surname: "Refused", nationality: "FR", outcome: "refuse" },
    ],
    true,
  );
  // Accredited observers of an application still under review are not public yet.
  const underReview = await decidedMission(row, [{ surname: "Waiting", nationality: "IT", outcome: "accredit" }], false);
  // An approved mission whose only observer was revoked has nobody accredited: not listed.
  revokedOnly = await decidedMission(row, [{ surname: "Revoked", nationality: "NO", outcome: "accredit" }], true);
  const revocation = { kind: "revoke" as const, reasonCode: "other" as const, reason: "Campaigned." };
  expect((await decideObservers(reviewer, revokedOnly.missionId, await acc.seen(revokedOnly.observerIds), revocation, null)).ok).toBe(true);
  pendingPassports = (await acc.observersOf(underReview.missionId)).map((o) => o.passportNumber);
  election = (await findPublicElection(row.code))!;
});

afterAll(async () => {
  await data.cleanUp();
});

describe("the public register", () => {
  it("lists approved missions with accredited observers only, counted by role and country", async () => {
    const register = await buildPublicRegister(election);
    expect(register.missions.map((m) => m.id)).toEqual([approved.missionId]);
    const [mission] = register.missions;
    expect(mission).toMatchObject({
      accredited: 3,
      byRole: { head_of_mission: 1, short_term_observer: 1, interpreter: 1 },
      countries: ["DE", "SE", "TR"],
      headOfMission: "Anna Maria Lindqvist",
      type: "limited_observation_mission",
    });
    expect(register.totals).toEqual({ missions: 1, observers: 3, countries: 3 });
  });

  it("names nobody unless the election publishes names, and never gives passports or birth dates", async () => {
    const hidden = await buildPublicRegister(election);
    expect(hidden.observers).toBeNull();
    const shown = await buildPublicRegister({ ...election, publishObserverNames: true });
    expect(shown.observers!.map((o) => o.surname)).toEqual(["Çaryýewa", "Lindqvist", "Müller"]);
    for (const observer of shown.observers!) expect(Object.keys(observer).sort()).toEqual(["givenNames", "missionId", "nationality", "role", "surname"]);
    const stored = await acc.observersOf(approved.missionId);
    const text = JSON.stringify(shown);
    for (const secret of [...stored.map((o) => o.passportNumber), ...stored.map((o) => o.dateOfBirth), ...pendingPassports]) expect(text).not.toContain(secret);
    expect(text).not.toContain("Refused");
    expect(text).not.toContain("Revoked");
  });

  it("is found by code in any case or by id, and never for a draft or junk", async () => {
    expect((await findPublicElection(electionKeyOf(election.code.toLowerCase())!))?.id).toBe(election.id);
    expect((await findPublicElection(electionKeyOf(election.id)!))?.code).toBe(election.code);
    const draft = await data.election({ status: "draft", publishedAt: null });
    expect(await findPublicElection(electionKeyOf(draft.code)!)).toBeNull();
    expect(await findPublicElection(electionKeyOf(draft.id)!)).toBeNull();
    expect(electionKeyOf("../etc/passwd")).toBeNull();
    expect(electionKeyOf("A".repeat(17))).toBeNull();
  });

  it("counts current and upcoming elections only", async () => {
    expect(await currentTotals(aYearFromNow)).toEqual({ missions: 1, observers: 3, countries: 3 });
    expect((await listCurrentElections(aYearFromNow)).map((e) => e.id)).toEqual([election.id]);
    expect(await currentTotals(new Date(`${addDays(farEnd, 1)}T12:00:00Z`))).toEqual({ missions: 0, observers: 0, countries: 0 });
  });

  it("downloads as CSV with a byte-order mark, translated columns and one row per mission, or per observer with names", async () => {
    const register = await buildPublicRegister(election);
    const csv = registerCsv(register, "ru");
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(csv.toString("utf8").slice(1)) as string[][];
    expect(rows[0]!.slice(0, 3)).toEqual(["Организация", "Аббревиатура", "Миссия"]);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain("Anna Maria Lindqvist");
    // Countries by their names in the reader's language.
    expect(rows[1]!.at(-1)).toBe("Германия; Турция; Швеция");

    const named = parse(registerCsv({ ...register, ...(await buildPublicRegister({ ...election, publishObserverNames: true })) }, "en").toString("utf8").slice(1)) as string[][];
    expect(named[0]).toEqual(["Organization", "Mission", "Type of mission", "Surname", "Given names", "Role", "Nationality"]);
    expect(named.slice(1).map((r) => [r[3], r[5], r[6]])).toEqual([
      ["Çaryýewa", "Short-term observer", countryNamer("en")("TR")],
      ["Lindqvist", "Head of mission", "Sweden"],
      ["Müller", "Interpreter", "Germany"],
    ]);
  });
});
