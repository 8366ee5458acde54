import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import tk from "@/messages/tk.json";
import { buildZip } from "@/test/zip-writer";
import { buildCsvTemplate, parseObserverFile, reportedErrors, type ImportResult } from ".";
import { decodeCsv, detectDelimiter } from "./csv";
import { csvOf, englishHeader, sampleElection, sampleObserverRow, sampleObserverRows, xlsxOf } from "./sample-files";
import { declaredUnzippedSize, readXlsx } from "./xlsx";

const russianHeader = [
  "Фамилия",
  "Имя",
  "ФИО кириллицей",
  "Пол",
  "Дата рождения",
  "Гражданство",
  "Номер паспорта",
  "Паспорт действителен до",
  "Роль в миссии",
  "Дата прибытия",
  "Дата отъезда",
  "Электронная почта",
];

function observersOf(result: ImportResult) {
  if (!result.ok) throw new Error(`expected the file to be accepted: ${JSON.stringify(result.errors.slice(0, 5))}`);
  return result.observers;
}

function errorsOf(result: ImportResult) {
  if (result.ok) throw new Error("expected the file to be refused");
  return result.errors;
}

describe("XLSX", () => {
  it("imports 500 observers with real Excel date cells", async () => {
    const file = await xlsxOf(englishHeader, sampleObserverRows(500, "cells"));
    const observers = observersOf(await parseObserverFile(file, sampleElection));
    expect(observers).toHaveLength(500);
    expect(observers[0]).toEqual({
      surname: "Müller",
      givenNames: "Anna Maria",
      cyrillicName: "Мюллер Анна Мария",
      sex: "female",
      dateOfBirth: "1960-01-01",
      nationality: "DE",
      passportNumber: "P0000000",
      passportExpiresOn: "2032-01-31",
      role: "head_of_mission",
      arrivalOn: "2026-03-05",
      departureOn: "2026-03-16",
      email: "observer0@example.org",
    });
    expect(observers[499]).toMatchObject({ surname: "García", passportNumber: "P0000499", dateOfBirth: "1961-05-14" });
  });

  it("reads dates stored as serial numbers, in the 1900 and the 1904 date systems", async () => {
    const row = sampleObserverRow(0);
    // 31160 is 1985-04-23 and 46086 is 2026-03-05 in the 1900 system; 46085 is 2026-03-16 in the 1904 one.
    const serials = [...row];
    serials[4] = 31160;
    serials[9] = 46086;
    serials[10] = 46097.75;
    const [observer] = observersOf(await parseObserverFile(await xlsxOf(englishHeader, [serials]), sampleElection));
    expect(observer).toMatchObject({ dateOfBirth: "1985-04-23", arrivalOn: "2026-03-05", departureOn: "2026-03-16" });

    const mac = [...row];
    mac[10] = 44635;
    const [macObserver] = observersOf(await parseObserverFile(await xlsxOf(englishHeader, [mac], { date1904: true }), sampleElection));
    expect(macObserver?.departureOn).toBe("2026-03-16");
  });

  it("reads rich text, hyperlinks, formulas and numbers in text columns", async () => {
    const row: ExcelJS.CellValue[] = sampleObserverRow(1);
    row[0] = { richText: [{ text: "O'" }, { text: "Neill", font: { bold: true } }] };
    row[6] = 123456789;
    row[8] = { formula: '"interpreter"', result: "interpreter" };
    row[11] = { text: "anna@example.org", hyperlink: "mailto:anna@example.org" };
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Observers");
    sheet.addRow(englishHeader);
    sheet.addRow(row);
    const [observer] = observersOf(await parseObserverFile(new Uint8Array(await workbook.xlsx.writeBuffer()), sampleElection));
    expect(observer).toMatchObject({ surname: "O'Neill", passportNumber: "123456789", role: "interpreter", email: "anna@example.org" });
  });

  it("refuses 2,001 observers with one clear error", async () => {
    expect(errorsOf(await parseObserverFile(await xlsxOf(englishHeader, sampleObserverRows(2001)), sampleElection))).toEqual([
      { row: null, column: null, code: "tooManyRows", params: { max: 2000 } },
    ]);
  });

  it("reports every invalid cell with its spreadsheet row and column", async () => {
    const rows = sampleObserverRows(4, "cells");
    rows[1]![4] = "1985-02-30";
    rows[1]![8] = "boss";
    rows[3]![5] = "Atlantis";
    const errors = errorsOf(await parseObserverFile(await xlsxOf(englishHeader, rows), sampleElection));
    expect(errors).toEqual([
      { row: 3, column: "dateOfBirth", code: "dateFormat" },
      { row: 3, column: "role", code: "invalid" },
      { row: 5, column: "nationality", code: "countryCode" },
    ]);
  });

  it("refuses a damaged workbook and one that would unzip to more than a list ever needs", async () => {
    const file = await xlsxOf(englishHeader, sampleObserverRows(3));
    expect(errorsOf(await parseObserverFile(file.subarray(0, file.length - 200), sampleElection))).toEqual([
      { row: null, column: null, code: "unreadableFile" },
    ]);

    expect(declaredUnzippedSize(file)).toBeGreaterThan(file.length);
    // Claim a 4 GB entry in the central directory, as a decompression bomb would.
    const bomb = new Uint8Array(file);
    const view = new DataView(bomb.buffer);
    let at = bomb.length - 22;
    while (view.getUint32(at, true) !== 0x06054b50) at--;
    const directory = view.getUint32(at + 16, true);
    view.setUint32(directory + 24, 0xfffffff0, true);
    expect(declaredUnzippedSize(bomb)).toBeGreaterThan(4e9);
    expect(errorsOf(await parseObserverFile(bomb, sampleElection))).toEqual([{ row: null, column: null, code: "unreadableFile" }]);
  });

  it("stops inflating a workbook whose parts lie about their size, before the spreadsheet reader gets it", async () => {
    const liar = buildZip([{ name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(80 * 1024 * 1024, " "), declaredSize: 1000 }]);
    expect(declaredUnzippedSize(liar)).toBe(1000);
    await expect(readXlsx(liar)).rejects.toThrow("The workbook unzips too large");
    expect(errorsOf(await parseObserverFile(liar, sampleElection))).toEqual([{ row: null, column: null, code: "unreadableFile" }]);
  });
});

