/**
 * A cell as RFC 4180 wants it: quoted when it holds a comma, a quote or a line break. Text that a
 * spreadsheet would run as a formula (= + - @ or a control character, after any quotes or spaces)
 * gets an apostrophe: names and mission names come from the missions, not from the commission.
 * Excel set to Russian or Turkmen splits a .csv at semicolons, quotes or not, so each piece after
 * a semicolon is made inert as well.
 */
function csvCell(value: string) {
  const inert = value.replace(/(^|;)(?=["\s]*[=+\-@\t\r])/g, "$1'");
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

/** Rows as CSV: UTF-8 with a byte-order mark (so Excel reads Cyrillic and Turkmen letters), CRLF line ends. */
export function csvDocument(rows: string[][]): Buffer {
  return Buffer.from(`\uFEFF${rows.map((cells) => cells.map(csvCell).join(",")).join("\r\n")}\r\n`, "utf8");
}
