import { isCalendarDay } from "@/lib/dates";

/** A cell as a reader gives it: CSV only has text; XLSX also has numbers and date cells. */
export type Cell = string | number | Date | undefined;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Day 0 of Excel's 1900 date system, once its phantom 1900-02-29 (serial 60) is behind. */
const EXCEL_1900_EPOCH = Date.UTC(1899, 11, 30);
const EXCEL_1904_EPOCH = Date.UTC(1904, 0, 1);
/** 9999-12-31, Excel's last day. */
const LAST_SERIAL = 2958465;

/**
 * A date cell whose format Excel forgot arrives as its serial number (e.g. 31160 for 1985-04-23).
 * Serials before 1900-03-01 are refused: Excel counts a day that never was before them.
 */
export function serialToIsoDate(serial: number, date1904 = false): string | undefined {
  const day = Math.floor(serial);
  if (date1904 ? day < 0 || day > LAST_SERIAL - 1462 : day < 61 || day > LAST_SERIAL) return undefined;
  return new Date((date1904 ? EXCEL_1904_EPOCH : EXCEL_1900_EPOCH) + day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * yyyy-mm-dd as written, or dd.mm.yyyy, which is how Excel in Russian (and much of Europe)
 * writes a date cell into a CSV file; anything else is returned for the schema to refuse.
 */
function textToIsoDate(text: string): string {
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (!dotted) return text;
  const [, day, month, year] = dotted as unknown as [string, string, string, string];
  const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  return isCalendarDay(iso) ? iso : text;
}

/** The text the observer schema reads from a cell; undefined for an empty one. */
export function cellText(cell: Cell, options: { date: boolean; date1904?: boolean }): string | undefined {
  if (cell === undefined) return undefined;
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime()) ? undefined : cell.toISOString().slice(0, 10);
  }
  if (typeof cell === "number") {
    if (options.date) return serialToIsoDate(cell, options.date1904) ?? String(cell);
    return String(cell);
  }
  const text = cell.trim();
  if (text === "") return undefined;
  return options.date ? textToIsoDate(text) : text;
}

export function isBlankRow(cells: readonly Cell[]): boolean {
  return cells.every((cell) => cell === undefined || (typeof cell === "string" && cell.trim() === ""));
}
