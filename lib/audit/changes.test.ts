import { describe, expect, it } from "vitest";
import { changedFields, recordedFields } from "./changes";

describe("changedFields", () => {
  it("lists only the fields whose values differ, with both values", () => {
    expect(changedFields({ acronym: "OTS", website: null, kind: "intergovernmental" }, { acronym: "TDG", website: "https://a.org", kind: "intergovernmental" })).toEqual({
      acronym: { from: "OTS", to: "TDG" },
      website: { from: null, to: "https://a.org" },
    });
  });

  it("compares instants by value and records them as ISO strings", () => {
    const at = "2026-05-01T04:00:00.000Z";
    expect(changedFields({ opens: new Date(at) }, { opens: new Date(at) })).toEqual({});
    expect(changedFields({ opens: new Date(at) }, { opens: new Date("2026-05-02T04:00:00Z") })).toEqual({
      opens: { from: at, to: "2026-05-02T04:00:00.000Z" },
    });
  });

  it("is empty when nothing changed", () => {
    expect(changedFields({ a: 1, b: true }, { a: 1, b: true })).toEqual({});
  });
});

describe("recordedFields", () => {
  it("keeps plain values and writes instants as ISO strings", () => {
    expect(recordedFields({ code: "LOC-2027", publishedAt: null, opens: new Date("2027-01-01T04:00:00Z") })).toEqual({
      code: "LOC-2027",
      publishedAt: null,
      opens: "2027-01-01T04:00:00.000Z",
    });
  });
});
