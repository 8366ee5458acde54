import { describe, expect, it } from "vitest";
import { foldForSearch } from "./search-folding";

describe("foldForSearch", () => {
  it("writes accented Latin letters as plain ones and Cyrillic capitals as small letters, keeping the rest", () => {
    expect(foldForSearch("Äşirowa Gülşat Ýazmyradow Ňurly Žanna")).toBe("Asirowa Gulsat Yazmyradow Nurly Zanna");
    expect(foldForSearch("Łódź Čapek Müller İstanbul")).toBe("Lodz Capek Muller Istanbul");
    expect(foldForSearch("АШИРОВА Ёлкина")).toBe("аширова елкина");
    expect(foldForSearch("plain 123 %_")).toBe("plain 123 %_");
  });
});
