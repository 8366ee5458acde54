import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import type { Sheet } from "./rows";

/**
 * CSV as spreadsheets write it: Excel in English writes commas, Excel in Russian semicolons
 * (the comma is its decimal mark) and, unless told "CSV UTF-8", Windows-1251 without a BOM;
 * "Unicode text" is UTF-16 with tabs.
 */

function startsWith(bytes: Uint8Array, prefix: readonly number[]) {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** The file's text: by its byte-order mark, else UTF-8 if the bytes are valid UTF-8, else Windows-1251. */
export function decodeCsv(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return iconv.decode(Buffer.from(bytes.subarray(2)), "utf-16be");
  try {
    // Cyrillic in Windows-1251 is almost never valid UTF-8, so a strict decoder tells the two apart.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes), "win1251");
  }
}

/** The separator that occurs most often, outside quotes, in the header line. */
export function detectDelimiter(text: string): "," | ";" | "\t" {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char in counts) counts[char as keyof typeof counts]++;
  }
  const best = (Object.keys(counts) as (keyof typeof counts)[]).reduce((a, b) => (counts[b] > counts[a] ? b : a));
  return counts[best] > 0 ? best : ",";
}

/** Throws on text that is not CSV (e.g. a quote never closed). */
export function readCsv(bytes: Uint8Array): Sheet {
  const text = decodeCsv(bytes);
  const records: string[][] = parse(text, {
    delimiter: detectDelimiter(text),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  });
  const [header = [], ...rows] = records;
  // Each record is one spreadsheet row, even when a quoted cell spans several lines.
  return { header, rows: rows.map((cells, index) => ({ row: index + 2, cells })) };
}