describe("CSV", () => {
  const asciiRows = () =>
    sampleObserverRows(3).map((row, i) => {
      const copy = [...row];
      copy[0] = ["Smith", "O'Neill", "Novak"][i];
      copy[1] = ["John", "Mary Ann", "Petr"][i];
      return copy;
    });

  it("reads UTF-8 with a byte-order mark (Excel's \"CSV UTF-8\")", async () => {
    const file = csvOf(englishHeader, sampleObserverRows(3), { encoding: "utf8-bom" });
    expect(file.subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    const observers = observersOf(await parseObserverFile(file, sampleElection));
    expect(observers.map((observer) => observer.surname)).toEqual(["Müller", "O'Neill", "Nowak"]);
    expect(observers[0]?.cyrillicName).toBe("Мюллер Анна Мария");
  });

  it("reads UTF-8 without a byte-order mark", async () => {
    const observers = observersOf(await parseObserverFile(csvOf(englishHeader, sampleObserverRows(3)), sampleElection));
    expect(observers.map((observer) => [observer.surname, observer.givenNames])).toEqual([
      ["Müller", "Anna Maria"],
      ["O'Neill", "Jean-Luc"],
      ["Nowak", "Zoë"],
    ]);
  });

  it("reads Windows-1251 with semicolons, as Excel in Russian saves it: Russian headings, Cyrillic names, Russian country names", async () => {
    const rows = [
      ["Ivanov", "Sergei", "Иванов Сергей Петрович", "Мужской", "1970-05-17", "Россия", "75 1234567", "2030-10-01", "Глава миссии", "2026-03-01", "2026-03-20", ""],
      ["Petrova", "Olga", "Петрова Ольга", "Женский", "23.04.1985", "Российская Федерация", "751234568", "2031-01-31", "Краткосрочный наблюдатель", "05.03.2026", "16.03.2026", "olga@example.org"],
      ["Abdullaev", "Timur", "Абдуллаев Тимур", "М", "1990-01-02", "Узбекистан", "FA1234567", "2029-12-31", "Переводчик", "2026-03-05", "2026-03-16", ""],
      ["Smith", "John", "Смит Джон", "Мужской", "1965-07-07", "Соединённое Королевство", "123456789", "2030-01-01", "Долгосрочный наблюдатель", "2026-02-20", "2026-03-20", ""],
    ];
    const file = csvOf(russianHeader, rows, { delimiter: ";", encoding: "win1251" });
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(file)).toThrow();
    const observers = observersOf(await parseObserverFile(file, sampleElection));
    expect(observers.map((observer) => [observer.cyrillicName, observer.nationality, observer.sex, observer.role])).toEqual([
      ["Иванов Сергей Петрович", "RU", "male", "head_of_mission"],
      ["Петрова Ольга", "RU", "female", "short_term_observer"],
      ["Абдуллаев Тимур", "UZ", "male", "interpreter"],
      ["Смит Джон", "GB", "male", "long_term_observer"],
    ]);
    expect(observers[0]?.passportNumber).toBe("751234567");
    expect(observers[1]).toMatchObject({ dateOfBirth: "1985-04-23", arrivalOn: "2026-03-05", departureOn: "2026-03-16" });
  });

  it("reads semicolons with quoted cells that hold semicolons, quotes and line breaks", async () => {
    const header = [...englishHeader, "Notes"];
    const rows = asciiRows().map((row) => [...row, 'Arrives late; "VIP"\nsecond line']);
    const file = csvOf(header, rows, { delimiter: ";" });
    expect(new TextDecoder().decode(file)).toContain('"Arrives late; ""VIP""\nsecond line"');
    expect(observersOf(await parseObserverFile(file, sampleElection)).map((observer) => observer.surname)).toEqual(["Smith", "O'Neill", "Novak"]);
  });

  it("reads Excel's \"Unicode text\": UTF-16 with tabs", async () => {
    const file = csvOf(englishHeader, sampleObserverRows(2), { delimiter: "\t", encoding: "utf16le-bom" });
    expect(observersOf(await parseObserverFile(file, sampleElection)).map((observer) => observer.surname)).toEqual(["Müller", "O'Neill"]);
  });

  it("lists every invalid cell and every repeated passport, numbered as in the spreadsheet", async () => {
    const rows = sampleObserverRows(8);
    rows[1]![0] = "Иванов"; // row 3
    rows[2]![4] = "1985-02-30"; // row 4
    rows[2]![5] = "Atlantis"; // row 4
    rows[4]![6] = ""; // row 6
    rows[5]![5] = "Türkiye"; // rows 7 and 9: the same passport of the same country (TR)
    rows[5]![6] = ` ${String(rows[7]![6]).toLowerCase()} `;
    rows[6] = rows[6]!.map(() => ""); // row 8: blank, skipped
    rows[3]![3] = "unknown"; // row 5
    const errors = errorsOf(await parseObserverFile(csvOf(englishHeader, rows), sampleElection));
    expect(errors).toEqual([
      { row: 3, column: "surname", code: "latinOnly" },
      { row: 4, column: "dateOfBirth", code: "dateFormat" },
      { row: 4, column: "nationality", code: "countryCode" },
      { row: 5, column: "sex", code: "invalid" },
      { row: 6, column: "passportNumber", code: "required" },
      { row: 7, column: "passportNumber", code: "passportTwiceInFile", params: { otherRow: 9 } },
      { row: 9, column: "passportNumber", code: "passportTwiceInFile", params: { otherRow: 7 } },
    ]);
  });

  it("reports a row's dates against the election in the same report as its malformed cells", async () => {
    const rows = sampleObserverRows(3);
    rows[0]![11] = "anna@"; // row 2: a malformed email and an observer who is 16 on election day
    rows[0]![4] = "2010-01-01";
    rows[1]![3] = "unknown"; // row 3: an unknown sex and a departure before the arrival
    rows[1]![10] = "2026-03-01";
    rows[2]![11] = "zoe@"; // row 4: a date of birth that is no date is named as such, not as an age
    rows[2]![4] = "2010-02-30";
    expect(errorsOf(await parseObserverFile(csvOf(englishHeader, rows), sampleElection))).toEqual([
      { row: 2, column: "dateOfBirth", code: "underage" },
      { row: 2, column: "email", code: "email" },
      { row: 3, column: "sex", code: "invalid" },
      { row: 3, column: "departureOn", code: "departureNotAfterArrival" },
      { row: 4, column: "dateOfBirth", code: "dateFormat" },
      { row: 4, column: "email", code: "email" },
    ]);
  });

  it("counts a quoted cell over several lines as one spreadsheet row", async () => {
    const header = [...englishHeader, "Notes"];
    const rows = asciiRows().map((row) => [...row, "line one\nline two\nline three"]);
    rows[2]![3] = "?";
    expect(errorsOf(await parseObserverFile(csvOf(header, rows), sampleElection))).toEqual([{ row: 4, column: "sex", code: "invalid" }]);
  });

  it("refuses a quote that is never closed", async () => {
    const text = `${englishHeader.join(",")}\n"Smith,John\n`;
    expect(errorsOf(await parseObserverFile(new TextEncoder().encode(text), sampleElection))).toEqual([
      { row: null, column: null, code: "unreadableFile" },
    ]);
  });

  it("accepts 2,000 rows and refuses 2,001", async () => {
    expect(observersOf(await parseObserverFile(csvOf(englishHeader, sampleObserverRows(2000)), sampleElection))).toHaveLength(2000);
    expect(errorsOf(await parseObserverFile(csvOf(englishHeader, sampleObserverRows(2001)), sampleElection))).toEqual([
      { row: null, column: null, code: "tooManyRows", params: { max: 2000 } },
    ]);
  });

  it("decodes by byte-order mark, then UTF-8, then Windows-1251", () => {
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe("A");
    expect(decodeCsv(new TextEncoder().encode("Мюллер"))).toBe("Мюллер");
    expect(decodeCsv(new Uint8Array(iconv.encode("Мюллер;Россия", "win1251")))).toBe("Мюллер;Россия");
    expect(decodeCsv(new Uint8Array(iconv.encode("Zoë", "utf-16be", { addBOM: true })))).toBe("Zoë");
  });

  it("picks the separator of the header line, ignoring quoted ones", () => {
    expect(detectDelimiter("a,b,c\n1;2;3;4;5")).toBe(",");
    expect(detectDelimiter('"a;b";c;d\n')).toBe(";");
    expect(detectDelimiter('"a,b,c";d;e')).toBe(";");
    expect(detectDelimiter("a\tb")).toBe("\t");
    expect(detectDelimiter("surname")).toBe(",");
  });
});

