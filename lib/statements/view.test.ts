import { describe, expect, it } from "vitest";
import { statementViewOf, statementViewPath } from "./view";

const id = "0b9f6a52-8a4c-4c1e-9d51-3f0f2b7a1c11";

describe("a public statement's view in its path", () => {
  it("reads the latest version, a language, an earlier version and both", () => {
    expect(statementViewOf(undefined)).toEqual({ version: null, language: null });
    expect(statementViewOf(["ru"])).toEqual({ version: null, language: "ru" });
    expect(statementViewOf(["other"])).toEqual({ version: null, language: "other" });
    expect(statementViewOf(["versions", "2"])).toEqual({ version: 2, language: null });
    expect(statementViewOf(["versions", "12", "tk"])).toEqual({ version: 12, language: "tk" });
  });

  it("refuses any other path", () => {
    for (const segments of [["de"], ["ru", "en"], ["versions"], ["versions", "0"], ["versions", "01"], ["versions", "1e3"], ["versions", "2", "de"], ["versions", "2", "ru", "x"], ["versions", "9999999"]]) {
      expect(statementViewOf(segments), segments.join("/")).toBeNull();
    }
  });

  it("writes the path back, leaving out the latest version's number", () => {
    expect(statementViewPath(id, 3, { version: null, language: null })).toBe(`/statements/${id}`);
    expect(statementViewPath(id, 3, { version: 3, language: "ru" })).toBe(`/statements/${id}/ru`);
    expect(statementViewPath(id, 3, { version: 1, language: null })).toBe(`/statements/${id}/versions/1`);
    expect(statementViewPath(id, 3, { version: 1, language: "en" })).toBe(`/statements/${id}/versions/1/en`);
    for (const view of [{ version: 1, language: "tk" as const }, { version: null, language: "other" as const }]) {
      const path = statementViewPath(id, 3, view).split("/").slice(3);
      expect(statementViewOf(path)).toEqual(view);
    }
  });
});
