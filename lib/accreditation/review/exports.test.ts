import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { PermissionDeniedError } from "@/lib/identity/authorize";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import tk from "@/messages/tk.json";
import { accreditationData } from "@/test/accreditation-fixtures";
import { setUpTestDatabase, testData } from "@/test/db-fixtures";
import { saveMissionDetails } from "../applications";
import { addObserver } from "../observer-changes";
import type { ObserverField } from "../observer-schema";
import { decideObservers, type Staff } from "./decisions";
import {
  accreditedCsv,
  accreditedXlsx,
  countAccreditedForExport,
  exportColumns,
  exportFilterOptions,
  getElectionForExport,
  listAccreditedForExport,
  type AccreditedRow,
  type ExportFilters,
} from "./exports";

const data = testData();
const acc = accreditationData(data);
const ip = "198.51.100.9";
const catalogs = { en, ru, tk };

type Election = Awaited<ReturnType<typeof data.election>>;
type Person = Partial<Record<ObserverField, string>> & { outcome: "accredit" | "refuse" | "pending" };

/**
 * A mission of a new organization with its details and observers, submitted (written straight to
 * the table) and decided by a reviewer through `decideObservers`, which gives the numbers.
 */
async function missionWith(election: Election, regions: string[], people: Person[], name = `Mission ${data.token}`) {
  const draft = await acc.draftApplication({ election });
  const saved = await saveMissionDetails(draft.actor, draft.missionId, acc.missionDetails(election, { regions, name }), ip);
  if (!saved.ok) throw new Error(`expected the details to be saved: ${JSON.stringify(saved)}`);
  const ids: Record<string, string> = {};
  for (const { outcome, ...fields } of people) {
    const added = await addObserver(draft.actor, draft.missionId, acc.observerInput(election, fields), null, ip);
    if (!added.ok) throw new Error(`expected the observer to be added: ${JSON.stringify(added)}`);
    ids[fields.passportNumber!] = added.observerId;
    void outcome;
  }
  await acc.setMissionStatus(draft.missionId, "submitted");
  for (const kind of ["accredit", "refuse"] as const) {
    const passports = people.filter((p) => p.outcome === kind).map((p) => p.passportNumber!);
    if (passports.length === 0) continue;
    const rows = (await acc.observersOf(draft.missionId)).filter((row) => passports.includes(row.passportNumber));
    const seen = rows.map((row) => ({ observerId: row.id, version: row.version }));
    const decision = kind === "accredit" ? { kind } : { kind, reasonCode: "other" as const, reason: "Not this time." };
    const result = await decideObservers(reviewer, draft.missionId, seen, decision, ip);
    if (!result.ok) throw new Error(`expected the decision to pass: ${JSON.stringify(result)}`);
  }
  return { ...draft, ids };
}

const passport = (label: string) => `${label}${data.token}`.toUpperCase();

let reviewer: Staff;
let admin: Staff;
let election: Election;
let otherElection: Election;
let north: Awaited<ReturnType<typeof missionWith>>;
let south: Awaited<ReturnType<typeof missionWith>>;
let organizationAcronyms: { north: string; south: string };

setUpTestDatabase(data);

beforeAll(async () => {
  reviewer = await data.user("reviewer");
  admin = await data.user("admin");
  election = await data.election();
  otherElection = await data.election();
  // Accredited in the order of their names: Gurbanowa, then Lindqvist (head of mission).
  north = await missionWith(election, ["ashgabat", "mary"], [
    { outcome: "accredit", surname: "Lindqvist", givenNames: "Anna Maria", role: "head_of_mission", passportNumber: passport("NA"), cyrillicName: "Линдквист Анна Мария" },
    { outcome: "accredit", surname: "Gurbanowa", givenNames: "Aýnäzik Şöhrat", role: "short_term_observer", passportNumber: passport("NB"), nationality: "TR", cyrillicName: "Гурбанова Айназик" },
    { outcome: "pending", surname: "Pending", givenNames: "Paul", passportNumber: passport("NC") },
    { outcome: "refuse", surname: "Refused", givenNames: "Rita", passportNumber: passport("ND") },
  ], `Mission "North", ${data.token}`);
  south = await missionWith(election, ["lebap"], [
    { outcome: "accredit", surname: "Öwezowa", givenNames: "Jeren Ýaňyl", role: "long_term_observer", passportNumber: passport("SA"), sex: "female", dateOfBirth: "1979-12-31", cyrillicName: "Өвезова Җерен" },
  ]);
  await missionWith(otherElection, ["ashgabat"], [{ outcome: "accredit", surname: "Elsewhere", givenNames: "Ella", passportNumber: passport("OA") }]);
  const options = await exportFilterOptions(reviewer, "en");
  organizationAcronyms = {
    north: options.organizations.find((o) => o.id === north.actor.organizationId)!.label,
    south: options.organizations.find((o) => o.id === south.actor.organizationId)!.label,
  };
});

