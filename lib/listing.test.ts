import { describe, expect, it } from "vitest";
import { containsPattern, offsetOf, pageCount, pageWindow, parseListQuery } from "./listing";

const options = { sortable: ["electionDay", "title"] as const, defaultSort: "electionDay", defaultDir: "desc" } as const;
const defaults = { page: 1, pageSize: 20, sort: "electionDay", dir: "desc" };

describe("parseListQuery", () => {
  it("uses the defaults when nothing is given", () => {
    expect(parseListQuery({}, options)).toEqual(defaults);
  });

  it("reads valid values", () => {
    expect(parseListQuery({ page: "3", sort: "title", dir: "asc" }, options)).toEqual({
      page: 3,
      pageSize: 20,
      sort: "title",
      dir: "asc",
    });
  });

  it("uses the given page size", () => {
    expect(parseListQuery({ page: "2" }, { ...options, pageSize: 5 })).toEqual({ ...defaults, page: 2, pageSize: 5 });
  });

  it.each(["abc", "-1", "0", "1.5", "1e309", "Infinity", "NaN", "", " ", "100001", "9999999999999999999", "0x10z"])(
    "falls back to page 1 for page=%j",
    (page) => {
      expect(parseListQuery({ page }, options).page).toBe(1);
    },
  );

  it("accepts the largest allowed page", () => {
    expect(parseListQuery({ page: "100000" }, options).page).toBe(100_000);
  });

  it("takes the first value of repeated parameters", () => {
    expect(parseListQuery({ page: ["4", "7"], sort: ["title", "electionDay"], dir: ["asc", "desc"] }, options)).toEqual({
      page: 4,
      pageSize: 20,
      sort: "title",
      dir: "asc",
    });
  });

  it("falls back when the first of repeated parameters is garbage, or the array is empty", () => {
    expect(parseListQuery({ page: ["x", "4"], sort: ["nope", "title"], dir: ["up", "asc"] }, options)).toEqual(defaults);
    expect(parseListQuery({ page: [], sort: [], dir: [] }, options)).toEqual(defaults);
  });

  it.each(["nope", "id", "TITLE", "title ", "__proto__", "constructor"])("ignores unknown sort %j", (sort) => {
    expect(parseListQuery({ sort }, options).sort).toBe("electionDay");
  });

  it.each(["up", "ASC", "descending", "", "1"])("ignores dir %j", (dir) => {
    expect(parseListQuery({ dir }, options).dir).toBe("desc");
    expect(parseListQuery({ dir }, { ...options, defaultDir: "asc" }).dir).toBe("asc");
  });

  it("keeps the valid parameters when others are garbage", () => {
    expect(parseListQuery({ page: "abc", sort: "title", dir: "up" }, options)).toEqual({ ...defaults, sort: "title" });
    expect(parseListQuery({ page: "2", sort: "bogus", dir: "asc" }, options)).toEqual({ ...defaults, page: 2, dir: "asc" });
  });
});

describe("pageCount", () => {
  it.each([
    [0, 20, 1],
    [1, 20, 1],
    [20, 20, 1],
    [21, 20, 2],
    [40, 20, 2],
    [41, 20, 3],
    [7, 3, 3],
  ])("%d rows at %d per page → %d pages", (total, pageSize, pages) => {
    expect(pageCount(total, pageSize)).toBe(pages);
  });
});

describe("offsetOf", () => {
  it.each([
    [1, 20, 0],
    [2, 20, 20],
    [3, 5, 10],
    [100_000, 20, 1_999_980],
  ])("page %d at %d per page starts at row %d", (page, pageSize, offset) => {
    expect(offsetOf({ page, pageSize, sort: "x", dir: "asc" })).toBe(offset);
  });
});

describe("pageWindow", () => {
  it.each([
    [1, 1, [1]],
    [1, 5, [1, 2, 3, 4, 5]],
    [4, 7, [1, 2, 3, 4, 5, 6, 7]],
    [1, 200, [1, 2, 3, "gap", 200]],
    [5, 200, [1, 2, 3, 4, 5, 6, 7, "gap", 200]],
    [100, 200, [1, "gap", 98, 99, 100, 101, 102, "gap", 200]],
    [200, 200, [1, "gap", 198, 199, 200]],
  ])("page %d of %d shows %j", (page, pages, expected) => {
    expect(pageWindow(page, pages)).toEqual(expected);
  });

  it("never shows a page outside the list, even for a page past the end", () => {
    expect(pageWindow(9, 3)).toEqual([1, 2, 3]);
  });
});

describe("containsPattern", () => {
  it("matches anywhere and takes the user's wildcards literally", () => {
    expect(containsPattern("OSCE")).toBe("%OSCE%");
    expect(containsPattern("100%_a\\b")).toBe("%100\\%\\_a\\\\b%");
  });

  it("drops NUL, which PostgreSQL refuses in a query and no stored text holds", () => {
    expect(containsPattern("OS\u0000CE\u0000")).toBe("%OSCE%");
  });
});
