/**
 * A cell as RFC 4180 wants it: quoted when it holds a comma, a quote or a line break. A cell that
 * a spreadsheet would run as a formula (it starts with = + - @ or a control character) gets a
 * leading apostrophe: names and mission names come from the missions, not from the commission.
 */
function csvCell(value: string) {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

/** Rows as CSV: UTF-8 with a byte-order mark (so Excel reads Cyrillic and Turkmen letters), CRLF line ends. */
export function csvDocument(rows: string[][]): Buffer {
  return Buffer.from(`\uFEFF${rows.map((cells) => cells.map(csvCell).join(",")).join("\r\n")}\r\n`, "utf8");
}
