import type { ElectionDates } from "../intake";
import { readCsv } from "./csv";
import { fileError, observersFromSheet, type ImportResult, type Sheet } from "./rows";
import { readXlsx } from "./xlsx";

/**
 * Bulk import of observers from the coordinator's spreadsheet, CSV or XLSX, told apart by the
 * file's bytes and never by its name. All or nothing: `ok` with every observer, or every
 * problem with its row and column so the coordinator can fix the file in one pass.
 */

export { buildCsvTemplate, buildImportTemplate } from "./template";
export { MAX_OBSERVER_ROWS, importCodes, type ImportCode, type ImportError, type ImportResult } from "./rows";
export { reportedErrors, type ReportedImportError } from "./report";

/** A list of 2,000 observers is well under 1 MB as CSV or XLSX. */
export const MAX_IMPORT_FILE_BYTES = 10 * 1024 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** Every row is checked as the observer form checks it, dates against `election` included. */
export async function parseObserverFile(bytes: Uint8Array, election: ElectionDates): Promise<ImportResult> {
  if (bytes.byteLength > MAX_IMPORT_FILE_BYTES) {
    return fileError("fileTooLarge", { megabytes: MAX_IMPORT_FILE_BYTES / 1024 / 1024 });
  }
  let sheet: Sheet;
  try {
    if (ZIP.every((byte, index) => bytes[index] === byte)) sheet = await readXlsx(bytes);
    else if (looksLikeText(bytes)) sheet = readCsv(bytes);
    else return fileError("unreadableFile");
  } catch {
    // The reader's message is for developers; the coordinator learns that the file is unreadable.
    return fileError("unreadableFile");
  }
  return observersFromSheet(sheet, election);
}

/** Text has no NUL bytes, except in UTF-16, which starts with a byte-order mark. */
function looksLikeText(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  return !bytes.subarray(0, 8192).includes(0);
}
