import { fieldErrorsOf, type FieldErrors } from "@/lib/forms";
import { countryCodeOf } from "../countries";
import { observerFormSchema } from "../election-form-schemas";
import type { ElectionDates } from "../intake";
import { observerFields, type ObserverField, type ObserverInput } from "../observer-schema";
import { cellText, isBlankRow, type Cell } from "./cells";
import { dateColumns, fieldOfHeader, optionalColumns, roleOf, sexOf, templateHeading, templateLocaleOf } from "./columns";

export const MAX_OBSERVER_ROWS = 2000;

export const importCodes = [
  "fileTooLarge",
  "unreadableFile",
  "tooManyRows",
  "noFileChosen",
  "emptyFile",
  "notTemplate",
  "noObserverRows",
  "missingColumn",
  "duplicateColumn",
  "passportTwiceInFile",
  "headOfMissionTwiceInFile",
] as const;
export type ImportCode = (typeof importCodes)[number];

/**
 * One problem, placed as the coordinator sees it in the spreadsheet: `row` counts the header as
 * row 1; `row` and `column` are null for a problem with the whole file. `code` is a key of the
 * `validation` namespace.
 */
export type ImportError = {
  row: number | null;
  column: ObserverField | null;
  code: FieldErrors[string] | ImportCode;
  params?: Record<string, number>;
};

/**
 * Each column's heading as the coordinator's file spells it, for the report to name the column
 * the way the coordinator sees it; a column the file lacks, as the template in the file's
 * language spells it (when that language can be told).
 */
export type ColumnHeadings = Partial<Record<ObserverField, string>>;

/** `rows[i]` is the spreadsheet row `observers[i]` came from, for the intake checks' report. */
export type ImportResult =
  | { ok: true; observers: ObserverInput[]; rows: number[]; headings: ColumnHeadings }
  | { ok: false; errors: ImportError[]; headings: ColumnHeadings };

/** A sheet as read from either format; rows keep their spreadsheet numbers. */
export type Sheet = {
  header: readonly Cell[];
  rows: readonly { row: number; cells: readonly Cell[] }[];
  /** Workbooks saved with the Mac's old 1904 date system count serials from 1904-01-01. */
  date1904?: boolean;
};

export const fileError = (code: ImportCode, params?: Record<string, number>): ImportResult => ({
  ok: false,
  errors: [{ row: null, column: null, code, ...(params && { params }) }],
  headings: {},
});

/** Enough of a heading to find its column; a heading cell may hold a whole paragraph. */
const MAX_HEADING_LENGTH = 80;

function headingAsWritten(text: string): string {
  const heading = text.replace(/\s+/g, " ").trim();
  return heading.length > MAX_HEADING_LENGTH ? `${heading.slice(0, MAX_HEADING_LENGTH - 1)}…` : heading;
}

/** Which column holds which field and how the file heads it, and the header row's problems. */
function readHeader(header: readonly Cell[]) {
  const columns = new Map<ObserverField, number>();
  const headings: ColumnHeadings = {};
  const errors: ImportError[] = [];
  header.forEach((cell, index) => {
    const field = typeof cell === "string" ? fieldOfHeader(cell) : undefined;
    if (!field) return;
    if (columns.has(field)) errors.push({ row: 1, column: field, code: "duplicateColumn" });
    else {
      columns.set(field, index);
      headings[field] = headingAsWritten(String(cell));
    }
  });
  const locale = templateLocaleOf(header.filter((cell) => typeof cell === "string"));
  for (const field of observerFields) {
    if (columns.has(field)) continue;
    if (locale) headings[field] = templateHeading(field, locale);
    if (!optionalColumns.has(field)) errors.push({ row: 1, column: field, code: "missingColumn" });
  }
  return { columns, headings, errors };
}

/** The schema's input for one row: vocabulary words and country names turned into codes. */
function valuesOf(cells: readonly Cell[], columns: Map<ObserverField, number>, date1904: boolean) {
  const values: Partial<Record<ObserverField, string>> = {};
  for (const [field, index] of columns) {
    const text = cellText(cells[index], { date: dateColumns.has(field), date1904 });
    if (text === undefined) continue;
    if (field === "sex") values.sex = sexOf(text);
    else if (field === "role") values.role = roleOf(text);
    else if (field === "nationality") values.nationality = countryCodeOf(text) ?? text;
    else values[field] = text;
  }
  return values;
}

/**
 * All or nothing: every row's observer, or every problem in the file (each invalid cell once,
 * a row's dates that break the election's rules, each row whose passport another row repeats, and
 * each head of mission after the first).
 */
export function observersFromSheet(sheet: Sheet, election: ElectionDates): ImportResult {
  if (isBlankRow(sheet.header) && sheet.rows.every((row) => isBlankRow(row.cells))) return fileError("emptyFile");
  const { columns, headings, errors: headerErrors } = readHeader(sheet.header);
  // Without one heading of the template, the first row is data or something else: not a list to correct column by column.
  if (columns.size === 0) return fileError("notTemplate");
  if (headerErrors.length > 0) return { ok: false, errors: headerErrors, headings };

  const rows = sheet.rows.filter((row) => row.row > 1 && !isBlankRow(row.cells));
  if (rows.length > MAX_OBSERVER_ROWS) return fileError("tooManyRows", { max: MAX_OBSERVER_ROWS });
  if (rows.length === 0) return fileError("noObserverRows");

  const errors: ImportError[] = [];
  const observers: ObserverInput[] = [];
  const observerRows: number[] = [];
  const rowsByPassport = new Map<string, number[]>();
  const observerSchema = observerFormSchema(election);
  for (const { row, cells } of rows) {
    const result = observerSchema.safeParse(valuesOf(cells, columns, sheet.date1904 ?? false));
    if (!result.success) {
      for (const [field, code] of Object.entries(fieldErrorsOf(result.error))) {
        errors.push({ row, column: field as ObserverField, code });
      }
      continue;
    }
    observers.push(result.data);
    observerRows.push(row);
    const key = `${result.data.nationality} ${result.data.passportNumber}`;
    rowsByPassport.set(key, [...(rowsByPassport.get(key) ?? []), row]);
  }

  // The template says a mission has one head of mission: the first such row stands, the later ones are named.
  const headRows = observerRows.filter((_, index) => observers[index]!.role === "head_of_mission");
  for (const row of headRows.slice(1)) {
    errors.push({ row, column: "role", code: "headOfMissionTwiceInFile", params: { otherRow: headRows[0]! } });
  }

  for (const sameRows of rowsByPassport.values()) {
    if (sameRows.length < 2) continue;
    for (const row of sameRows) {
      const otherRow = sameRows.find((other) => other !== row)!;
      errors.push({ row, column: "passportNumber", code: "passportTwiceInFile", params: { otherRow } });
    }
  }

  if (errors.length === 0) return { ok: true, observers, rows: observerRows, headings };
  const order = (error: ImportError) => (error.column ? observerFields.indexOf(error.column) : -1);
  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || order(a) - order(b));
  return { ok: false, errors, headings };
}