const numbersOf = (rows: AccreditedRow[]) => rows.map((row) => row.accreditationNumber);
const surnamesOf = (rows: AccreditedRow[]) => rows.map((row) => row.surname);

describe("listAccreditedForExport", () => {
  it("lists the election's accredited observers only, by accreditation number, with the columns the services need", async () => {
    const rows = await listAccreditedForExport(reviewer, { electionId: election.id });
    expect(numbersOf(rows)).toEqual([`${election.code}-0001`, `${election.code}-0002`, `${election.code}-0003`]);
    expect(surnamesOf(rows)).toEqual(["Gurbanowa", "Lindqvist", "Öwezowa"]);
    expect(rows[0]).toEqual({
      accreditationNumber: `${election.code}-0001`,
      surname: "Gurbanowa",
      givenNames: "Aýnäzik Şöhrat",
      cyrillicName: "Гурбанова Айназик",
      sex: "female",
      dateOfBirth: "1980-05-17",
      nationality: "TR",
      passportNumber: passport("NB"),
      passportExpiresOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      role: "short_term_observer",
      arrivalOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      departureOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      organizationAcronym: organizationAcronyms.north,
      missionName: `Mission "North", ${data.token}`,
    });
    expect(await countAccreditedForExport(reviewer, { electionId: election.id })).toBe(3);
  });

  it.each<[string, Omit<ExportFilters, "electionId">, string[]]>([
    ["the organization", { organizationId: "north" }, ["Gurbanowa", "Lindqvist"]],
    ["the other organization", { organizationId: "south" }, ["Öwezowa"]],
    ["a region the mission works in", { region: "mary" }, ["Gurbanowa", "Lindqvist"]],
    ["a region of the other mission", { region: "lebap" }, ["Öwezowa"]],
    ["a region nobody works in", { region: "balkan" }, []],
    ["the role", { role: "head_of_mission" }, ["Lindqvist"]],
    ["organization, region and role together", { organizationId: "north", region: "ashgabat", role: "short_term_observer" }, ["Gurbanowa"]],
    ["filters that exclude each other", { organizationId: "south", region: "ashgabat" }, []],
  ])("narrows by %s", async (_label, filters, expected) => {
    const organizationId = filters.organizationId === "north" ? north.actor.organizationId : filters.organizationId === "south" ? south.actor.organizationId : undefined;
    const chosen = { ...filters, electionId: election.id, organizationId };
    expect(surnamesOf(await listAccreditedForExport(reviewer, chosen))).toEqual(expected);
    expect(await countAccreditedForExport(reviewer, chosen)).toBe(expected.length);
  });

  it("finds nothing for an election without accredited observers, and the other election's own", async () => {
    const empty = await data.election();
    expect(await listAccreditedForExport(admin, { electionId: empty.id })).toEqual([]);
    expect(surnamesOf(await listAccreditedForExport(admin, { electionId: otherElection.id }))).toEqual(["Elsewhere"]);
    expect(await getElectionForExport(admin, election.id)).toEqual({ id: election.id, code: election.code });
    expect(await getElectionForExport(admin, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("offers elections with submitted applications and their organizations, never drafts", async () => {
    const draftOnly = await acc.draftApplication();
    const options = await exportFilterOptions(reviewer, "ru");
    expect(options.elections.map((e) => e.id)).toEqual(expect.arrayContaining([election.id, otherElection.id]));
    expect(options.elections.find((e) => e.id === election.id)?.label).toBe(`Выборы ${data.token}`);
    expect(options.elections.map((e) => e.id)).not.toContain(draftOnly.election.id);
    expect(options.organizations.map((o) => o.id)).not.toContain(draftOnly.actor.organizationId);
  });

  it("is for staff only: a coordinator is refused every function, even for their own organization", async () => {
    const coordinator = { id: north.actor.id, role: north.actor.role };
    await expect(listAccreditedForExport(coordinator, { electionId: election.id, organizationId: north.actor.organizationId })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(countAccreditedForExport(coordinator, { electionId: election.id })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(getElectionForExport(coordinator, election.id)).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(exportFilterOptions(coordinator, "en")).rejects.toBeInstanceOf(PermissionDeniedError);
  });
});

describe("accreditedCsv", () => {
  it("starts with a byte-order mark, ends lines with CRLF, and reads back with Cyrillic and Turkmen letters intact", async () => {
    const rows = await listAccreditedForExport(reviewer, { electionId: election.id });
    const csv = accreditedCsv(rows, "tk");
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString("utf8");
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(text.split("\r\n")).toHaveLength(rows.length + 2);

    const table = parse(csv, { bom: true }) as string[][];
    expect(table[0]).toEqual(exportColumns.map((column) => tk.exports.columns[column]));
    expect(table[0]![0]).toBe("Akkreditasiýa belgisi");
    expect(table[1]).toEqual([
      `${election.code}-0001`,
      "Gurbanowa",
      "Aýnäzik Şöhrat",
      "Гурбанова Айназик",
      "Aýal",
      "1980-05-17",
      "Türkiýe",
      passport("NB"),
      rows[0]!.passportExpiresOn,
      "Gysga möhletleýin synçy",
      rows[0]!.arrivalOn,
      rows[0]!.departureOn,
      organizationAcronyms.north,
      `Mission "North", ${data.token}`,
    ]);
    expect(table[3]!.slice(1, 4)).toEqual(["Öwezowa", "Jeren Ýaňyl", "Өвезова Җерен"]);
    // The mission's name, with a comma and quotes, is one quoted field.
    expect(text).toContain(`"Mission ""North"", ${data.token}"`);
  });

  it("names countries, sex and role in the reader's language", async () => {
    const rows = await listAccreditedForExport(reviewer, { electionId: election.id, role: "head_of_mission" });
    const [header, row] = parse(accreditedCsv(rows, "ru"), { bom: true }) as string[][];
    expect(header).toEqual(exportColumns.map((column) => ru.exports.columns[column]));
    expect(row!.slice(4, 7)).toEqual(["Женский", "1980-05-17", "Швеция"]);
    expect(row![9]).toBe("Глава миссии");
  });

  it("keeps a cell that starts like a formula from running as one", () => {
    const row: AccreditedRow = {
      accreditationNumber: "X-0001",
      surname: "Smith",
      givenNames: "Jo",
      cyrillicName: null,
      sex: "male",
      dateOfBirth: "1970-01-01",
      nationality: "GB",
      passportNumber: "0123456",
      passportExpiresOn: "2030-01-01",
      role: "interpreter",
      arrivalOn: "2027-01-01",
      departureOn: "2027-01-10",
      organizationAcronym: "@ORG",
      missionName: '=HYPERLINK("http://x.example","click")',
    };
    const [, cells] = parse(accreditedCsv([row], "en"), { bom: true }) as string[][];
    expect(cells![3]).toBe("");
    expect(cells![7]).toBe("0123456");
    expect(cells![12]).toBe("'@ORG");
    expect(cells![13]).toBe('\'=HYPERLINK("http://x.example","click")');
  });
});

describe("accreditedXlsx", () => {
  async function sheetOf(buffer: Buffer) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(buffer).buffer);
    return workbook.worksheets[0]!;
  }

  it.each(["en", "ru", "tk"] as const)("reads back with the %s header row and one row per observer", async (locale) => {
    const rows = await listAccreditedForExport(reviewer, { electionId: election.id });
    const sheet = await sheetOf(await accreditedXlsx(rows, locale));
    expect(sheet.name).toBe(catalogs[locale].exports.sheetName);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(exportColumns.map((column) => catalogs[locale].exports.columns[column]));
    expect(sheet.rowCount).toBe(rows.length + 1);
    const column = (name: (typeof exportColumns)[number]) => exportColumns.indexOf(name) + 1;
    for (const [index, row] of rows.entries()) {
      const cells = sheet.getRow(index + 2);
      expect(cells.getCell(column("accreditationNumber")).value).toBe(row.accreditationNumber);
      expect(cells.getCell(column("surname")).value).toBe(row.surname);
      expect(cells.getCell(column("givenNames")).value).toBe(row.givenNames);
      expect(cells.getCell(column("cyrillicName")).value).toBe(row.cyrillicName);
      expect(cells.getCell(column("organization")).value).toBe(row.organizationAcronym);
    }
  });

  it("writes dates as date cells and passport numbers as text", async () => {
    const rows = await listAccreditedForExport(reviewer, { electionId: election.id, organizationId: south.actor.organizationId });
    const sheet = await sheetOf(await accreditedXlsx(rows, "en"));
    const cells = sheet.getRow(2);
    const cell = (name: (typeof exportColumns)[number]) => cells.getCell(exportColumns.indexOf(name) + 1);
    expect(cell("dateOfBirth").type).toBe(ExcelJS.ValueType.Date);
    expect(cell("dateOfBirth").value).toEqual(new Date("1979-12-31T00:00:00Z"));
    expect(cell("dateOfBirth").numFmt).toBe("yyyy-mm-dd");
    expect(cell("arrivalOn").value).toEqual(new Date(`${rows[0]!.arrivalOn}T00:00:00Z`));
    expect(cell("passportNumber").type).toBe(ExcelJS.ValueType.String);
    expect(cell("passportNumber").value).toBe(passport("SA"));
    expect(cell("passportNumber").numFmt).toBe("@");
    expect(cell("sex").value).toBe("Female");
    expect(cell("role").value).toBe("Long-term observer");
    expect(cell("nationality").value).toBe("Sweden");
  });
});
