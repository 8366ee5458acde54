import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import type { Cell } from "./cells";

/**
 * Spreadsheets made on the fly for the import's tests and benchmark, the way Excel and
 * LibreOffice write them; nothing here is used by the portal itself.
 */

export const englishHeader = [
  "Surname",
  "Given names",
  "Full name in Cyrillic",
  "Sex",
  "Date of birth",
  "Nationality",
  "Passport number",
  "Passport expiry date",
  "Role",
  "Arrival date",
  "Departure date",
  "Email",
];

/** The election the sample rows are read against: every sample observer's age and stay fit it. */
export const sampleElection = { electionDay: "2026-03-15", observationStartsOn: "2026-02-13", observationEndsOn: "2026-03-25" };

const surnames = ["Müller", "O'Neill", "Nowak", "Smith-Jones", "Jørgensen", "Dubois", "Kowalczyk", "Şahin", "van der Berg", "García"];
const givenNames = ["Anna Maria", "Jean-Luc", "Zoë", "Piotr", "Ayşe", "John", "Lars", "Inés", "Mehmet", "Sophie"];
const cyrillicNames = ["Мюллер Анна Мария", "О'Нил Жан-Люк", "Новак Зоя", "Смит-Джонс Пётр"];
const nationalities = ["DE", "IE", "PL", "GB", "NO", "FR", "PL", "TR", "NL", "ES"];

/** The i-th of a list of valid observers (all short-term but the first, the head of mission). */
export function sampleObserverRow(i: number, dates: "text" | "cells" = "text"): Cell[] {
  const date = (iso: string) => (dates === "cells" ? new Date(`${iso}T00:00:00Z`) : iso);
  const born = new Date(Date.UTC(1960, 0, 1) + (i % 9000) * 86_400_000).toISOString().slice(0, 10);
  return [
    surnames[i % surnames.length],
    givenNames[i % givenNames.length],
    i % 3 === 0 ? cyrillicNames[i % cyrillicNames.length] : undefined,
    i % 2 === 0 ? "female" : "male",
    date(born),
    nationalities[i % nationalities.length],
    `P${String(i).padStart(7, "0")}`,
    date("2032-01-31"),
    i === 0 ? "head_of_mission" : "short_term_observer",
    date("2026-03-05"),
    date("2026-03-16"),
    i % 4 === 0 ? `observer${i}@example.org` : undefined,
  ];
}

export function sampleObserverRows(count: number, dates: "text" | "cells" = "text"): Cell[][] {
  return Array.from({ length: count }, (_, i) => sampleObserverRow(i, dates));
}

/** An .xlsx whose first sheet is the header and the rows, as typed into Excel. */
export async function xlsxOf(
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  options: { date1904?: boolean } = {},
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  if (options.date1904) workbook.properties.date1904 = true;
  const sheet = workbook.addWorksheet("Observers");
  sheet.addRow([...header]);
  for (const row of rows) sheet.addRow(row.map((cell) => cell ?? null));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function csvCell(cell: Cell, delimiter: string): string {
  const text = cell === undefined ? "" : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A .csv as Excel saves it: "utf8-bom" is "CSV UTF-8", "win1251" is plain "CSV" in Russian Windows. */
export function csvOf(
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  options: { delimiter?: "," | ";" | "\t"; encoding?: "utf8" | "utf8-bom" | "win1251" | "utf16le-bom" } = {},
): Uint8Array {
  const delimiter = options.delimiter ?? ",";
  const text = [header, ...rows].map((row) => row.map((cell) => csvCell(cell, delimiter)).join(delimiter)).join("\r\n") + "\r\n";
  switch (options.encoding ?? "utf8") {
    case "utf8":
      return new TextEncoder().encode(text);
    case "utf8-bom":
      return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    case "win1251":
      return new Uint8Array(iconv.encode(text, "win1251"));
    case "utf16le-bom":
      return new Uint8Array(iconv.encode(text, "utf-16le", { addBOM: true }));
  }
}
