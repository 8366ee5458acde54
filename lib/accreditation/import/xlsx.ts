import ExcelJS from "exceljs";
import yauzl from "yauzl";
import { inflateEntry } from "@/lib/files/zip-inflate";
import type { Cell } from "./cells";
import type { Sheet } from "./rows";

/** An observer list unzips to a few megabytes; more than this is not a list but a trap. */
const MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;

/**
 * The total unzipped size the ZIP's central directory declares, read before anything is
 * inflated; Infinity when the directory is missing or uses ZIP64 sizes.
 */
export function declaredUnzippedSize(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65,535 bytes (its comment may be long).
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65535); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return Infinity;
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return Infinity;
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff) return Infinity;
    total += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}

/**
 * Whether every part of the workbook inflates within `limit` bytes in all, counted as they come.
 * The declared sizes refuse a bomb early, but they can lie, and exceljs's JSZip inflates a part
 * whole before comparing it with its declared size: one lying part would fill the memory first.
 */
async function unzipsWithin(bytes: Uint8Array, limit: number): Promise<boolean> {
  const archive = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const zip = await yauzl.fromBufferPromise(archive, { lazyEntries: true, autoClose: false, validateEntrySizes: false }).catch(() => null);
  if (!zip) return false;
  try {
    let inflated = 0;
    for await (const entry of zip.eachEntry()) {
      const { inflatedBytes, result } = await inflateEntry(zip, entry, limit - inflated);
      inflated += inflatedBytes;
      if (!result.ok) return false;
    }
    return true;
  } catch {
    return false;
  } finally {
    zip.close();
  }
}

/** What a cell holds, whatever Excel wrapped it in (rich text, formula, hyperlink, error). */
function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string" || typeof value === "number" || value instanceof Date) return value;
  if (typeof value === "boolean") return String(value);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("formula" in value || "sharedFormula" in value) return cellOf(value.result as ExcelJS.CellValue);
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : cellOf(value.text as ExcelJS.CellValue);
  if ("error" in value) return value.error;
  return undefined;
}

function cellsOf(row: ExcelJS.Row): Cell[] {
  const cells: Cell[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    cells[column - 1] = cellOf(cell.value);
  });
  return Array.from(cells);
}

/** The first worksheet; throws when the bytes are not a workbook or would unzip too large. */
export async function readXlsx(bytes: Uint8Array): Promise<Sheet> {
  if (declaredUnzippedSize(bytes) > MAX_UNZIPPED_BYTES || !(await unzipsWithin(bytes, MAX_UNZIPPED_BYTES))) {
    throw new Error("The workbook unzips too large, or is not a ZIP");
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  const worksheet = workbook.worksheets[0];
  if (!worksheet) throw new Error("The workbook has no worksheet");
  const rows: Sheet["rows"][number][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number > 1) rows.push({ row: number, cells: cellsOf(row) });
  });
  return { header: cellsOf(worksheet.getRow(1)), rows, date1904: workbook.properties.date1904 ?? false };
}