describe("the header row", () => {
  it("is read in any of the three languages, or as field names, in any order", async () => {
    const turkmen = ["Familiýasy", "Ady", "Doly ady kiril harplarynda", "Jynsy", "Doglan senesi", "Raýatlygy", "Pasportyň belgisi", "Pasportyň möhletiniň gutarýan senesi", "Missiýadaky wezipesi", "Gelýän senesi", "Gidýän senesi", "Elektron poçta"];
    const rows = sampleObserverRows(2);
    for (const header of [turkmen, russianHeader, englishHeader.map((heading) => heading.toUpperCase())]) {
      expect(observersOf(await parseObserverFile(csvOf(header, rows), sampleElection))).toHaveLength(2);
    }
    const keys = ["surname", "given_names", "cyrillicName", "sex", "date_of_birth", "nationality", "passportNumber", "passport_expires_on", "role", "arrivalOn", "departureOn", "email"];
    const reversed = (row: readonly unknown[]) => [...row].reverse();
    const observers = observersOf(await parseObserverFile(csvOf(reversed(keys) as string[], rows.map(reversed) as string[][]), sampleElection));
    expect(observers[1]).toMatchObject({ surname: "O'Neill", role: "short_term_observer" });
    expect(observers[1]?.email).toBeUndefined();
  });

  it("may leave out the optional columns and carry columns the portal does not read", async () => {
    const keep = [0, 1, 3, 4, 5, 6, 7, 8, 9, 10];
    const header = [...keep.map((i) => englishHeader[i]!), "Notes"];
    const rows = sampleObserverRows(2).map((row) => [...keep.map((i) => row[i]), "anything"]);
    const observers = observersOf(await parseObserverFile(csvOf(header, rows), sampleElection));
    expect(observers[0]).toMatchObject({ surname: "Müller", nationality: "DE", role: "head_of_mission" });
    expect([observers[0]?.cyrillicName, observers[0]?.email]).toEqual([undefined, undefined]);
  });

  it("names each missing or repeated column", async () => {
    const header = [...englishHeader];
    header[6] = "Passport";
    header[9] = "Departure date";
    header.splice(0, 1);
    const errors = errorsOf(await parseObserverFile(csvOf(header, []), sampleElection));
    expect(errors).toEqual([
      { row: 1, column: "departureOn", code: "duplicateColumn" },
      { row: 1, column: "surname", code: "missingColumn" },
      { row: 1, column: "passportNumber", code: "missingColumn" },
      { row: 1, column: "arrivalOn", code: "missingColumn" },
    ]);
  });

  it("needs at least one observer under it", async () => {
    expect(errorsOf(await parseObserverFile(csvOf(englishHeader, [[], []]), sampleElection))).toEqual([
      { row: null, column: null, code: "noObserverRows" },
    ]);
  });
});

