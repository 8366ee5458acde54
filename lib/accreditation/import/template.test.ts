import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import tk from "@/messages/tk.json";
import { buildImportTemplate, parseObserverFile } from ".";
import { observerFields } from "../observer-schema";
import { observerRoles, sexes } from "../vocabulary";
import { fieldOfHeader, roleOf, sexOf } from "./columns";
import { sampleElection } from "./sample-files";

const catalogs = { en, ru, tk };

async function workbookOf(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  return workbook;
}

describe.each(["en", "ru", "tk"] as const)("buildImportTemplate(%s)", (locale) => {
  const messages = catalogs[locale];

  it("has one header row in the coordinator's language, read back as the observer's fields", async () => {
    const workbook = await workbookOf(await buildImportTemplate(locale));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe(messages.observerImport.observersSheet);
    const headings = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headings).toEqual(observerFields.map((field) => messages.observerImport.headers[field]));
    expect(headings.map((heading) => fieldOfHeader(String(heading)))).toEqual(observerFields);
    expect(sheet.rowCount).toBe(1);
    expect(await parseObserverFile(await buildImportTemplate(locale), sampleElection)).toEqual({
      ok: false,
      errors: [{ row: null, column: null, code: "noObserverRows" }],
      headings: {},
    });
  });

  it("offers sex and role as drop-down lists of translated labels, on every row a file may have", async () => {
    const sheet = (await workbookOf(await buildImportTemplate(locale))).worksheets[0]!;
    const roleColumn = sheet.getColumn(observerFields.indexOf("role") + 1).letter;
    const sexColumn = sheet.getColumn(observerFields.indexOf("sex") + 1).letter;
    const roleLabels = observerRoles.map((role) => messages.vocabulary.observerRoles[role]);
    for (const row of [2, 1000, 2001]) {
      expect(sheet.getCell(`${roleColumn}${row}`).dataValidation).toMatchObject({
        type: "list",
        formulae: [`"${roleLabels.join(",")}"`],
      });
      expect(sheet.getCell(`${sexColumn}${row}`).dataValidation?.formulae).toEqual([
        `"${sexes.map((sex) => messages.vocabulary.sexes[sex]).join(",")}"`,
      ]);
    }
    expect(sheet.getCell(`${roleColumn}2002`).dataValidation).toBeUndefined();
    // Excel refuses a list longer than 255 characters.
    expect(roleLabels.join(",").length).toBeLessThan(255);
  });

  it("keeps passport numbers as text and shows dates as yyyy-mm-dd", async () => {
    const sheet = (await workbookOf(await buildImportTemplate(locale))).worksheets[0]!;
    const column = (field: (typeof observerFields)[number]) => sheet.getColumn(observerFields.indexOf(field) + 1);
    expect(column("passportNumber").numFmt).toBe("@");
    for (const field of ["dateOfBirth", "passportExpiresOn", "arrivalOn", "departureOn"] as const) {
      expect(column(field).numFmt).toBe("yyyy-mm-dd");
    }
  });

  it("explains every column on an Instructions sheet in the same language", async () => {
    const instructions = (await workbookOf(await buildImportTemplate(locale))).worksheets[1]!;
    expect(instructions.name).toBe(messages.observerImport.instructionsSheet);
    const texts: string[][] = [];
    instructions.eachRow((row) => texts.push((row.values as unknown[]).slice(1).map(String)));
    expect(texts[0]).toEqual([messages.observerImport.instructionsTitle]);
    expect(texts.flat().join(" ")).toContain(messages.observerImport.observersSheet);
    for (const field of observerFields) {
      const row = texts.find((cells) => cells[0] === messages.observerImport.headers[field]);
      expect(row, field).toBeDefined();
      expect(row![2]!.length, field).toBeGreaterThan(20);
    }
    const roleRow = texts.find((cells) => cells[0] === messages.observerImport.headers.role)!;
    expect(roleRow[2]).toContain(messages.vocabulary.observerRoles.head_of_mission);
  });
});

describe("a filled-in template", () => {
  it("imports what a coordinator picks from the lists and types as dates", async () => {
    const workbook = await workbookOf(await buildImportTemplate("ru"));
    const sheet = workbook.worksheets[0]!;
    sheet.addRow([
      "Ivanov",
      "Sergei",
      "Иванов Сергей",
      ru.vocabulary.sexes.male,
      new Date("1970-05-17T00:00:00Z"),
      "Россия",
      "0751234567",
      new Date("2030-10-01T00:00:00Z"),
      ru.vocabulary.observerRoles.head_of_mission,
      new Date("2026-03-01T00:00:00Z"),
      new Date("2026-03-20T00:00:00Z"),
      null,
    ]);
    const result = await parseObserverFile(new Uint8Array(await workbook.xlsx.writeBuffer()), sampleElection);
    expect(result).toEqual({
      ok: true,
      observers: [
        {
          surname: "Ivanov",
          givenNames: "Sergei",
          cyrillicName: "Иванов Сергей",
          sex: "male",
          dateOfBirth: "1970-05-17",
          nationality: "RU",
          passportNumber: "0751234567",
          passportExpiresOn: "2030-10-01",
          role: "head_of_mission",
          arrivalOn: "2026-03-01",
          departureOn: "2026-03-20",
          email: undefined,
        },
      ],
      rows: [2],
      // The report names columns as this file heads them: in Russian, whatever the coordinator's language.
      headings: ru.observerImport.headers,
    });
  });
});

describe("vocabulary in cells", () => {
  it("reads every role and sex by its code or its label in any language", () => {
    for (const messages of Object.values(catalogs)) {
      for (const role of observerRoles) {
        expect(roleOf(messages.vocabulary.observerRoles[role])).toBe(role);
        expect(roleOf(messages.vocabulary.observerRoles[role].toUpperCase())).toBe(role);
      }
      for (const sex of sexes) expect(sexOf(messages.vocabulary.sexes[sex])).toBe(sex);
    }
    expect(roleOf("short-term observer")).toBe("short_term_observer");
    expect(roleOf("head_of_mission")).toBe("head_of_mission");
    expect(sexOf("F")).toBe("female");
    expect(sexOf("м")).toBe("male");
    expect(roleOf("boss")).toBe("boss");
  });

  it("reads every heading of every language, and nothing else, as a field", () => {
    for (const messages of Object.values(catalogs)) {
      for (const field of observerFields) expect(fieldOfHeader(messages.observerImport.headers[field])).toBe(field);
    }
    expect(fieldOfHeader("Passport number*")).toBe("passportNumber");
    expect(fieldOfHeader("Surname (as in passport)")).toBe("surname");
    expect(fieldOfHeader("Notes")).toBeUndefined();
  });
});