describe("the report's column names", () => {
  it("are the headings of the coordinator's file, as written there, not the web form's labels", async () => {
    const header = [...russianHeader];
    header[6] = "Номер паспорта*";
    const rows = sampleObserverRows(3);
    rows[0]![6] = "P#1"; // row 2
    rows[1]![9] = "2026-13-01"; // row 3: arrival
    const result = await parseObserverFile(csvOf(header, rows), sampleElection);
    if (result.ok) throw new Error("expected the file to be refused");
    // A coordinator reading the portal in English still sees the Russian file's headings.
    expect(reportedErrors(result.errors, result.headings, "en")).toEqual([
      { row: 2, heading: "Номер паспорта*", code: "passportFormat" },
      { row: 3, heading: "Дата прибытия", code: "dateFormat" },
    ]);
    expect(en.observers.fields.arrivalOn).not.toBe(en.observerImport.headers.arrivalOn);
  });

  it("name a missing column as the template of the file's language does, else in the coordinator's language", async () => {
    const turkmen = Object.values(tk.observerImport.headers).filter((heading) => heading !== tk.observerImport.headers.arrivalOn);
    const result = await parseObserverFile(csvOf(turkmen, sampleObserverRows(1)), sampleElection);
    if (result.ok) throw new Error("expected the file to be refused");
    expect(reportedErrors(result.errors, result.headings, "en")).toEqual([{ row: 1, heading: "Gelýän senesi", code: "missingColumn" }]);

    // Headings all reworded tell no language: the coordinator's own is used.
    const reworded = englishHeader.filter((heading) => heading !== "Arrival date").map((heading) => `${heading} (as in the passport)`);
    const unknown = await parseObserverFile(csvOf(reworded, []), sampleElection);
    if (unknown.ok) throw new Error("expected the file to be refused");
    expect(reportedErrors(unknown.errors, unknown.headings, "ru")).toEqual([{ row: 1, heading: "Дата прибытия", code: "missingColumn" }]);
  });

  it("are left out for a problem of the whole file", async () => {
    const result = await parseObserverFile(csvOf(englishHeader, []), sampleElection);
    if (result.ok) throw new Error("expected the file to be refused");
    expect(reportedErrors(result.errors, result.headings, "en")).toEqual([{ row: null, heading: null, code: "noObserverRows" }]);
  });

  it("keep a long heading short enough to read", async () => {
    const header = [...englishHeader];
    header[0] = `Surname (${"as in the passport, ".repeat(20)})`;
    const rows = sampleObserverRows(1);
    rows[0]![0] = "Иванов";
    const result = await parseObserverFile(csvOf(header, rows), sampleElection);
    if (result.ok) throw new Error("expected the file to be refused");
    const [error] = reportedErrors(result.errors, result.headings, "en");
    expect(error?.heading).toHaveLength(80);
    expect(error?.heading).toMatch(/^Surname \(as in the passport, .*…$/);
  });
});

describe("a file without observers", () => {
  it("is called empty when it holds nothing at all, and so is not the template", async () => {
    const blank = new TextEncoder().encode(" \r\n\r\n,,\r\n");
    for (const file of [new Uint8Array(), blank, await xlsxOf([], [])]) {
      expect(errorsOf(await parseObserverFile(file, sampleElection))).toEqual([{ row: null, column: null, code: "emptyFile" }]);
    }
  });

  it("is not the template when its first row has none of the template's headings", async () => {
    // The header row deleted: the first observer is where the headings should be.
    const rows = sampleObserverRows(3);
    const [first, ...others] = rows;
    expect(errorsOf(await parseObserverFile(csvOf(first as string[], others), sampleElection))).toEqual([{ row: null, column: null, code: "notTemplate" }]);
    expect(errorsOf(await parseObserverFile(csvOf(["", ""], rows), sampleElection))).toEqual([{ row: null, column: null, code: "notTemplate" }]);
  });

  it("has no observer rows when it is the template's header row alone", async () => {
    for (const locale of ["tk", "ru", "en"] as const) {
      expect(errorsOf(await parseObserverFile(buildCsvTemplate(locale), sampleElection))).toEqual([{ row: null, column: null, code: "noObserverRows" }]);
    }
  });
});

describe("the head of mission", () => {
  it("is one per list: every later head-of-mission row is refused on its role column, naming the first", async () => {
    const rows = sampleObserverRows(5);
    rows[2]![8] = "Head of mission"; // row 4
    rows[4]![8] = "Глава миссии"; // row 6
    expect(errorsOf(await parseObserverFile(csvOf(englishHeader, rows), sampleElection))).toEqual([
      { row: 4, column: "role", code: "headOfMissionTwiceInFile", params: { otherRow: 2 } },
      { row: 6, column: "role", code: "headOfMissionTwiceInFile", params: { otherRow: 2 } },
    ]);
  });
});

describe("parseObserverFile", () => {
  it("tells files apart by their bytes: a PNG or an old .xls is unreadable, whatever its name", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    for (const file of [png, xls]) {
      expect(errorsOf(await parseObserverFile(file, sampleElection))).toEqual([{ row: null, column: null, code: "unreadableFile" }]);
    }
    expect(errorsOf(await parseObserverFile(new Uint8Array(), sampleElection))).toEqual([{ row: null, column: null, code: "emptyFile" }]);
  });

  it("refuses a file over 10 MB before reading it", async () => {
    expect(errorsOf(await parseObserverFile(new Uint8Array(10 * 1024 * 1024 + 1), sampleElection))).toEqual([
      { row: null, column: null, code: "fileTooLarge", params: { megabytes: 10 } },
    ]);
  });
});
